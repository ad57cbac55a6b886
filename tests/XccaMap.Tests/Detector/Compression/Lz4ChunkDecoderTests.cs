using System.Buffers.Binary;
using XccaMap.Detector.Compression;

namespace XccaMap.Tests.Detector.Compression;

public class Lz4ChunkDecoderTests
{
    [Theory]
    [InlineData("sparse", 100_000, 1 << 30)] // one block for the whole chunk, as DECTRIS writes
    [InlineData("sparse", 100_000, 8192)]    // many blocks and a partial last one
    [InlineData("random", 20_000, 4096)]     // incompressible: blocks stored raw
    [InlineData("zeros", 0, 8192)]
    public void Decode_RoundTrips(string kind, int length, int blockBytes)
    {
        byte[] data = Lz4BlockDecoderTests.Make(kind, length);
        byte[] chunk = BitshuffleLz4TestEncoder.EncodeLz4Chunk(data, blockBytes);
        Assert.Equal(length, Lz4ChunkDecoder.ReadDecodedSize(chunk));
        Assert.Equal(blockBytes, Lz4ChunkDecoder.ReadBlockSizeBytes(chunk));
        var decoded = new byte[length];
        Lz4ChunkDecoder.Decode(chunk, decoded);
        Assert.Equal(data, decoded);
    }

    [Fact]
    public void Decode_MalformedChunks_ThrowInvalidData()
    {
        byte[] data = Lz4BlockDecoderTests.Make("sparse", 30_000);
        byte[] chunk = BitshuffleLz4TestEncoder.EncodeLz4Chunk(data, 8192);
        var decoded = new byte[data.Length];
        for (int length = 0; length < chunk.Length; length += 7)
        {
            byte[] truncated = chunk[..length];
            Assert.Throws<InvalidDataException>(() => Lz4ChunkDecoder.Decode(truncated, decoded));
        }

        Assert.Throws<InvalidDataException>(() => Lz4ChunkDecoder.Decode(chunk, new byte[data.Length - 1]));
        Assert.Throws<InvalidDataException>(() => Lz4ChunkDecoder.Decode([.. chunk, 0], decoded));

        var badLength = (byte[])chunk.Clone();
        BinaryPrimitives.WriteInt32BigEndian(badLength.AsSpan(12), chunk.Length);
        var ex = Assert.Throws<InvalidDataException>(() => Lz4ChunkDecoder.Decode(badLength, decoded));
        Assert.Contains("block 0", ex.Message, StringComparison.Ordinal);
    }
}
