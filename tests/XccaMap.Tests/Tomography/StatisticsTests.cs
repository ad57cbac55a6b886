using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Statistics;

namespace XccaMap.Tests.Tomography;

public class StatisticsTests
{
    [Fact]
    public void GaussianFit_RecoversMeanAndSigma_DespiteOutliers()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 4000).Select(_ => 9.0 + (0.3 * LatticeBlocks.Gauss(rng))).ToList();
        values.AddRange(Enumerable.Range(0, 200).Select(_ => 15 + (3 * rng.NextDouble()))); // merged particles
        var g = GaussianFit.Fit(values);
        Assert.Equal(9.0, g.Mean, 1);
        Assert.InRange(g.Sigma, 0.28, 0.32);
        Assert.Equal(4200, g.Count);
        Assert.Equal("9.0±0.3", g.ToString());
    }

    [Fact]
    public void ShellThickness_IsGapToNearestAndMeanOfThreeNearest()
    {
        // A particle of radius 2 with neighbours (radius 1) at 4, 5, 6 and 9 nm: gaps 1, 2, 3, 6.
        var positions = new List<Vec3> { Vec3.Zero, new(4, 0, 0), new(0, 5, 0), new(0, 0, -6), new(-9, 0, 0) };
        var radii = new List<double> { 2, 1, 1, 1, 1 };
        var t = ShellThickness.Compute(positions, radii, [0]);
        Assert.Equal(1, t[0].TMin, 12);
        Assert.Equal(2, t[0].T3NN, 12);
    }

    [Fact]
    public void FillingFraction_ReproducesSiTable1Roi1()
    {
        // AB2 PbSe–CdSe, ROI 1: d_core 9.0 and 3.4 nm, one PbSe and two CdSe per 956 nm³ cell: ρ = 0.439, γ = 0.379 in the paper
        // (its diameters carry one more digit than printed).
        double rho = FillingFraction.Compute([1, 2], [9.0, 3.4], 956);
        Assert.Equal((Math.PI / 6 * ((9.0 * 9.0 * 9.0) + (2 * 3.4 * 3.4 * 3.4))) / 956, rho, 12);
        Assert.Equal(0.439, rho, 2);
        Assert.Equal(0.379, FillingFraction.SizeRatio([9.0, 3.4]), 2);
    }
}
