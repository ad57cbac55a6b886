using System.Buffers;
using System.Buffers.Binary;

namespace XccaMap.Detector.Compression;

/// <summary>
/// Decoder for chunks of the bitshuffle+LZ4 HDF5 filter (id 32008), the format of DECTRIS
/// Eiger data files and of the stream interface's <c>bs32-lz4&lt;</c>/<c>bs16-lz4&lt;</c> blobs.
/// </summary>
/// <remarks>
/// <para>
/// Chunk layout: 8-byte big-endian decoded size (bytes), 4-byte big-endian block size (bytes),
/// then per block a 4-byte big-endian compressed length and an LZ4 block holding
/// <c>blockSize / elementSize</c> bit-transposed elements (see <see cref="BitTranspose"/>).
/// The last, partial block holds the remaining elements rounded down to a multiple of 8 and is
/// transposed with its own size; the final <c>n % 8</c> elements follow raw.
/// </para>
/// <para>
/// All methods are static and thread-safe, so chunks may be decoded in parallel. Scratch memory
/// comes from the caller (overloads taking <c>scratch</c>, at least
/// <see cref="GetScratchSize"/> bytes) or from <see cref="ArrayPool{T}.Shared"/>; nothing is
/// allocated per chunk. Malformed chunks raise <see cref="InvalidDataException"/> saying what
/// was expected and what was found; the caller adds file, dataset and frame.
/// </para>
/// </remarks>
public static partial class BitshuffleLz4Decoder
{
    /// <summary>Size of the chunk header in bytes.</summary>
    public const int HeaderSize = BitshuffleChunkLayout.HeaderSize;

    /// <summary>Reads the decoded size in bytes from the chunk header.</summary>
    /// <param name="chunk">The chunk, or at least its first 12 bytes.</param>
    /// <exception cref="InvalidDataException">Fewer than 12 bytes, or a negative size.</exception>
    public static long ReadDecodedSize(ReadOnlySpan<byte> chunk) => BitshuffleChunkLayout.ReadDecodedSize(chunk);

    /// <summary>Reads the block size in bytes from the chunk header (8192 in DECTRIS files).</summary>
    /// <param name="chunk">The chunk, or at least its first 12 bytes.</param>
    /// <exception cref="InvalidDataException">Fewer than 12 bytes, or a zero or huge block size.</exception>
    public static int ReadBlockSizeBytes(ReadOnlySpan<byte> chunk) => BitshuffleChunkLayout.ReadBlockSizeBytes(chunk);

    /// <summary>Scratch bytes needed by the decode methods for a given block size: two blocks.</summary>
    /// <param name="blockSizeBytes">Block size in bytes, as returned by <see cref="ReadBlockSizeBytes"/>.</param>
    public static int GetScratchSize(int blockSizeBytes) => checked(2 * blockSizeBytes);

    /// <summary>Decodes a whole chunk, with scratch rented from the shared pool.</summary>
    /// <param name="chunk">The whole chunk, header included.</param>
    /// <param name="destination">Receives the decoded bytes; its length must equal the decoded size.</param>
    /// <param name="elementSize">Element size in bytes (1, 2, 4 or 8 for detector data).</param>
    /// <exception cref="InvalidDataException">Malformed chunk, or destination length ≠ decoded size.</exception>
    public static void Decode(ReadOnlySpan<byte> chunk, Span<byte> destination, int elementSize)
    {
        byte[] scratch = ArrayPool<byte>.Shared.Rent(GetScratchSize(ReadBlockSizeBytes(chunk)));
        try
        {
            Decode(chunk, destination, elementSize, scratch);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Decodes a whole chunk using caller-supplied scratch memory.</summary>
    /// <param name="chunk">The whole chunk, header included.</param>
    /// <param name="destination">Receives the decoded bytes; its length must equal the decoded size.</param>
    /// <param name="elementSize">Element size in bytes.</param>
    /// <param name="scratch">At least <see cref="GetScratchSize"/> bytes; contents are overwritten.</param>
    /// <exception cref="InvalidDataException">Malformed chunk, or destination length ≠ decoded size.</exception>
    /// <exception cref="ArgumentException"><paramref name="scratch"/> is too small.</exception>
    public static void Decode(ReadOnlySpan<byte> chunk, Span<byte> destination, int elementSize, Span<byte> scratch)
    {
        BitshuffleChunkLayout layout = BitshuffleChunkLayout.Parse(chunk, elementSize);
        layout.CheckDestination(destination.Length);
        CheckScratch(scratch, layout);

        int pos = HeaderSize;
        int blocks = layout.BlockCount;
        for (int b = 0; b < blocks; b++)
        {
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

            int bytes = layout.ElementsInBlock(b) * elementSize;
            DecodeBlock(chunk.Slice(pos + 4, (int)length), scratch[..bytes], destination.Slice(b * layout.BlockBytes, bytes), layout, b, pos);
            pos += 4 + (int)length;
        }

        int tailBytes = layout.RawTailElements * elementSize;
        if (chunk.Length - pos != tailBytes)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk: expected {tailBytes} raw tail bytes after the last block (byte {pos}), found {chunk.Length - pos}");
        }

        chunk.Slice(pos, tailBytes).CopyTo(destination[(layout.RawTailStart * elementSize)..]);
    }

    /// <summary>LZ4-decodes block <paramref name="block"/> into <paramref name="lz4Output"/>
    /// (exactly the block's byte size) and un-transposes it into <paramref name="target"/>.</summary>
    private static void DecodeBlock(ReadOnlySpan<byte> compressed, Span<byte> lz4Output, Span<byte> target, in BitshuffleChunkLayout layout, int block, int position)
    {
        int written;
        try
        {
            written = Lz4BlockDecoder.Decode(compressed, lz4Output);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk: block {block} of {layout.BlockCount} at byte {position}: {ex.Message}", ex);
        }

        if (written != lz4Output.Length)
        {
            throw new InvalidDataException($"bitshuffle/LZ4 chunk: block {block} of {layout.BlockCount} at byte {position} decoded to {written} bytes, expected {lz4Output.Length}");
        }

        BitTranspose.UntransposeSimd(lz4Output, target, layout.ElementSize);
    }

    private static void CheckScratch(Span<byte> scratch, in BitshuffleChunkLayout layout)
    {
        if (scratch.Length < GetScratchSize(layout.BlockBytes))
        {
            throw new ArgumentException($"Scratch holds {scratch.Length} bytes; this chunk's {layout.BlockBytes}-byte blocks need {GetScratchSize(layout.BlockBytes)}.", nameof(scratch));
        }
    }
}
