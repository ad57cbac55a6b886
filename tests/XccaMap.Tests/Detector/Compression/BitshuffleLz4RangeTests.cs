using XccaMap.Detector.Compression;

namespace XccaMap.Tests.Detector.Compression;

public class BitshuffleLz4RangeTests
{
    private const byte Sentinel = 0xA5;

    public static TheoryData<int, int> Shapes() => new()
    {
        { 1, 20_003 },
        { 2, 10_005 },
        { 4, 5_003 }, // raw tail of 3 elements
        { 4, 4_096 }, // no partial block, no tail
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void DecodeElementRanges_EqualsFullDecodeInRanges_AndLeavesTheRestUntouched(int elementSize, int elements)
    {
        byte[] values = CompressionTestData.SparsePoisson(elements, elementSize, mean: 2, seed: elements);
        byte[] chunk = BitshuffleLz4TestEncoder.Encode(values, elementSize, 1024);
        var random = new Random(elements);
        for (int trial = 0; trial < 40; trial++)
        {
            ElementRange[] ranges = RandomRanges(random, elements);
            var roi = new byte[values.Length];
            Array.Fill(roi, Sentinel);
            BitshuffleLz4Decoder.DecodeElementRanges(chunk, roi, elementSize, ranges);
            AssertMatches(values, roi, ranges, elementSize);
        }
    }

    [Fact]
    public void DecodeElementRanges_WithReusedBlockIndex_MatchesAcrossChunks()
    {
        const int Columns = 301;
        const int Rows = 97;
        var index = new BlockIndex();
        var scratch = new byte[BitshuffleLz4Decoder.GetScratchSize(8192)];
        foreach (int seed in new[] { 1, 2 })
        {
            byte[] values = CompressionTestData.SparsePoisson(Rows * Columns, 4, mean: 0.1, seed: seed);
            byte[] chunk = BitshuffleLz4TestEncoder.Encode(values, 4, 8192);
            index.Rebuild(chunk, 4);
            Assert.Equal(chunk.Length, index.ChunkLength);
            Assert.Equal(Rows * Columns, index.ElementCount);
            Assert.Equal(((Rows * Columns) + 2047) / 2048, index.BlockCount);

            ElementRange[] ranges = [ElementRange.FromRows(10, 9, Columns), ElementRange.FromRows(40, 1, Columns), ElementRange.FromRows(96, 1, Columns)];
            var roi = new byte[values.Length];
            Array.Fill(roi, Sentinel);
            BitshuffleLz4Decoder.DecodeElementRanges(chunk, index, roi, ranges, scratch);
            AssertMatches(values, roi, ranges, 4);
        }
    }

    [Fact]
    public void DecodeElementRanges_WholeChunk_EqualsFullDecode()
    {
        byte[] values = CompressionTestData.RandomBytes(4 * 3333, seed: 5);
        byte[] chunk = BitshuffleLz4TestEncoder.Encode(values, 4, 2048);
        var roi = new byte[values.Length];
        BitshuffleLz4Decoder.DecodeElementRanges(chunk, roi, 4, [new ElementRange(0, 3333)]);
        Assert.Equal(values, roi);
    }

    [Fact]
    public void CountBlocks_KnownAnswer()
    {
        // 10 003 uint32 elements, 2048 per block: blocks [0,2048) … [8192,10000), raw tail [10000,10003).
        ElementRange[] ranges = [new(0, 1), new(2047, 2), new(3000, 10), new(3100, 5), new(10_001, 2)];
        BlockCoverage coverage = BitshuffleLz4Decoder.CountBlocks(40_012, 8192, 4, ranges);
        Assert.Equal(new BlockCoverage(2, 5), coverage);
        Assert.Equal(0.4, coverage.Fraction, 12);
        Assert.Equal(new BlockCoverage(5, 5), BitshuffleLz4Decoder.CountBlocks(40_012, 8192, 4, [new ElementRange(0, 10_003)]));
    }

    [Fact]
    public void DecodeElementRanges_BadRanges_ThrowArgument()
    {
        byte[] chunk = BitshuffleLz4DecoderTests.LibraryChunk(4);
        var destination = new byte[4012];
        Assert.Throws<ArgumentException>(() => BitshuffleLz4Decoder.DecodeElementRanges(chunk, destination, 4, [new ElementRange(10, 5), new ElementRange(12, 1)]));
        Assert.Throws<ArgumentException>(() => BitshuffleLz4Decoder.DecodeElementRanges(chunk, destination, 4, [new ElementRange(20, 5), new ElementRange(0, 1)]));
        Assert.Throws<ArgumentException>(() => BitshuffleLz4Decoder.DecodeElementRanges(chunk, destination, 4, [new ElementRange(1000, 4)]));
        Assert.Throws<ArgumentException>(() => BitshuffleLz4Decoder.DecodeElementRanges(chunk, destination, 4, [new ElementRange(-1, 4)]));
    }

    [Fact]
    public void DecodeElementRanges_IndexOfAnotherChunk_ThrowsArgument()
    {
        BlockIndex index = BlockIndex.Build(BitshuffleLz4DecoderTests.LibraryChunk(2), 2);
        byte[] chunk = BitshuffleLz4DecoderTests.LibraryChunk(4);
        Assert.Throws<ArgumentException>(() => BitshuffleLz4Decoder.DecodeElementRanges(chunk, index, new byte[4012], [new ElementRange(0, 1)], new byte[8192]));
    }

    [Fact]
    public void BlockIndex_TruncatedChunk_ThrowsInvalidData()
    {
        byte[] chunk = BitshuffleLz4DecoderTests.LibraryChunk(4);
        Assert.Throws<InvalidDataException>(() => BlockIndex.Build(chunk.AsSpan(0, 100), 4));
        Assert.Throws<InvalidDataException>(() => BlockIndex.Build(chunk.AsSpan(0, chunk.Length - 1), 4));
    }

    private static ElementRange[] RandomRanges(Random random, int elements)
    {
        var ranges = new List<ElementRange>();
        int position = random.Next(50);
        while (true)
        {
            int count = random.Next(4) switch
            {
                0 => random.Next(3),         // empty or tiny
                1 => random.Next(1, 20),
                2 => random.Next(1, 600),
                _ => random.Next(1, 5000),   // spans whole blocks
            };
            if (position + count > elements)
            {
                break;
            }

            ranges.Add(new ElementRange(position, count));
            position += count + (random.Next(3) == 0 ? 0 : random.Next(1, 3000));
        }

        int tailStart = Math.Max(position, elements - 5); // often reaches the raw tail
        if (random.Next(2) == 0 && tailStart < elements)
        {
            ranges.Add(new ElementRange(tailStart, elements - tailStart));
        }

        return [.. ranges];
    }

    private static void AssertMatches(byte[] full, byte[] roi, ElementRange[] ranges, int elementSize)
    {
        var inRange = new bool[full.Length / elementSize];
        foreach (ElementRange r in ranges)
        {
            Array.Fill(inRange, true, r.Start, r.Count);
        }

        for (int i = 0; i < inRange.Length; i++)
        {
            for (int b = 0; b < elementSize; b++)
            {
                int k = (i * elementSize) + b;
                byte expected = inRange[i] ? full[k] : Sentinel;
                if (roi[k] != expected)
                {
                    Assert.Fail($"element {i} byte {b} (in range: {inRange[i]}): expected {expected}, found {roi[k]}");
                }
            }
        }
    }
}
