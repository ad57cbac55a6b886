using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Symmetry;
using XccaMap.Diffraction.Boundary;
using XccaMap.Diffraction.Classification;

namespace XccaMap.Tests.Diffraction.Classification;

/// <summary>Classes whose bulk orientations differ only by an out-of-plane tilt are found to be one orientation.</summary>
public class TiltedVariantTests
{
    [Theory]
    [InlineData(0, 0, -1, -20, 4.0, 30.0)]
    [InlineData(-1, 1, 0, 64, 9.5, 117.0)]
    [InlineData(3, 0, -1, 33, 12.0, 250.0)]
    public void ATiltedOrientation_IsFound_WithItsTilt(int u, int v, int w, double inPlane, double tiltDeg, double axisPhiDeg)
    {
        var bulk = OrientationFactory.FromZoneAxis(u, v, w, inPlane);
        double a = axisPhiDeg * Math.PI / 180;
        var tilted = AxisAngle.RotationMatrixDeg(new Vec3(Math.Cos(a), Math.Sin(a), 0), tiltDeg) * bulk;

        // Whatever symmetry-equivalent setting the orientation search returns.
        foreach (var s in new[] { 0, 5, 17 }.Select(i => CubicSymmetry.ProperRotations[i]))
        {
            var relation = RotationReassignment.TiltRelation(bulk, tilted * s, 15, 3);
            Assert.NotNull(relation);
            Assert.Equal(tiltDeg, relation.Value.TiltDeg, 6);
        }
    }

    [Fact]
    public void DifferentInPlaneAngles_OrALargeTilt_AreDifferentOrientations()
    {
        // Red and yellow of the demo: the same zone axis, in-plane angles 32° apart.
        Assert.Null(RotationReassignment.TiltRelation(OrientationFactory.FromZoneAxis(0, 0, -1, -20), OrientationFactory.FromZoneAxis(0, 0, -1, 12), 15, 3));

        // [001] and [011] are 45° apart; [001] tilted by 20° is beyond a 15° limit.
        Assert.Null(RotationReassignment.TiltRelation(OrientationFactory.FromZoneAxis(0, 0, 1, 0), OrientationFactory.FromZoneAxis(0, 1, 1, 0), 15, 3));
        var bulk = OrientationFactory.FromZoneAxis(1, 1, 1, 5);
        Assert.Null(RotationReassignment.TiltRelation(bulk, AxisAngle.RotationMatrixDeg(Vec3.UnitX, 20) * bulk, 15, 3));

        // A turn about the beam of 180° leaves a flat-Ewald SAXS pattern unchanged: one orientation.
        Assert.NotNull(RotationReassignment.TiltRelation(bulk, AxisAngle.RotationMatrixDeg(Vec3.UnitZ, 180) * AxisAngle.RotationMatrixDeg(Vec3.UnitY, 3) * bulk, 15, 3));
    }

    [Fact]
    public void TiltedVariants_MergeIntoTheLargestOfTheirGroup_OthersStay()
    {
        var red = OrientationFactory.FromZoneAxis(0, 0, -1, -20);
        var yellow = OrientationFactory.FromZoneAxis(0, 0, -1, 12);
        var redTilted = AxisAngle.RotationMatrixDeg(new Vec3(0.6, 0.8, 0), 5) * red;
        var redTiltedMore = AxisAngle.RotationMatrixDeg(new Vec3(-0.8, 0.6, 0), 7) * red;
        var bulks = new[] { Bulk(redTilted), Bulk(yellow), Bulk(red), Bulk(redTiltedMore), null };
        var (owner, merges) = RotationReassignment.MergeTilted(bulks, [10, 50, 30, 5, 8], 15, 3);
        Assert.Equal([2, 1, 2, 2, 4], owner);
        Assert.Equal(2, merges.Count);
        Assert.All(merges, m => Assert.Equal(2, m.Into));
    }

    private static BulkOrientation Bulk(Mat3 labFromSl) =>
        new(labFromSl, new XccaMap.Crystallography.Lattices.ZoneAxis(0, 0, 1), 0, 1, new SpotShape(0.5, 0.001), 0.5, [], []);
}
