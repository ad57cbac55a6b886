using System.Buffers.Binary;
using XccaMap.Detector.Compression;

namespace XccaMap.Tests.Detector.Compression;

public class BitshuffleLz4DecoderTests
{
    [Theory]
    [InlineData(1, 3001)]
    [InlineData(2, 1501)]
    [InlineData(4, 1003)]
    [InlineData(8, 517)]
    public void Decode_ChunkMadeByBitshuffleLibrary_GivesTheFormula(int elementSize, int elements)
    {
        byte[] chunk = LibraryChunk(elementSize);
        Assert.Equal(elements * elementSize, BitshuffleLz4Decoder.ReadDecodedSize(chunk));
        Assert.Equal(256 * elementSize, BitshuffleLz4Decoder.ReadBlockSizeBytes(chunk));

        var decoded = new byte[elements * elementSize];
        BitshuffleLz4Decoder.Decode(chunk, decoded, elementSize);

        ulong mask = elementSize == 8 ? ulong.MaxValue : (1UL << (8 * elementSize)) - 1;
        var expected = new ulong[elements];
        var actual = new ulong[elements];
        for (int i = 0; i < elements; i++)
        {
            expected[i] = BitshuffleLibraryFixtures.Value((ulong)i) & mask;
            for (int b = 0; b < elementSize; b++)
            {
                actual[i] |= (ulong)decoded[(i * elementSize) + b] << (8 * b);
            }
        }

        Assert.Equal(expected, actual);
    }

    public static TheoryData<int, int, int, string> RoundTripCases()
    {
        var data = new TheoryData<int, int, int, string>();
        foreach (int es in new[] { 1, 2, 4 })
        {
            foreach (int n in new[] { 0, 1, 7, 8, 9, 255, 2047, 2048, 2053, 5003, 20_001 })
            {
                foreach (string kind in new[] { "random", "sparse" })
                {
                    data.Add(es, n, 8192, kind);
                }
            }

            data.Add(es, 1001, 8 * es, "sparse");   // smallest legal block: 8 elements
            data.Add(es, 1001, 136 * es, "random"); // block not a multiple of 16 columns
            data.Add(es, 3000, 256 * es, "sparse");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void Decode_RoundTripsTestEncoder(int elementSize, int elements, int blockBytes, string kind)
    {
        byte[] values = kind == "random"
            ? CompressionTestData.RandomBytes(elements * elementSize, seed: elements)
            : CompressionTestData.SparsePoisson(elements, elementSize, mean: 0.5, seed: elements);
        foreach (bool greedy in new[] { true, false })
        {
            byte[] chunk = BitshuffleLz4TestEncoder.Encode(values, elementSize, blockBytes, greedy);
            var decoded = new byte[values.Length];
            var scratch = new byte[BitshuffleLz4Decoder.GetScratchSize(blockBytes)];
            BitshuffleLz4Decoder.Decode(chunk, decoded, elementSize, scratch);
            Assert.Equal(values, decoded);
        }
    }

    [Fact]
    public void Decode_DestinationSizeMismatch_SaysExpectedAndFound()
    {
        byte[] chunk = LibraryChunk(4);
        var ex = Assert.Throws<InvalidDataException>(() => BitshuffleLz4Decoder.Decode(chunk, new byte[4008], 4));
        Assert.Contains("4012", ex.Message, StringComparison.Ordinal);
        Assert.Contains("4008", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_EveryTruncation_ThrowsInvalidData()
    {
        byte[] chunk = LibraryChunk(2);
        var decoded = new byte[BitshuffleLz4Decoder.ReadDecodedSize(chunk)];
        for (int length = 0; length < chunk.Length; length++)
        {
            byte[] truncated = chunk[..length];
            Assert.Throws<InvalidDataException>(() => BitshuffleLz4Decoder.Decode(truncated, decoded, 2));
        }
    }

    [Fact]
    public void Decode_BlockLengthPastEnd_ThrowsWithBlockNumber()
    {
        byte[] chunk = LibraryChunk(4);
        BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(12), 1_000_000);
        var ex = Assert.Throws<InvalidDataException>(() => BitshuffleLz4Decoder.Decode(chunk, new byte[4012], 4));
        Assert.Contains("block 0", ex.Message, StringComparison.Ordinal);
        Assert.Contains("1000000", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, 0)]       // block size 0
    [InlineData(4012L, 100)]  // block size not a multiple of 8 elements
    [InlineData(4013L, 1024)] // decoded size not a multiple of the element size
    public void Decode_InconsistentHeader_ThrowsInvalidData(long decodedSize, int blockBytes)
    {
        byte[] chunk = LibraryChunk(4);
        BinaryPrimitives.WriteInt64BigEndian(chunk, decodedSize);
        if (blockBytes != 1024)
        {
            BinaryPrimitives.WriteInt32BigEndian(chunk.AsSpan(8), blockBytes);
        }

        Assert.Throws<InvalidDataException>(() => BitshuffleLz4Decoder.Decode(chunk, new byte[decodedSize], 4));
    }

    [Fact]
    public void Decode_TrailingBytes_ThrowsInvalidData()
    {
        byte[] chunk = [.. LibraryChunk(4), 0];
        Assert.Throws<InvalidDataException>(() => BitshuffleLz4Decoder.Decode(chunk, new byte[4012], 4));
    }

    [Fact]
    public void Decode_CorruptedChunks_OnlyEverThrowInvalidData()
    {
        byte[] values = CompressionTestData.SparsePoisson(3001, 4, mean: 1, seed: 9);
        byte[] chunk = BitshuffleLz4TestEncoder.Encode(values, 4, 1024);
        var random = new Random(77);
        var decoded = new byte[values.Length];
        for (int trial = 0; trial < 2000; trial++)
        {
            var bad = (byte[])chunk.Clone();
            bad[12 + random.Next(bad.Length - 12)] = (byte)random.Next(256);
            try
            {
                BitshuffleLz4Decoder.Decode(bad, decoded, 4);
            }
            catch (InvalidDataException)
            {
                // Expected for most corruptions; anything else fails the test.
            }
        }
    }

    [Fact]
    public void Decode_ScratchTooSmall_ThrowsArgument()
    {
        byte[] chunk = LibraryChunk(4);
        Assert.Throws<ArgumentException>(() => BitshuffleLz4Decoder.Decode(chunk, new byte[4012], 4, new byte[1024]));
    }

    internal static byte[] LibraryChunk(int elementSize) => Convert.FromBase64String(elementSize switch
    {
        1 => BitshuffleLibraryFixtures.ElementSize1,
        2 => BitshuffleLibraryFixtures.ElementSize2,
        4 => BitshuffleLibraryFixtures.ElementSize4,
        _ => BitshuffleLibraryFixtures.ElementSize8,
    });
}
