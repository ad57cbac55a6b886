namespace XccaMap.Diffraction.Indexing;

/// <summary>The fcc indexing of a set of peaks (Table S1 form).</summary>
/// <param name="LatticeConstant">Least-squares lattice constant over the indexed peaks, Å (NaN when none).</param>
/// <param name="MeanA">⟨a⟩: mean of the per-peak lattice constants, Å (NaN when none).</param>
/// <param name="StdA">Sample standard deviation of the per-peak lattice constants, Å (0 for one peak).</param>
/// <param name="Peaks">All peaks in increasing q, indexed or not.</param>
public sealed record FccIndexing(double LatticeConstant, double MeanA, double StdA, IReadOnlyList<IndexedPeak> Peaks)
{
    /// <summary>Number of indexed peaks.</summary>
    public int IndexedCount => Peaks.Count(p => p.IsIndexed);

    /// <summary>An indexing with no result.</summary>
    public static FccIndexing None(IEnumerable<double> q) =>
        new(double.NaN, double.NaN, double.NaN, q.OrderBy(x => x).Select(x => new IndexedPeak(x, 0, null, double.NaN, double.NaN)).ToList());
}
