using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Symmetry;
using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

/// <summary>
/// Known-answer tests of the pattern matching on cakes drawn by the reference simulator: the bulk orientation of a
/// [1 1 2] superlattice at ψ = 30°, then points turned out of plane about an in-plane axis at φ = 60° by an
/// exponentially decaying angle while the lattice compresses, with Poisson noise.
/// </summary>
public class RotationTrackerTests
{
    private static readonly Mat3 Truth = OrientationFactory.FromZoneAxis(1, 1, 2, 30);

    private static BulkOrientation Bulk(SuperlatticeSpots model, int maxIndex)
    {
        var bulk = SyntheticCake.Render(Truth, 1.0, 800, new Random(11), pixels: 32);
        return BulkOrientationSearch.Find(new MeasuredCake(SyntheticCake.Grid, bulk), model, SyntheticCake.Wavelength, new BulkSearchOptions { MaxZoneIndex = maxIndex, InPlaneStepDeg = 2 });
    }

    private static void AssertTrack(double[] distances, int seed, double maxTilt)
    {
        var model = new SuperlatticeSpots(SyntheticCake.A, SyntheticCake.Grid.QMax / 0.9);
        var bulk = Bulk(model, 2);
        Assert.True(Misorientation.CubicDisorientationAngleDeg(bulk.LabFromSl, Truth) < 0.3, "bulk orientation");
        Assert.Equal(1.0, bulk.Scale, 0.002);
        var axis = new Vec3(Math.Cos(Math.PI / 3), Math.Sin(Math.PI / 3), 0);
        var random = new Random(seed);
        var input = new List<(PointPattern, double, double)>();
        var truths = new List<(Mat3 R, double Theta, double Scale)>();
        foreach (double d in distances)
        {
            double theta = 10 * Math.Exp(-d / 0.8), scale = 1 + (0.07 * Math.Exp(-d / 0.8));
            var r = AxisAngle.RotationMatrixDeg(axis, theta) * Truth;
            truths.Add((r, theta, scale));
            input.Add((SyntheticCake.Render(r, scale, 800, random), 2 - d, d));
        }

        var track = RotationTracker.Track(input, SyntheticCake.Grid, bulk, model, SyntheticCake.Wavelength, new RotationOptions { MaxTiltDeg = maxTilt });
        for (int i = 0; i < track.Count; i++)
        {
            var p = track[i];
            Assert.True(p.Matched);
            var mine = RotationTracker.Orientation(bulk.LabFromSl, p.TiltVector.X, p.TiltVector.Y, p.InPlaneDeg);
            double error = Misorientation.CubicDisorientationAngleDeg(mine, truths[i].R);
            Assert.True(error < 1.0, $"point {i}: θ = {p.TiltDeg:0.00}° about φ = {p.AxisPhiDeg:0.0}°, truth {truths[i].Theta:0.00}° about 60°; error {error:0.00}°");
            Assert.Equal(truths[i].Scale, p.Scale * bulk.Scale, 0.002);
            if (truths[i].Theta >= 4)
            {
                Assert.Equal(60, p.AxisPhiDeg, 6.0);
                Assert.Equal(truths[i].Theta, p.TiltDeg, 1.0);
            }
        }
    }

    [Fact]
    public void Recovers_the_tilt_angle_axis_and_scale_on_noisy_patterns()
    {
        AssertTrack([1.6, 0.6, 0.1], seed: 5, maxTilt: 15);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Recovers_a_whole_series_towards_the_edge()
    {
        AssertTrack([2.0, 1.6, 1.2, 1.0, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1, 0.0], seed: 9, maxTilt: 25);
    }

    [Fact]
    public void The_bulk_search_finds_a_high_index_zone()
    {
        var model = new SuperlatticeSpots(SyntheticCake.A, SyntheticCake.Grid.QMax / 0.9);
        var truth = AxisAngle.RotationMatrixDeg(new Vec3(1, 0, 0), 3) * OrientationFactory.FromZoneAxis(3, 0, -1, 70);
        var bulk = BulkOrientationSearch.Find(new MeasuredCake(SyntheticCake.Grid, SyntheticCake.Render(truth, 1.0, 800, new Random(3), pixels: 32)), model, SyntheticCake.Wavelength,
            new BulkSearchOptions { MaxZoneIndex = 3, InPlaneStepDeg = 2, Refine = 4 });
        Assert.True(Misorientation.CubicDisorientationAngleDeg(bulk.LabFromSl, truth) < 0.3);
        Assert.InRange(bulk.Shape.MosaicSigmaDeg, 0.8, 1.25);
    }

    [Fact]
    public void Canonical_axis_lies_in_0_to_180()
    {
        Assert.Equal((-5.0, 30.0), RotationTracker.Canonical(5, 210));
        Assert.Equal((5.0, 179.0), RotationTracker.Canonical(5, -181));
    }
}
