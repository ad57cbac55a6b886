using XccaMap.Detector.Compression;

namespace XccaMap.Tests.Detector.Compression;

public class BitTransposeTests
{
    public static TheoryData<int, int> SizesAndElements()
    {
        var data = new TheoryData<int, int>();
        int[] elementCounts = [8, 16, 24, 64, 120, 128, 136, 248, 256, 264, 384, 512, 1000, 2048, 4096];
        foreach (int es in new[] { 1, 2, 3, 4, 8 })
        {
            foreach (int n in elementCounts)
            {
                data.Add(es, n);
            }
        }

        return data;
    }

    [Fact]
    public void Untranspose_KnownAnswer_FromBitshuffleLibrary()
    {
        // bitshuffle.bitshuffle(np.arange(16, dtype=np.uint16)) from the bitshuffle library:
        // bit rows of 2 bytes: bit 0 = aa aa, bit 1 = cc cc, bit 2 = f0 f0, bit 3 = 00 ff, rest 0.
        var transposed = new byte[32];
        byte[] rows = [0xaa, 0xaa, 0xcc, 0xcc, 0xf0, 0xf0, 0x00, 0xff];
        rows.CopyTo(transposed, 0);
        var expected = new byte[32];
        for (int i = 0; i < 16; i++)
        {
            expected[2 * i] = (byte)i;
        }

        var scalar = new byte[32];
        var simd = new byte[32];
        BitTranspose.UntransposeScalar(transposed, scalar, 2);
        BitTranspose.UntransposeSimd(transposed, simd, 2);
        var forward = new byte[32];
        BitTranspose.TransposeScalar(expected, forward, 2);

        Assert.Equal(expected, scalar);
        Assert.Equal(expected, simd);
        Assert.Equal(transposed, forward);
    }

    [Theory]
    [MemberData(nameof(SizesAndElements))]
    public void UntransposeSimd_EqualsScalar_OnRandomData(int elementSize, int elements)
    {
        byte[] input = CompressionTestData.RandomBytes(elements * elementSize, seed: (elementSize * 7919) + elements);
        AssertSimdEqualsScalar(input, elementSize);
    }

    [Theory]
    [MemberData(nameof(SizesAndElements))]
    public void UntransposeSimd_EqualsScalar_OnSparseData(int elementSize, int elements)
    {
        // Transposed sparse data has all-zero bit-row planes: exercises the plane-skipping path.
        byte[] values = CompressionTestData.SparsePoisson(elements, elementSize, mean: 0.3, seed: elements + elementSize);
        var input = new byte[values.Length];
        BitTranspose.TransposeScalar(values, input, elementSize);
        AssertSimdEqualsScalar(input, elementSize);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Transpose_RoundTrips(int elementSize)
    {
        byte[] values = CompressionTestData.RandomBytes(2048 * elementSize, seed: elementSize);
        var transposed = new byte[values.Length];
        var back = new byte[values.Length];
        BitTranspose.TransposeScalar(values, transposed, elementSize);
        BitTranspose.UntransposeSimd(transposed, back, elementSize);
        Assert.Equal(values, back);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public void UntransposeSimd_AllZeroBlock_GivesZeros(int elementSize)
    {
        var input = new byte[512 * elementSize];
        byte[] output = CompressionTestData.RandomBytes(input.Length, seed: 3);
        BitTranspose.UntransposeSimd(input, output, elementSize);
        Assert.All(output, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Untranspose_RejectsLengthsNotMultipleOfEightElements()
    {
        Assert.Throws<ArgumentException>(() => BitTranspose.UntransposeSimd(new byte[12], new byte[12], 4));
        Assert.Throws<ArgumentException>(() => BitTranspose.UntransposeScalar(new byte[16], new byte[8], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BitTranspose.UntransposeSimd(new byte[16], new byte[16], 0));
    }

    private static void AssertSimdEqualsScalar(byte[] input, int elementSize)
    {
        var scalar = new byte[input.Length];
        var simd = new byte[input.Length];
        BitTranspose.UntransposeScalar(input, scalar, elementSize);
        BitTranspose.UntransposeSimd(input, simd, elementSize);
        Assert.Equal(scalar, simd);
    }
}
