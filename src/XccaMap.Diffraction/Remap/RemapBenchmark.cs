using System.Diagnostics;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;

namespace XccaMap.Diffraction.Remap;

/// <summary>
/// Benchmarks of the per-frame remap (used by <c>xccamap bench remap</c>). Timing lives here, never in test
/// assertions. The reference point is pyFAI 0.21.3 <c>integrate2d</c> (csr, cython) on the same frame.
/// </summary>
public static class RemapBenchmark
{
    /// <summary>
    /// The P10 PbS geometry of design.md §3 on an Eiger 4M: λ = 0.898 Å, distance 0.41 m, direct beam near a corner
    /// (column 160, row 1990), no tilts.
    /// </summary>
    public static PoniGeometry P10Geometry() =>
        PoniGeometry.FromNxmx(160, 1990, 0.41, DetectorSpec.EigerPixelSize, 0.898e-10, DetectorShape.Eiger4M);

    /// <summary>Rings of a PbS superlattice/atomic-lattice pattern for synthetic frames (SAXS 0.07–0.2 Å⁻¹, WAXS 1.84, 2.12 Å⁻¹).</summary>
    public static IReadOnlyList<SyntheticRing> PbsRings() =>
    [
        new SyntheticRing(0.0725, 0.002, 400, 6, 0.8, 15),
        new SyntheticRing(0.0837, 0.002, 250, 6, 0.8, 45),
        new SyntheticRing(0.1184, 0.002, 120, 4, 0.5),
        new SyntheticRing(0.1388, 0.002, 80, 6, 0.5, 30),
        new SyntheticRing(1.84, 0.012, 60, 4, 0.6, 300),
        new SyntheticRing(2.12, 0.012, 40, 4, 0.6, 330),
    ];

    /// <summary>Times <paramref name="table"/> on <paramref name="frame"/>.</summary>
    /// <param name="table">The table.</param>
    /// <param name="frame">A frame of the table's shape.</param>
    /// <param name="threads">Threads per frame.</param>
    /// <param name="frames">Frames to time.</param>
    /// <param name="warmupFrames">Untimed frames first (JIT, caches, scratch allocation).</param>
    /// <param name="description">Label for the result.</param>
    public static RemapBenchmarkResult Measure(RemapTable table, uint[] frame, int threads, int frames = 30, int warmupFrames = 3, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(frames, 1);
        var accumulator = new RemapAccumulator(table);
        for (int i = 0; i < warmupFrames; i++)
        {
            table.Integrate(frame, accumulator, threads);
        }

        var times = new double[frames];
        var total = Stopwatch.StartNew();
        for (int i = 0; i < frames; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            table.Integrate(frame, accumulator, threads);
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(times);
        return new RemapBenchmarkResult(
            threads, frames, total.Elapsed.TotalSeconds, table.EntryCount, table.PixelCount, 0, description ?? Describe(table), times[0], times[frames / 2]);
    }

    /// <summary>
    /// Builds the P10 geometry, the Eiger 4M gap mask, a synthetic full frame and a <paramref name="qBins"/> ×
    /// <paramref name="phiBins"/> table over all q, then times it.
    /// </summary>
    public static RemapBenchmarkResult RunEiger4M(int threads, PixelSplit split = PixelSplit.None, int qBins = 500, int phiBins = 360, int frames = 30)
    {
        var geometry = PixelGeometry.Create(P10Geometry());
        var gaps = Eiger4MLayout.GapMask();
        var mask = new MaskBuilder(geometry.Shape).AddMask(gaps, geometry.Shape, "Eiger 4M module gaps").Build();
        var frame = SyntheticFrame.Poisson(SyntheticFrame.Expected(geometry, PbsRings(), 2.0), geometry.Shape.Cols, seed: 1, gaps);
        double qMax = geometry.Q.Span.ToArray().Max() * 1.0001;
        var sw = Stopwatch.StartNew();
        var table = RemapTable.Build(geometry, mask, RemapBins.Cake(0, qMax, qBins, phiBins), new RemapOptions { Split = split });
        double build = sw.Elapsed.TotalSeconds;
        return Measure(table, frame, threads, frames) with { BuildSeconds = build };
    }

    private static string Describe(RemapTable table) =>
        $"remap {table.Bins.QCount} q × {table.Bins.PhiCount} φ, split {table.Options.Split}, {table.Shape}";
}
