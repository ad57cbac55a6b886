using System.Buffers;

namespace XccaMap.Detector.Compression;

/// <summary>Region-of-interest decoding: only the blocks that hold requested elements.</summary>
public static partial class BitshuffleLz4Decoder
{
    /// <summary>
    /// Decodes only the requested element ranges of a chunk, decompressing just the blocks that
    /// overlap them. Scans the block lengths first; use the <see cref="BlockIndex"/> overload to
    /// scan once and decode several regions of the same chunk.
    /// </summary>
    /// <param name="chunk">The whole chunk, header included.</param>
    /// <param name="destination">Full-frame destination (length = decoded size). Exactly the bytes
    /// of the requested elements are written; every other byte is left as it was.</param>
    /// <param name="elementSize">Element size in bytes.</param>
    /// <param name="ranges">Element ranges (row-major flattened indices), sorted by
    /// <see cref="ElementRange.Start"/> and not overlapping.</param>
    /// <exception cref="InvalidDataException">Malformed chunk, or destination length ≠ decoded size.</exception>
    /// <exception cref="ArgumentException">Ranges out of bounds, unsorted or overlapping.</exception>
    public static void DecodeElementRanges(ReadOnlySpan<byte> chunk, Span<byte> destination, int elementSize, ReadOnlySpan<ElementRange> ranges)
    {
        BitshuffleChunkLayout layout = BitshuffleChunkLayout.Parse(chunk, elementSize);
        int[] offsets = ArrayPool<int>.Shared.Rent(layout.BlockCount + 1);
        byte[] scratch = ArrayPool<byte>.Shared.Rent(GetScratchSize(layout.BlockBytes));
        try
        {
            Span<int> table = offsets.AsSpan(0, layout.BlockCount + 1);
            BlockIndex.Scan(chunk, layout, table);
            DecodeRangesCore(chunk, layout, table, destination, ranges, scratch);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
            ArrayPool<int>.Shared.Return(offsets);
        }
    }

    /// <summary>
    /// Decodes only the requested element ranges of a chunk whose <see cref="BlockIndex"/> is
    /// already built, with caller-supplied scratch memory (no allocation, no pool).
    /// </summary>
    /// <param name="chunk">The same chunk the index was built from.</param>
    /// <param name="index">Block index of <paramref name="chunk"/>.</param>
    /// <param name="destination">Full-frame destination (length = decoded size). Exactly the bytes
    /// of the requested elements are written; every other byte is left as it was.</param>
    /// <param name="ranges">Element ranges, sorted by start and not overlapping.</param>
    /// <param name="scratch">At least <see cref="GetScratchSize"/> bytes; contents are overwritten.</param>
    /// <exception cref="InvalidDataException">A malformed block, or destination length ≠ decoded size.</exception>
    /// <exception cref="ArgumentException">Index not built for a chunk of this length, scratch too
    /// small, or ranges out of bounds, unsorted or overlapping.</exception>
    public static void DecodeElementRanges(ReadOnlySpan<byte> chunk, BlockIndex index, Span<byte> destination, ReadOnlySpan<ElementRange> ranges, Span<byte> scratch)
    {
        ArgumentNullException.ThrowIfNull(index);
        if (index.ChunkLength != chunk.Length)
        {
            throw new ArgumentException($"The block index describes a chunk of {index.ChunkLength} bytes, not this one of {chunk.Length} bytes; rebuild it.", nameof(index));
        }

        DecodeRangesCore(chunk, index.Layout, index.Offsets, destination, ranges, scratch);
    }

