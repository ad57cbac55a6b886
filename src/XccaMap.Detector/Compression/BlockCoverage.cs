namespace XccaMap.Detector.Compression;

/// <summary>
/// How many of a bitshuffle+LZ4 chunk's compressed blocks a region-of-interest decode touches.
/// </summary>
/// <param name="NeededBlocks">Blocks that overlap the requested element ranges.</param>
/// <param name="TotalBlocks">All compressed blocks of the chunk (the raw tail of fewer than 8
/// elements is not a block and is not counted).</param>
public readonly record struct BlockCoverage(int NeededBlocks, int TotalBlocks)
{
    /// <summary>NeededBlocks / TotalBlocks (0 for a chunk without blocks).</summary>
    public double Fraction => TotalBlocks == 0 ? 0 : (double)NeededBlocks / TotalBlocks;
}
