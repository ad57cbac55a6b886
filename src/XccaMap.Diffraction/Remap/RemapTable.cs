using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;

namespace XccaMap.Diffraction.Remap;

/// <summary>
/// The polar remap of one geometry + mask + (q, φ) grid, built once per scan and applied to every frame: a sparse
/// pixel → bin matrix whose non-zeros are the fractions of each pixel in each bin (1 without splitting).
/// Masked pixels have no entries. Per bin and frame it yields Σ fraction·signal, Σ fraction·normalisation and
/// Σ fraction (pixel count), pyFAI style: mean = Σ signal / Σ normalisation with normalisation = solid angle ×
/// polarisation (or 1).
/// <para>
/// Storage is pixel-major (compressed by pixel, i.e. CSR with pixels as rows): applying it is one sequential pass
/// over the frame with scattered adds into a small accumulator (180 000 bins × 8 bytes), instead of a bin-major
/// CSR that gathers frame values from all over a 17 MB image. Measured on the full Eiger 4M frame, 500 × 360 bins,
/// one core of this shared 2-core machine: bin-major gather 3.4 ms best but 7.2 ms median (it depends on the frame
/// staying in the shared L3 cache), pixel-major 4.3 ms best and 4.4 ms median — the steadier one was chosen.
/// Pixels that fall whole into one bin — nearly all of them — form a dense stream of bin indices over runs of
/// consecutive pixels (4 bytes a pixel, no pixel index, no weight); split pixels add (pixel, bin, fraction)
/// triples in a sparse stream (their dense entry points at a scratch bin). Both streams are cut into chunks of
/// 8192 pixels processed dense-then-sparse, so the sparse pass reads frame data that is still in cache; threads
/// take contiguous chunk ranges and add into their own accumulators, merged once per frame.
/// </para>
/// </summary>
public sealed partial class RemapTable
{
    private readonly RemapTableData _data;
    private readonly (int Start, int Length)[] _pixelRanges;
    private readonly bool[] _qActive;

    internal RemapTable(DetectorShape shape, RemapBins bins, RemapOptions options, bool[] qActive, RemapTableData data, (int Start, int Length)[] pixelRanges)
    {
        Shape = shape;
        Bins = bins;
        Options = options;
        _qActive = qActive;
        _data = data;
        _pixelRanges = pixelRanges;
        long dense = 0;
        foreach (int b in data.DenseBin)
        {
            dense += b < bins.BinCount ? 1 : 0;
        }

        EntryCount = dense + data.SparsePixel.Length;
        SplitPixelCount = data.DenseBin.Length - (int)dense;
    }

    /// <summary>Detector shape the table applies to.</summary>
    public DetectorShape Shape { get; }

    /// <summary>The (q, φ) grid.</summary>
    public RemapBins Bins { get; }

    /// <summary>Options it was built with (splitting, corrections, bands).</summary>
    public RemapOptions Options { get; }

    /// <summary>Number of bins, Bins.QCount × Bins.PhiCount.</summary>
    public int BinCount => Bins.BinCount;

    /// <summary>Non-zeros of the matrix (pixel, bin) pairs.</summary>
    public long EntryCount { get; }

    /// <summary>Pixels the table reads from each frame.</summary>
    public int PixelCount => _data.DenseBin.Length;

    /// <summary>Pixels shared between two or more bins (or partly outside the grid).</summary>
    public int SplitPixelCount { get; }

    /// <summary>Approximate memory held by the table, bytes.</summary>
    public long MemoryBytes => _data.Bytes;

    /// <summary>
    /// The pixels the table reads, as sorted, merged (start, length) runs of row-major element indices — what a
    /// frame reader must decode (pixels outside them are never read).
    /// </summary>
    public IReadOnlyList<(int Start, int Length)> PixelRanges => _pixelRanges;

    /// <summary>Σ fraction × normalisation per bin for one frame with no invalid pixel.</summary>
    public ReadOnlySpan<double> NormalisationSum => _data.NormSum;

    /// <summary>Σ fraction (pixel count) per bin for one frame with no invalid pixel.</summary>
    public ReadOnlySpan<double> CountSum => _data.CountSum;

    internal RemapTableData Data => _data;

    /// <summary>
    /// Builds the table. Cost: one pass over the pixels (plus the corner grid when splitting), in parallel.
    /// </summary>
    /// <param name="geometry">Per-pixel geometry (its corner grid is built if splitting).</param>
    /// <param name="mask">Pixels to exclude (true = excluded), or null.</param>
    /// <param name="bins">The (q, φ) grid.</param>
    /// <param name="options">Splitting, corrections and q bands; defaults when null.</param>
    public static RemapTable Build(PixelGeometry geometry, DetectorMask? mask, RemapBins bins, RemapOptions? options = null) =>
        RemapTableBuilder.Build(geometry, mask, bins, options ?? new RemapOptions());

    /// <summary>Whether q bin <paramref name="iq"/> receives contributions (false outside the requested bands).</summary>
    public bool IsQBinActive(int iq) => _qActive[iq];

    /// <summary>All non-zeros, in pixel order (for inspection, export and tests; not for per-frame use).</summary>
    public IEnumerable<RemapEntry> Entries()
    {
        var d = _data;
        int pos = 0, s = 0;
        for (int r = 0; r < d.RunStart.Length; r++)
        {
            for (int p = d.RunStart[r]; p < d.RunStart[r] + d.RunLength[r]; p++, pos++)
            {
                if (d.DenseBin[pos] < BinCount)
                {
                    yield return new RemapEntry(p, d.DenseBin[pos], 1f, d.DenseNorm[pos]);
                }
                else
                {
                    for (; s < d.SparsePixel.Length && d.SparsePixel[s] == p; s++)
                    {
                        yield return new RemapEntry(p, d.SparseBin[s], d.SparseWeight[s], d.SparseNorm[s]);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Plain reference twin of <see cref="Accumulate(ReadOnlySpan{uint}, RemapAccumulator, int)"/> for tests: adds one
    /// frame into the three per-bin sums (length ≥ BinCount), entry by entry, skipping all-ones pixels.
    /// </summary>
    public void AccumulateReference(ReadOnlySpan<uint> frame, Span<double> signal, Span<double> normalisation, Span<double> count)
    {
        CheckFrame(frame.Length);
        foreach (var e in Entries())
        {
            uint v = frame[e.Pixel];
            if (v == uint.MaxValue)
            {
                continue;
            }

            signal[e.Bin] += (double)e.Fraction * v;
            normalisation[e.Bin] += e.Normalisation;
            count[e.Bin] += e.Fraction;
        }
    }

    private void CheckFrame(int length)
    {
        if (length != Shape.PixelCount)
        {
            throw new ArgumentException($"frame has {length} pixels, the remap table expects {Shape} = {Shape.PixelCount}");
        }
    }
}
