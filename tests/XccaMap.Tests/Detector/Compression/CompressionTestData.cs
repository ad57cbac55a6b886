namespace XccaMap.Tests.Detector.Compression;

/// <summary>Seeded synthetic data for the codec tests.</summary>
internal static class CompressionTestData
{
    public static byte[] RandomBytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    /// <summary>
    /// Detector-like elements: Poisson counts of mean <paramref name="mean"/> (mostly 0), with
    /// about 1 % of elements set to all-ones (gap/defective pixels), little-endian.
    /// </summary>
    public static byte[] SparsePoisson(int elements, int elementSize, double mean, int seed)
    {
        var random = new Random(seed);
        var data = new byte[elements * elementSize];
        double limit = Math.Exp(-mean);
        for (int i = 0; i < elements; i++)
        {
            ulong value;
            if (random.NextDouble() < 0.01)
            {
                value = ulong.MaxValue;
            }
            else
            {
                // Knuth's multiplication method: fine for small means.
                value = 0;
                for (double p = random.NextDouble(); p > limit; p *= random.NextDouble())
                {
                    value++;
                }
            }

            for (int b = 0; b < elementSize; b++)
            {
                data[(i * elementSize) + b] = (byte)(value >> (8 * b));
            }
        }

        return data;
    }
}
