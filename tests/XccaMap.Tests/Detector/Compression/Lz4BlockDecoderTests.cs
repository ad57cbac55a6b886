using XccaMap.Detector.Compression;

namespace XccaMap.Tests.Detector.Compression;

public class Lz4BlockDecoderTests
{
    [Fact]
    public void Decode_KnownAnswer_OverlappingMatchThenLiterals()
    {
        // Sequence 1: 1 literal 'a', match offset 1, length 4 + 15 + 0 = 19. Sequence 2: 5 literals.
        byte[] block = [0x1F, (byte)'a', 0x01, 0x00, 0x00, 0x50, (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f'];
        var output = new byte[25];
        int written = Lz4BlockDecoder.Decode(block, output);
        Assert.Equal(25, written);
        Assert.Equal(new string('a', 20) + "bcdef", System.Text.Encoding.ASCII.GetString(output));
    }

    [Fact]
    public void Decode_EmptyBlock_IsOneZeroToken()
    {
        Assert.Equal(0, Lz4BlockDecoder.Decode([0x00], Span<byte>.Empty));
    }

    public static TheoryData<string, int> RoundTripCases()
    {
        var data = new TheoryData<string, int>();
        foreach (string kind in new[] { "random", "sparse", "periodic", "zeros" })
        {
            foreach (int length in new[] { 1, 5, 13, 16, 17, 31, 64, 100, 255, 270, 1000, 8192, 70_000 })
            {
                data.Add(kind, length);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void Decode_RoundTripsGreedyAndLiteralEncodings(string kind, int length)
    {
        byte[] data = Make(kind, length);
        foreach (byte[] block in new[] { Lz4TestEncoder.Greedy(data), Lz4TestEncoder.LiteralsOnly(data) })
        {
            // Exact-size destination (no wild-copy slack) and one with slack.
            var exact = new byte[length];
            Assert.Equal(length, Lz4BlockDecoder.Decode(block, exact));
            Assert.Equal(data, exact);
            var roomy = new byte[length + 100];
            Assert.Equal(length, Lz4BlockDecoder.Decode(block, roomy));
            Assert.Equal(data, roomy[..length]);
        }
    }

    [Theory]
    [InlineData("sparse", 70_000)]
    [InlineData("periodic", 70_000)]
    public void Decode_AgreesWithSpanReference(string kind, int length)
    {
        byte[] block = Lz4TestEncoder.Greedy(Make(kind, length));
        var fast = new byte[length];
        var reference = new byte[length];
        Assert.Equal(Lz4ReferenceDecoder.Decode(block, reference), Lz4BlockDecoder.Decode(block, fast));
        Assert.Equal(reference, fast);
    }

    public static TheoryData<byte[]> MalformedBlocks() => new()
    {
        Array.Empty<byte>(),
        new byte[] { 0x50, 1, 2 },                 // 5 literals announced, 2 present
        new byte[] { 0xF0 },                       // literal length continues past the end
        new byte[] { 0xF0, 255 },                  // ditto, after a 255
        new byte[] { 0x10, 7, 0x00, 0x00, 0x00 },  // offset 0
        new byte[] { 0x10, 7, 0x02, 0x00, 0x00 },  // offset 2 with 1 byte decoded
        new byte[] { 0x10, 7, 0x01 },              // offset cut short
        new byte[] { 0x1F, 7, 0x01, 0x00 },        // match length continues past the end
        new byte[] { 0x10, 7, 0x01, 0x00 },        // ends right after a match
        new byte[] { 0x1F, 7, 0x01, 0x00, 0xFF, 0x10, 0x00 }, // decodes past the destination
    };

    [Theory]
    [MemberData(nameof(MalformedBlocks))]
    public void Decode_MalformedBlock_ThrowsInvalidData(byte[] block)
    {
        var output = new byte[64];
        Assert.Throws<InvalidDataException>(() => Lz4BlockDecoder.Decode(block, output));
    }

    [Fact]
    public void Decode_HugeLengthField_ThrowsInvalidDataInsteadOfOverflowing()
    {
        var block = new byte[9_000_000]; // 0xF0 then 255s: a literal length beyond 2^31 if summed blindly
        Array.Fill(block, (byte)255);
        block[0] = 0xF0;
        Assert.Throws<InvalidDataException>(() => Lz4BlockDecoder.Decode(block, new byte[16]));
    }

    [Fact]
    public void Decode_TooSmallDestination_ThrowsInvalidData()
    {
        byte[] block = Lz4TestEncoder.Greedy(Make("sparse", 1000));
        var ex = Assert.Throws<InvalidDataException>(() => Lz4BlockDecoder.Decode(block, new byte[999]));
        Assert.Contains("999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_CorruptedOrTruncatedBlocks_OnlyEverThrowInvalidData()
    {
        var random = new Random(12345);
        byte[] data = Make("sparse", 4096);
        byte[] block = Lz4TestEncoder.Greedy(data);
        var output = new byte[4096];
        for (int trial = 0; trial < 3000; trial++)
        {
            byte[] bad = trial % 3 == 0 ? block[..random.Next(block.Length)] : (byte[])block.Clone();
            if (trial % 3 != 0)
            {
                for (int k = 0; k < 1 + (trial % 4); k++)
                {
                    bad[random.Next(bad.Length)] = (byte)random.Next(256);
                }
            }

            try
            {
                Lz4BlockDecoder.Decode(bad, output);
            }
            catch (InvalidDataException)
            {
                // Expected for most corruptions; anything else fails the test.
            }
        }
    }

    internal static byte[] Make(string kind, int length)
    {
        switch (kind)
        {
            case "random":
                return CompressionTestData.RandomBytes(length, seed: length);
            case "sparse":
                return CompressionTestData.SparsePoisson(length, 1, mean: 0.2, seed: length);
            case "periodic":
                var data = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    data[i] = (byte)((i % (3 + (i / 97 % 13))) * 17);
                }

                return data;
            default:
                return new byte[length];
        }
    }
}
