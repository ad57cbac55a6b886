using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

public class QMapBuilderTests
{
    private static ResultsMaps TwoReflections()
    {
        const double a = 150;
        int n = 5 * 5;
        double q200 = 2 * Math.PI * 2 / a, q220 = 2 * Math.PI * Math.Sqrt(8) / a;
        var labels = Enumerable.Repeat(0, n).ToArray();
        labels[24] = ResultsMaps.Empty;
        labels[23] = ResultsMaps.Mixed;
        var v200 = Enumerable.Repeat(q200 * 1.01, n).ToArray();
        var e200 = Enumerable.Repeat(1e-5, n).ToArray();
        var v220 = Enumerable.Repeat(q220 * 1.01, n).ToArray();
        var e220 = Enumerable.Repeat(2e-5, n).ToArray();
        v200[6] = double.NaN;             // only 220 seen: still a value
        v200[12] = v220[12] = double.NaN; // nothing seen
        v200[18] = q200 * 0.95;           // a wrong peak
        v220[18] = double.NaN;
        e200[2] = 1e-3;                   // a poor fit (220 still seen there)
        e200[3] = e220[3] = 1e-3;         // a poor fit of both
        return new ResultsMaps
        {
            Source = "test",
            Rows = 5,
            Cols = 5,
            StepUm = 0.25,
            SaxsClass = labels,
            QMaps = [new ResultsQMap("q_sl_200", "200", q200, v200, e200), new ResultsQMap("q_sl_220", "220", q220, v220, e220)],
            LatticeConstant = a,
        };
    }

    [Fact]
    public void Combination_gives_one_lattice_scale_with_flags()
    {
        var maps = TwoReflections();
        var domains = DomainSegmentation.Segment(maps.SaxsClass, 5, 5, maps.StepUm);
        var m = QMapBuilder.Build(maps, domains);
        double q200 = 2 * Math.PI * 2 / 150;
        Assert.Equal("all", m.Label);
        Assert.Equal("200", m.Reflection);
        Assert.Equal(q200 * 1.01, m.Q[0], 10);
        Assert.Equal(q200 * 1.01, m.Q[6], 10);
        Assert.Equal(q200 * 1.01, m.Q[2], 10);
        Assert.Equal(QualityFlags.None, m.Flags[2]);
        Assert.True((m.Flags[12] & QualityFlags.NoValue) != 0);
        Assert.True((m.Flags[18] & QualityFlags.Spike) != 0);
        Assert.True((m.Flags[3] & QualityFlags.NoValue) != 0); // both poor fits are left out of the combination
        Assert.True((m.Flags[24] & QualityFlags.OutsideDomain) != 0);
        Assert.True((m.Flags[23] & QualityFlags.Mixed) != 0);
        Assert.False(m.Usable(23));
        Assert.True(m.Usable(23, useMixed: true));

        // Errors of two independent fits combine: 1/σ² = Σ 1/σᵢ² on the common scale.
        double s1 = 1e-5 / q200, s2 = 2e-5 / (2 * Math.PI * Math.Sqrt(8) / 150);
        Assert.Equal(q200 / Math.Sqrt((1 / (s1 * s1)) + (1 / (s2 * s2))), m.Error[0], 12);
    }

    [Fact]
    public void A_single_reflection_or_an_unmapped_one()
    {
        var maps = TwoReflections();
        var domains = DomainSegmentation.Segment(maps.SaxsClass, 5, 5, maps.StepUm);
        var m = QMapBuilder.Build(maps, domains, new QMapOptions { Reflection = "220" });
        Assert.Equal("220", m.Reflection);
        Assert.Equal(maps.QMaps[1].Values[0], m.Q[0]);
        Assert.True((m.Flags[3] & QualityFlags.LargeError) != 0);
        Assert.False(m.Usable(3));
        var e = Assert.Throws<ArgumentException>(() => QMapBuilder.Build(maps, domains, new QMapOptions { Reflection = "311" }));
        Assert.Contains("200, 220", e.Message, StringComparison.Ordinal);
    }
}
