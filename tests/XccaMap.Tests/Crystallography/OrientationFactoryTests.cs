using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;

namespace XccaMap.Tests.Crystallography;

public class OrientationFactoryTests
{
    [Fact]
    public void Zone001_WithZeroInPlane_IsIdentity()
    {
        Assert.True(Mat3.MaxAbsDifference(OrientationFactory.FromZoneAxis(0, 0, 1, 0), Mat3.Identity) < 1e-15);
    }

    [Fact]
    public void Zone110_PutsBeamAndReferenceWhereDocumented()
    {
        Mat3 r = OrientationFactory.FromZoneAxis(1, 1, 0, 0);
        Assert.True(r.IsRotation(1e-14));
        Assert.True(Vec3.MaxAbsDifference(r * new Vec3(1, 1, 0).Normalized(), Vec3.UnitZ) < 1e-14);
        Assert.True(Vec3.MaxAbsDifference(r * new Vec3(1, -1, 0).Normalized(), Vec3.UnitX) < 1e-14);
        Assert.True(Vec3.MaxAbsDifference(r * new Vec3(0, 0, -1), Vec3.UnitY) < 1e-14);
        Assert.Equal(270, LabFrame.AzimuthDeg(r * new Vec3(0, 0, 1)), 10);
    }

    [Theory]
    [InlineData(0, 0, 1, 30)]
    [InlineData(1, 1, 1, 0)]
    [InlineData(3, 0, -1, 123)]
    [InlineData(-1, 1, 0, 275)]
    [InlineData(1, 0, 0, 10)]
    public void AnyZone_GoesAlongBeam_AndReferenceAppearsAtInPlaneAngle(int u, int v, int w, double inPlane)
    {
        Mat3 r = OrientationFactory.FromZoneAxis(u, v, w, inPlane);
        Assert.True(r.IsRotation(1e-13));
        Assert.True(Vec3.MaxAbsDifference(r * new Vec3(u, v, w).Normalized(), Vec3.UnitZ) < 1e-13);
        var zone = new Vec3(u, v, w).Normalized();
        Vec3 reference = Vec3.UnitX - (zone * zone.X);
        if (reference.Norm < 1e-9)
        {
            reference = Vec3.UnitY - (zone * zone.Y);
        }

        Assert.Equal(0, Angles.CircularDistanceDeg(LabFrame.AzimuthDeg(r * reference), inPlane), 9);
    }

    [Fact]
    public void AboutBeam_TurnsSpotsByPlusAngle()
    {
        Mat3 r = OrientationFactory.AboutBeam(25) * OrientationFactory.FromZoneAxis(0, 0, 1, 10);
        Assert.Equal(35, LabFrame.AzimuthDeg(r * Vec3.UnitX), 10);
        Assert.Equal(125, LabFrame.AzimuthDeg(r * Vec3.UnitY), 10);
    }

    [Fact]
    public void NonCubicLattice_ZoneAxisUsesRealSpaceDirection()
    {
        Lattice hex = Lattice.FromParameters(3, 3, 5, 90, 90, 120);
        Mat3 r = OrientationFactory.FromZoneAxis(hex, new ZoneAxis(1, 1, 0), 0);
        Assert.True(Vec3.MaxAbsDifference(r * hex.DirectVector(new ZoneAxis(1, 1, 0)).Normalized(), Vec3.UnitZ) < 1e-13);
        // Planes in the zone have G ⟂ beam.
        Assert.Equal(0, (r * hex.ReciprocalVector(new Miller(1, -1, 0))).Z, 12);
    }

    [Fact]
    public void LabFrame_TwoTheta_MatchesBragg()
    {
        double q = 2.117, lambda = 0.898;
        double twoTheta = LabFrame.TwoTheta(q, lambda);
        Assert.Equal(q, 4 * Math.PI * Math.Sin(twoTheta / 2) / lambda, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => LabFrame.TwoTheta(20, lambda));
    }
}