    /// <summary>
    /// Counts the compressed blocks a region-of-interest decode of <paramref name="ranges"/> needs,
    /// out of all blocks, without touching any chunk (for benchmarks and planning).
    /// </summary>
    /// <param name="decodedSizeBytes">Decoded chunk size in bytes (<see cref="ReadDecodedSize"/>).</param>
    /// <param name="blockSizeBytes">Block size in bytes (<see cref="ReadBlockSizeBytes"/>).</param>
    /// <param name="elementSize">Element size in bytes.</param>
    /// <param name="ranges">Element ranges, sorted by start and not overlapping.</param>
    public static BlockCoverage CountBlocks(long decodedSizeBytes, int blockSizeBytes, int elementSize, ReadOnlySpan<ElementRange> ranges)
    {
        BitshuffleChunkLayout layout = BitshuffleChunkLayout.Create(decodedSizeBytes, blockSizeBytes, elementSize);
        CheckRanges(ranges, layout.ElementCount);
        int needed = 0;
        int lastCounted = -1;
        foreach (ElementRange range in ranges)
        {
            int end = Math.Min(range.End, layout.RawTailStart);
            if (range.Start >= end)
            {
                continue;
            }

            int first = Math.Max(range.Start / layout.BlockElements, lastCounted + 1);
            int last = (end - 1) / layout.BlockElements;
            if (last >= first)
            {
                needed += last - first + 1;
                lastCounted = last;
            }
        }

        return new BlockCoverage(needed, layout.BlockCount);
    }

    private static void DecodeRangesCore(ReadOnlySpan<byte> chunk, in BitshuffleChunkLayout layout, ReadOnlySpan<int> offsets, Span<byte> destination, ReadOnlySpan<ElementRange> ranges, Span<byte> scratch)
    {
        layout.CheckDestination(destination.Length);
        CheckScratch(scratch, layout);
        CheckRanges(ranges, layout.ElementCount);

        int es = layout.ElementSize;
        Span<byte> lz4Output = scratch[..layout.BlockBytes];
        Span<byte> blockBuffer = scratch.Slice(layout.BlockBytes, layout.BlockBytes);
        int cachedBlock = -1; // block whose elements currently sit in blockBuffer
        int rawStart = layout.RawTailStart;
        foreach (ElementRange range in ranges)
        {
            int e = range.Start;
            int blockedEnd = Math.Min(range.End, rawStart);
            while (e < blockedEnd)
            {
                int b = e / layout.BlockElements;
                int b0 = b * layout.BlockElements;
                int bytes = layout.ElementsInBlock(b) * es;
                int b1 = b0 + layout.ElementsInBlock(b);
                int segmentEnd = Math.Min(blockedEnd, b1);
                ReadOnlySpan<byte> compressed = chunk.Slice(offsets[b] + 4, offsets[b + 1] - offsets[b] - 4);
                if (e == b0 && segmentEnd == b1)
                {
                    // The whole block is wanted: un-transpose straight into the frame.
                    DecodeBlock(compressed, lz4Output[..bytes], destination.Slice(b0 * es, bytes), layout, b, offsets[b]);
                }
                else
                {
                    // Part of a block: decode it aside once (later ranges may share it), copy the part.
                    if (cachedBlock != b)
                    {
                        DecodeBlock(compressed, lz4Output[..bytes], blockBuffer[..bytes], layout, b, offsets[b]);
                        cachedBlock = b;
                    }

                    blockBuffer[((e - b0) * es)..((segmentEnd - b0) * es)].CopyTo(destination[(e * es)..]);
                }

                e = segmentEnd;
            }

            if (range.End > rawStart)
            {
                int from = Math.Max(range.Start, rawStart);
                int tailOffset = offsets[layout.BlockCount] + ((from - rawStart) * es);
                chunk.Slice(tailOffset, (range.End - from) * es).CopyTo(destination[(from * es)..]);
            }
        }
    }

    private static void CheckRanges(ReadOnlySpan<ElementRange> ranges, int elementCount)
    {
        int previousEnd = 0;
        for (int i = 0; i < ranges.Length; i++)
        {
            ElementRange r = ranges[i];
            if (r.Start < 0 || r.Count < 0 || r.Start > elementCount - r.Count)
            {
                throw new ArgumentException($"Range {i} ({r.Start}, count {r.Count}) lies outside the chunk's {elementCount} elements.", nameof(ranges));
            }

            if (r.Count > 0 && r.Start < previousEnd)
            {
                throw new ArgumentException($"Range {i} starts at element {r.Start}, before the end {previousEnd} of the previous range; ranges must be sorted and not overlap.", nameof(ranges));
            }

            if (r.Count > 0)
            {
                previousEnd = r.End;
            }
        }
    }
}
