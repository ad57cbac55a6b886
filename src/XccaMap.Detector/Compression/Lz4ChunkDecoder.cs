using System.Buffers.Binary;

namespace XccaMap.Detector.Compression;

/// <summary>
/// Decoder for chunks of the LZ4 HDF5 filter (id 32004), as written by the DECTRIS file writer
/// and the HDF5 LZ4 plugin.
/// </summary>
/// <remarks>
/// Chunk layout: 8-byte big-endian decoded size (bytes), 4-byte big-endian block size (bytes),
/// then per block a 4-byte big-endian compressed size and the block. Every block decodes to the
/// block size except the last, which holds the rest. A block whose compressed size equals its
/// decoded size is stored raw. (DECTRIS files use one block for the whole chunk.) The Eiger
/// stream interface's <c>lz4&lt;</c> encoding is a bare LZ4 block without this header: decode it
/// with <see cref="Lz4BlockDecoder"/>. Stateless and thread-safe; allocates nothing.
/// </remarks>
public static class Lz4ChunkDecoder
{
    /// <summary>Size of the chunk header in bytes.</summary>
    public const int HeaderSize = 12;

    /// <summary>Reads the decoded size in bytes from the chunk header.</summary>
    /// <param name="chunk">The chunk, or at least its first 12 bytes.</param>
    /// <exception cref="InvalidDataException">Fewer than 12 bytes, or a negative size.</exception>
    public static long ReadDecodedSize(ReadOnlySpan<byte> chunk)
    {
        CheckHeader(chunk);
        long size = BinaryPrimitives.ReadInt64BigEndian(chunk);
        if (size < 0)
        {
            throw new InvalidDataException($"LZ4 chunk header: decoded size field 0x{size:X16} is not a valid byte count");
        }

        return size;
    }

    /// <summary>Reads the block size in bytes from the chunk header.</summary>
    /// <param name="chunk">The chunk, or at least its first 12 bytes.</param>
    /// <exception cref="InvalidDataException">Fewer than 12 bytes, or a block size above 2³¹ − 1.</exception>
    public static int ReadBlockSizeBytes(ReadOnlySpan<byte> chunk)
    {
        CheckHeader(chunk);
        uint blockBytes = BinaryPrimitives.ReadUInt32BigEndian(chunk[8..]);
        if (blockBytes > int.MaxValue)
        {
            throw new InvalidDataException($"LZ4 chunk header: block size {blockBytes} bytes is implausibly large");
        }

        return (int)blockBytes;
    }

    /// <summary>Decodes a whole chunk.</summary>
    /// <param name="chunk">The whole chunk, header included.</param>
    /// <param name="destination">Receives the decoded bytes; its length must equal the decoded size.</param>
    /// <exception cref="InvalidDataException">Truncated or malformed chunk, or destination length ≠ decoded size.</exception>
    public static void Decode(ReadOnlySpan<byte> chunk, Span<byte> destination)
    {
        long decoded = ReadDecodedSize(chunk);
        int blockBytes = ReadBlockSizeBytes(chunk);
        if (decoded != destination.Length)
        {
            throw new InvalidDataException($"LZ4 chunk header says {decoded} decoded bytes, but the destination holds {destination.Length} bytes");
        }

        if (blockBytes == 0 && decoded > 0)
        {
            throw new InvalidDataException($"LZ4 chunk header: block size 0 bytes for {decoded} decoded bytes; expected a positive block size");
        }

        int pos = HeaderSize;
        int op = 0;
        for (int block = 0; op < destination.Length; block++)
        {
            int remaining = chunk.Length - pos;
            if (remaining < 4)
            {
                throw new InvalidDataException($"LZ4 chunk truncated: block {block} needs a 4-byte size at byte {pos}, found {remaining} bytes ({op} of {decoded} bytes decoded)");
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(chunk[pos..]);
            if (length > (uint)(remaining - 4))
            {
                throw new InvalidDataException($"LZ4 chunk: block {block} at byte {pos} claims {length} compressed bytes, but only {remaining - 4} remain");
            }

            ReadOnlySpan<byte> source = chunk.Slice(pos + 4, (int)length);
            Span<byte> target = destination.Slice(op, Math.Min(blockBytes, destination.Length - op));
            if (length == (uint)target.Length)
            {
                source.CopyTo(target); // stored raw: compression would not have saved anything
            }
            else
            {
                int written;
                try
                {
                    written = Lz4BlockDecoder.Decode(source, target);
                }
                catch (InvalidDataException ex)
                {
                    throw new InvalidDataException($"LZ4 chunk: block {block} at byte {pos}: {ex.Message}", ex);
                }

                if (written != target.Length)
                {
                    throw new InvalidDataException($"LZ4 chunk: block {block} at byte {pos} decoded to {written} bytes, expected {target.Length}");
                }
            }

            pos += 4 + (int)length;
            op += target.Length;
        }

        if (pos != chunk.Length)
        {
            throw new InvalidDataException($"LZ4 chunk: {chunk.Length - pos} unexpected bytes after the last block (byte {pos} of {chunk.Length})");
        }
    }

    private static void CheckHeader(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < HeaderSize)
        {
            throw new InvalidDataException($"LZ4 chunk truncated: expected a {HeaderSize}-byte header, found {chunk.Length} bytes");
        }
    }
}
