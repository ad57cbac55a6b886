using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

public class CompressionStatisticsTests
{
    [Fact]
    public void Recovers_edge_compression_and_decay_length_of_a_straight_edge()
    {
        // The edge half-way between two raster columns, where the mid-point edge is exact.
        var maps = SyntheticMaps.Create(edgeCol: 29.5);
        var r = BoundaryResult.Analyse(maps);
        Assert.Single(r.Statistics.PerDomain);
        var fit = r.Statistics.PerDomain[0].Fit;
        Assert.True(fit.Converged);
        Assert.Equal(SyntheticMaps.C, fit.Amplitude, 0.002);
        Assert.Equal(SyntheticMaps.L, fit.DecayLength, 0.02);
        Assert.Equal(SyntheticMaps.QBulk, r.Statistics.PerDomain[0].BulkQ, 2e-5);
        var pooled = r.Statistics.Pooled;
        Assert.Equal(SyntheticMaps.C, pooled.Amplitude, 0.002);
        Assert.Equal(SyntheticMaps.L, pooled.DecayLength, 0.02);

        // The pooled curve follows the truth within the noise (σ_q/q ≈ 2.4e-4 per point, 20 points per bin).
        double rms = Math.Sqrt(r.Statistics.Bins.Average(b => Math.Pow(b.Mean - (SyntheticMaps.C * Math.Exp(-b.MeanDistance / SyntheticMaps.L)), 2)));
        Assert.True(rms < 2e-4, $"rms residual {rms:E2}");
        Assert.InRange(pooled.RmsResidual, 1e-4, 4e-4); // σ_q/q of one point
        Assert.All(r.Statistics.Points, p => Assert.True(p.Distance > 0));
    }

    [Fact]
    public void An_edge_off_the_mid_point_scales_the_amplitude_by_exp_of_the_offset_over_L()
    {
        // Truth at 29.8: the mid-point edge (29.5) is 0.3 step = 0.03 µm short, every distance reads 0.03 µm too
        // small, so C reads 8 % × e^(−0.03/0.75).
        var r = BoundaryResult.Analyse(SyntheticMaps.Create(edgeCol: 29.8));
        var fit = r.Statistics.Pooled;
        Assert.Equal(SyntheticMaps.C * Math.Exp(-0.03 / SyntheticMaps.L), fit.Amplitude, 0.0005);
        Assert.Equal(SyntheticMaps.C, fit.Amplitude, 0.005);
        Assert.Equal(SyntheticMaps.L, fit.DecayLength, 0.03);
    }

    [Fact]
    public void Censored_points_can_be_left_out()
    {
        var maps = SyntheticMaps.Create();
        var domains = DomainSegmentation.Segment(maps.SaxsClass, maps.Rows, maps.Cols, maps.StepUm);
        var e = EdgeDistances.Compute(domains, maps.SaxsClass, maps.StepUm, "um");
        var q = QMapBuilder.Build(maps, domains);
        var all = CompressionStatistics.Compute(q, domains, e, maps.StepUm);
        var seen = CompressionStatistics.Compute(q, domains, e, maps.StepUm, new CompressionStatisticsOptions { IncludeCensored = false });
        Assert.True(all.Censored > 0);
        Assert.Equal(all.Points.Count - all.Censored, seen.Points.Count);
        Assert.DoesNotContain(seen.Points, p => p.Censored);
    }
}
