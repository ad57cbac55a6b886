using XccaMap.Diffraction.Remap;

namespace XccaMap.Tests.Diffraction.Remap;

public sealed class RemapBinsTests
{
    [Fact]
    public void Centres_and_edges()
    {
        var b = new RemapBins(0.1, 0.3, 4, 270, 450, 6);
        Assert.Equal(0.05, b.QStep, 12);
        Assert.Equal(0.125, b.QCentre(0), 12);
        Assert.Equal(0.3, b.QEdge(4), 12);
        Assert.Equal(30, b.PhiStep, 12);
        Assert.Equal(285, b.PhiCentre(0), 9);
        Assert.Equal(15, b.PhiCentre(3), 9);   // wrapped through 360
        Assert.False(b.IsFullCircle);
        Assert.Equal(24, b.BinCount);
        Assert.Equal(2 * 6 + 5, b.BinIndex(2, 5));
        Assert.True(RemapBins.Cake(0, 1, 10, 360).IsFullCircle);
    }

    [Theory]
    [InlineData(-0.1, 1, 10, 0, 360, 1)]
    [InlineData(1, 1, 10, 0, 360, 1)]
    [InlineData(0, 1, 0, 0, 360, 1)]
    [InlineData(0, 1, 10, 360, 400, 1)]
    [InlineData(0, 1, 10, 10, 380, 1)]
    [InlineData(0, 1, 10, 0, 360, 0)]
    public void Invalid_grids_are_rejected(double qMin, double qMax, int nq, double p0, double p1, int np) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RemapBins(qMin, qMax, nq, p0, p1, np));
}
