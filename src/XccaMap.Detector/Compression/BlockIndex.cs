using System.Buffers.Binary;

namespace XccaMap.Detector.Compression;

/// <summary>
/// Where each compressed block of one bitshuffle+LZ4 chunk starts, found by a cheap scan of
/// the 4-byte block lengths (no decompression). Lets
/// <see cref="BitshuffleLz4Decoder.DecodeElementRanges(ReadOnlySpan{byte}, BlockIndex, Span{byte}, ReadOnlySpan{ElementRange}, Span{byte})"/>
/// jump straight to the blocks a region of interest needs.
/// </summary>
/// <remarks>
/// Build it once per chunk; <see cref="Rebuild"/> reuses the storage for the next chunk so a
/// per-thread instance allocates nothing per frame. Reading a built index from several
/// threads is safe; rebuilding it while others read is not.
/// </remarks>
public sealed class BlockIndex
{
    // _offsets[b] = position in the chunk of block b's 4-byte length prefix;
    // _offsets[BlockCount] = position of the raw tail (= end of the last block).
    private int[] _offsets = [];
    private BitshuffleChunkLayout _layout;

    /// <summary>Length in bytes of the chunk this index describes (−1 before a successful build).</summary>
    public int ChunkLength { get; private set; } = -1;

    /// <summary>Element size in bytes the index was built for.</summary>
    public int ElementSize => _layout.ElementSize;

    /// <summary>Decoded size of the chunk in bytes (from its header).</summary>
    public long DecodedSizeBytes => _layout.DecodedBytes;

    /// <summary>Block size in bytes (from the header; 8192 in DECTRIS files).</summary>
    public int BlockSizeBytes => _layout.BlockBytes;

    /// <summary>Elements per full block.</summary>
    public int BlockElements => _layout.BlockElements;

    /// <summary>Elements in the chunk.</summary>
    public int ElementCount => _layout.ElementCount;

    /// <summary>Compressed blocks in the chunk, including the trailing partial block.</summary>
    public int BlockCount => _layout.BlockCount;

    /// <summary>Trailing elements (fewer than 8) stored raw after the last block.</summary>
    public int RawTailElements => _layout.RawTailElements;

    internal BitshuffleChunkLayout Layout => _layout;

    internal ReadOnlySpan<int> Offsets => _offsets.AsSpan(0, _layout.BlockCount + 1);

    /// <summary>Scans <paramref name="chunk"/> and returns its block index.</summary>
    /// <param name="chunk">A whole bitshuffle+LZ4 chunk (12-byte header included).</param>
    /// <param name="elementSize">Element size in bytes.</param>
    /// <exception cref="InvalidDataException">Truncated chunk, a block length past its end, or
    /// bytes left over after the raw tail.</exception>
    public static BlockIndex Build(ReadOnlySpan<byte> chunk, int elementSize)
    {
        var index = new BlockIndex();
        index.Rebuild(chunk, elementSize);
        return index;
    }

    /// <summary>Re-targets this index at another chunk, reusing its storage when large enough.</summary>
    /// <param name="chunk">A whole bitshuffle+LZ4 chunk.</param>
    /// <param name="elementSize">Element size in bytes.</param>
    /// <exception cref="InvalidDataException">As for <see cref="Build"/>; the index is then unusable until rebuilt.</exception>
    public void Rebuild(ReadOnlySpan<byte> chunk, int elementSize)
    {
        ChunkLength = -1;
        BitshuffleChunkLayout layout = BitshuffleChunkLayout.Parse(chunk, elementSize);
        if (_offsets.Length < layout.BlockCount + 1)
        {
            _offsets = new int[layout.BlockCount + 1];
        }

        Scan(chunk, layout, _offsets.AsSpan(0, layout.BlockCount + 1));
        _layout = layout;
        ChunkLength = chunk.Length;
    }

    /// <summary>Compressed length in bytes of block <paramref name="block"/> (without its 4-byte prefix).</summary>
    public int GetCompressedLength(int block)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(block);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(block, BlockCount);
        return _offsets[block + 1] - _offsets[block] - 4;
    }

    /// <summary>
    /// Fills <paramref name="offsets"/> (length BlockCount + 1) with the position of each block's
    /// length prefix and, last, the raw tail; checks every length and the chunk's exact end.
    /// </summary>
    internal static void Scan(ReadOnlySpan<byte> chunk, in BitshuffleChunkLayout layout, Span<int> offsets)
    {
        int pos = BitshuffleChunkLayout.HeaderSize;
        int blocks = layout.BlockCount;
        for (int b = 0; b < blocks; b++)
        {
            offsets[b] = pos;
            int remaining = chunk.Length - pos;
            if (remaining < 4)
            {
                throw new InvalidDataException($"bitshuffle/LZ4 chunk truncated: block {b} of {blocks} needs a 4-byte length at byte {pos}, found {remaining} bytes");
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(chunk[pos..]);
            if (length > (uint)(remaining - 4))
            {
                throw new InvalidDataException($"bitshuffle/LZ4 chunk: block {b} of {blocks} at byte {pos} claims {length} compressed bytes, but only {remaining - 4} remain");
            }

            pos += 4 + (int)length;
        }

        offsets[blocks] = pos;
        int tailBytes = layout.RawTailElements * layout.ElementSize;
        if (chunk.Length - pos != tailBytes)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk: expected {tailBytes} raw tail bytes after the last block (byte {pos}), found {chunk.Length - pos}");
        }
    }
}
