using System.Buffers.Binary;

namespace XccaMap.Detector.Compression;

/// <summary>
/// The block structure of a bitshuffle+LZ4 chunk, derived from its 12-byte header and the
/// element size: <c>FullBlocks</c> blocks of <c>BlockElements</c> elements, then one partial
/// block of <c>LastBlockElements</c> (the remainder rounded down to a multiple of 8; absent
/// when 0), then <c>RawTailElements</c> (&lt; 8) elements stored raw.
/// </summary>
internal readonly record struct BitshuffleChunkLayout(
    int DecodedBytes,
    int BlockBytes,
    int ElementSize,
    int ElementCount,
    int BlockElements,
    int FullBlocks,
    int LastBlockElements,
    int RawTailElements)
{
    /// <summary>Header size in bytes: 8-byte big-endian decoded size + 4-byte big-endian block size.</summary>
    public const int HeaderSize = 12;

    /// <summary>Number of LZ4 blocks, including the partial one.</summary>
    public int BlockCount => FullBlocks + (LastBlockElements > 0 ? 1 : 0);

    /// <summary>Index of the first raw (untransposed, uncompressed) tail element.</summary>
    public int RawTailStart => ElementCount - RawTailElements;

    /// <summary>Elements held by block <paramref name="block"/>.</summary>
    public int ElementsInBlock(int block) => block < FullBlocks ? BlockElements : LastBlockElements;

    public static long ReadDecodedSize(ReadOnlySpan<byte> chunk)
    {
        CheckHeader(chunk);
        long size = BinaryPrimitives.ReadInt64BigEndian(chunk);
        if (size < 0)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk header: decoded size field 0x{size:X16} is not a valid byte count");
        }

        return size;
    }

    public static int ReadBlockSizeBytes(ReadOnlySpan<byte> chunk)
    {
        CheckHeader(chunk);
        uint blockBytes = BinaryPrimitives.ReadUInt32BigEndian(chunk[8..]);
        if (blockBytes == 0 || blockBytes > int.MaxValue)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk header: block size {blockBytes} bytes; expected a positive size (8192 in DECTRIS files)");
        }

        return (int)blockBytes;
    }

    /// <summary>Reads and checks the header of <paramref name="chunk"/>.</summary>
    public static BitshuffleChunkLayout Parse(ReadOnlySpan<byte> chunk, int elementSize) =>
        Create(ReadDecodedSize(chunk), ReadBlockSizeBytes(chunk), elementSize);

    /// <summary>Builds the layout from header values, checking that they fit together.</summary>
    public static BitshuffleChunkLayout Create(long decodedBytes, int blockBytes, int elementSize)
    {
        if (elementSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(elementSize), elementSize, "Element size must be at least 1 byte.");
        }

        if (decodedBytes < 0 || decodedBytes > Array.MaxLength)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk header: decoded size {decodedBytes} bytes; expected 0..{Array.MaxLength}");
        }

        if (decodedBytes % elementSize != 0)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk header: decoded size {decodedBytes} bytes is not a multiple of the {elementSize}-byte element size");
        }

        if (blockBytes <= 0 || blockBytes % (8 * elementSize) != 0)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk header: block size {blockBytes} bytes; expected a positive multiple of 8 elements of {elementSize} bytes");
        }

        int elements = (int)(decodedBytes / elementSize);
        int blockElements = blockBytes / elementSize;
        int leftover = elements % blockElements;
        return new BitshuffleChunkLayout(
            (int)decodedBytes,
            blockBytes,
            elementSize,
            elements,
            blockElements,
            elements / blockElements,
            leftover - (leftover % 8),
            leftover % 8);
    }

    /// <summary>Throws unless <paramref name="destinationLength"/> equals the decoded size.</summary>
    public void CheckDestination(int destinationLength)
    {
        if (destinationLength != DecodedBytes)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk header says {DecodedBytes} decoded bytes ({ElementCount} elements of {ElementSize} bytes), but the destination holds {destinationLength} bytes");
        }
    }

    private static void CheckHeader(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < HeaderSize)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk truncated: expected a {HeaderSize}-byte header, found {chunk.Length} bytes");
        }
    }
}
