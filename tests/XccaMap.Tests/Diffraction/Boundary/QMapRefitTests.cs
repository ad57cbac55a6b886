using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

public class QMapRefitTests(ProcessedSyntheticScan scan) : IClassFixture<ProcessedSyntheticScan>
{
    [Fact]
    public void Refitting_a_mapped_reflection_from_the_frames_agrees_with_process()
    {
        var maps = ResultsMapsReader.Read(scan.ResultsPath);
        var mapped = maps.QMaps.Where(m => m.Hkl is not null).OrderByDescending(m => m.RingQ).First();
        var (lo, hi) = QMapRefit.Window(mapped.N, maps.LatticeConstant, maps.Rings.Where(r => r.Superlattice).Select(r => r.Q));
        using var reader = PatternReader.Open(maps, new FrameAccessOptions { IncludeQ = (lo, hi) });
        var refit = QMapRefit.Compute(maps, mapped.Hkl!, reader);
        Assert.Equal("q_sl_" + mapped.Hkl, refit.Name);
        int both = 0;
        for (int i = 0; i < maps.Points; i++)
        {
            if (double.IsFinite(mapped.Values[i]) && double.IsFinite(refit.Values[i]))
            {
                // Different q binning (one pixel step here, half a step in process): agreement within a few errors.
                Assert.True(Math.Abs(refit.Values[i] - mapped.Values[i]) <= (4 * Math.Max(refit.Errors[i], mapped.Errors[i])) + 2e-4,
                    FormattableString.Invariant($"point {i}: refit {refit.Values[i]:0.00000} ± {refit.Errors[i]:0.00000}, process {mapped.Values[i]:0.00000} ± {mapped.Errors[i]:0.00000}"));
                both++;
            }
        }

        Assert.True(both >= 0.8 * mapped.Values.Count(double.IsFinite), $"{both} points in both maps; process {mapped.Values.Count(double.IsFinite)}, refit {refit.Values.Count(double.IsFinite)} ({mapped.Hkl} at {mapped.RingQ:0.0000}, window {lo:0.0000}–{hi:0.0000}, a = {maps.LatticeConstant:0.00})");
    }

    [Fact]
    public void The_window_stops_short_of_the_neighbouring_reflections()
    {
        // Rings 220 (N = 8), 311 (N = 11) and 222 (N = 12) found: 222 lies 4.4 % above 311, so +8 % would reach it and
        // 60 % of the gap is kept; 220 lies 15 % below, so −8 % stays.
        double Q(int n) => 2 * Math.PI * Math.Sqrt(n) / 150;
        var (lo, hi) = QMapRefit.Window(11, 150, [Q(8), Q(11), Q(12)]);
        double q11 = Q(11), q12 = Q(12);
        Assert.Equal(q11 * 0.92, lo, 12);
        Assert.Equal(q11 + (0.6 * (q12 - q11)), hi, 12);
        Assert.True(Millers.IsFccLabel("311"));
        Assert.False(Millers.IsFccLabel("210"));
    }
}
