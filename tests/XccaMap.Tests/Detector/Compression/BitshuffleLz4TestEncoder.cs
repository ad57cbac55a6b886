using System.Buffers.Binary;
using XccaMap.Detector.Compression;

namespace XccaMap.Tests.Detector.Compression;

/// <summary>
/// Test-only bitshuffle+LZ4 chunk encoder following the filter's layout: 12-byte header, full
/// blocks, a partial block of the remainder rounded down to 8 elements, then the last n % 8
/// elements raw. Uses the scalar reference transpose.
/// </summary>
internal static class BitshuffleLz4TestEncoder
{
    public static byte[] Encode(ReadOnlySpan<byte> data, int elementSize, int blockSizeBytes = 8192, bool greedy = true)
    {
        int n = data.Length / elementSize;
        int blockElements = blockSizeBytes / elementSize;
        var chunk = new List<byte>(data.Length + 64);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteInt64BigEndian(header, data.Length);
        BinaryPrimitives.WriteInt32BigEndian(header[8..], blockSizeBytes);
        chunk.AddRange(header.ToArray());

        int e = 0;
        while (n - e >= 8)
        {
            int count = Math.Min(blockElements, n - e);
            count -= count % 8;
            ReadOnlySpan<byte> block = data.Slice(e * elementSize, count * elementSize);
            var transposed = new byte[block.Length];
            BitTranspose.TransposeScalar(block, transposed, elementSize);
            byte[] compressed = greedy ? Lz4TestEncoder.Greedy(transposed) : Lz4TestEncoder.LiteralsOnly(transposed);
            var prefix = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(prefix, compressed.Length);
            chunk.AddRange(prefix);
            chunk.AddRange(compressed);
            e += count;
        }

        chunk.AddRange(data[(e * elementSize)..].ToArray());
        return [.. chunk];
    }

    /// <summary>Plain-LZ4 (filter 32004) chunk; blocks that would not shrink are stored raw.</summary>
    public static byte[] EncodeLz4Chunk(ReadOnlySpan<byte> data, int blockSizeBytes)
    {
        var chunk = new List<byte>(data.Length + 64);
        var header = new byte[12];
        BinaryPrimitives.WriteInt64BigEndian(header, data.Length);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), blockSizeBytes);
        chunk.AddRange(header);
        for (int pos = 0; pos < data.Length; pos += blockSizeBytes)
        {
            ReadOnlySpan<byte> block = data.Slice(pos, Math.Min(blockSizeBytes, data.Length - pos));
            byte[] compressed = Lz4TestEncoder.Greedy(block);
            byte[] stored = compressed.Length < block.Length ? compressed : block.ToArray();
            var prefix = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(prefix, stored.Length);
            chunk.AddRange(prefix);
            chunk.AddRange(stored);
        }

        return [.. chunk];
    }
}
