using XccaMap.Detector.Eiger;

namespace XccaMap.Tests.Detector.Eiger;

/// <summary>Small NXmx scans with known pixels, written through the HDF5 filter by <see cref="NxmxWriter"/>.</summary>
public static class ScanFixtures
{
    public enum Content
    {
        Random,
        SparsePoisson,
    }

    /// <summary>Writes a scan and returns the frames written (uint32, as given to the writer).</summary>
    public static uint[][] Write(string dir, string name, int rows, int cols, int frames, int framesPerFile, int elementSize, Content content, int seed = 1,
        FrameCompression compression = FrameCompression.BitshuffleLz4, uint[]? pixelMask = null, long? announced = null)
    {
        var rng = new Random(seed);
        var written = new uint[frames][];
        var spec = new NxmxScanSpec
        {
            Directory = dir,
            Name = name,
            Rows = rows,
            Columns = cols,
            Frames = announced ?? frames,
            FramesPerFile = framesPerFile,
            ElementSize = elementSize,
            Compression = compression,
            PixelMask = pixelMask,
            Metadata = new EigerMetadata
            {
                WavelengthMetres = 0.898e-10,
                DistanceMetres = 0.41,
                BeamCenterX = 12.5,
                BeamCenterY = 7.25,
                PixelSizeX = 75e-6,
                PixelSizeY = 75e-6,
                CountTimeSeconds = 0.3,
            },
        };
        using var writer = NxmxWriter.Create(spec);
        uint max = elementSize == 2 ? 65534u : 4_000_000u;
        for (int f = 0; f < frames; f++)
        {
            var px = new uint[rows * cols];
            for (int i = 0; i < px.Length; i++)
            {
                px[i] = content == Content.Random ? (uint)rng.NextInt64(0, max) : Poisson(rng, 0.05 + (i % 97 == 0 ? 30 : 0));
            }

            px[0] = uint.MaxValue; // a gap pixel: all ones
            written[f] = px;
            writer.WriteFrame(px);
        }

        return written;
    }

    private static uint Poisson(Random rng, double mean)
    {
        // Knuth's method: fine for the small means of detector frames.
        double l = Math.Exp(-mean), p = 1;
        uint k = 0;
        do
        {
            k++;
            p *= rng.NextDouble();
        }
        while (p > l);
        return k - 1;
    }
}
