using XccaMap.Detector.Geometry;
using XccaMap.Simulation.Rendering;

namespace XccaMap.Tests.Simulation;

/// <summary>The inverse geometry used to place spots is the exact inverse of the pixel geometry.</summary>
public sealed class DetectorProjectionTests
{
    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(0.0123, -0.0081, 0.05)]
    [InlineData(-0.21, 0.17, 2.4)]
    public void Projecting_the_q_and_phi_of_a_point_returns_the_point(double rot1, double rot2, double rot3)
    {
        var poni = new PoniGeometry(0.41, 1990.3 * 75e-6, 160.7 * 75e-6, rot1, rot2, rot3, 0.898e-10, DetectorSpec.Eiger4M);
        var projection = new DetectorProjection(poni);
        foreach (var (row, col) in new[] { (10.5, 20.25), (1990.0, 900.5), (700.3, 1800.9), (2100.0, 2000.0), (1500.5, 170.5) })
        {
            var p = PixelGeometry.Evaluate(poni, row, col);
            Assert.True(projection.TryProject(p.Q, p.Phi, out double r, out double c));
            Assert.Equal(row, r, 6);
            Assert.Equal(col, c, 6);
        }
    }

    [Fact]
    public void The_direct_beam_projects_to_the_beam_centre_of_an_untilted_detector()
    {
        var poni = new PoniGeometry(0.3, 195 * 75e-6, 1880 * 75e-6, 0, 0, 0, 1.1271e-10, DetectorSpec.Eiger4M);
        Assert.True(new DetectorProjection(poni).TryProject(0, 0, out double r, out double c));
        Assert.Equal(195, r, 9);
        Assert.Equal(1880, c, 9);
        Assert.False(new DetectorProjection(poni).TryProject(100, 0, out _, out _)); // beyond 2k
    }
}
