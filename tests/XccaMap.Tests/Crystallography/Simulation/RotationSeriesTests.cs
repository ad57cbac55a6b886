using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Simulation;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Tests.Crystallography.Simulation;

public class RotationSeriesTests
{
    private const double Lambda = 0.898;
    private static readonly SaxsPatternSimulator Sim = new(StructureFactory.FccSuperlattice(150), new SaxsPatternOptions { QMax = 0.2 });

    [Fact]
    public void AboutCrystal010_From001_SpotsOnTheAxisStay_OthersFollowTheRotation()
    {
        Mat3 start = OrientationFactory.FromZoneAxis(0, 0, 1, 0); // [100] at φ = 0, [010] at φ = 90
        double[] angles = RotationSeries.EvenAngles(0, 30, 7);
        RotationSeriesStep[] steps = RotationSeries.Generate(Sim, start, new Vec3(0, 1, 0), RotationAxisFrame.Crystal, angles, Lambda);
        Assert.Equal(7, steps.Length);
        foreach (RotationSeriesStep step in steps)
        {
            // (0 ±2 0) lie on the rotation axis: same φ and excitation at every angle.
            PatternSpot s020 = step.Spots.Single(s => s.Hkl == new Miller(0, 2, 0));
            Assert.Equal(90, s020.PhiDeg, 9);
            // Every spot's G is the start G turned about the lab image of [010] (= +y here).
            Mat3 rot = AxisAngle.RotationMatrixDeg(Vec3.UnitY, step.AngleDeg);
            foreach (PatternSpot s in step.Spots)
            {
                Vec3 g = rot * (start * (s.Hkl.ToVec3() * (2 * Math.PI / 150)));
                Assert.Equal(LabFrame.AzimuthDeg(g), s.PhiDeg, 9);
            }
        }

        // The 200 tilts out of the Ewald plane and fades; at 0° it is fully excited.
        Assert.Contains(steps[0].Spots, s => s.Hkl == new Miller(2, 0, 0));
        Assert.DoesNotContain(steps[2].Spots, s => s.Hkl == new Miller(2, 0, 0)); // 10°
    }

    [Fact]
    public void Rotating001About010By18_43Degrees_GivesThe103ZonePattern()
    {
        Mat3 start = OrientationFactory.FromZoneAxis(0, 0, 1, 0);
        double theta = Angles.ToDeg(Math.Atan(1.0 / 3));
        RotationSeriesStep step = RotationSeries.Generate(Sim, start, new Vec3(0, 1, 0), RotationAxisFrame.Crystal, [theta], Lambda)[0];
        Vec3 beam = step.BeamInCrystal;
        // The beam now runs along ±[1 0 3]/√10 of the crystal.
        Assert.Equal(1 / Math.Sqrt(10), Math.Abs(beam.X), 9);
        Assert.Equal(3 / Math.Sqrt(10), Math.Abs(beam.Z), 9);
        var zone = new ZoneAxis((int)Math.Round(beam.X * Math.Sqrt(10)), 0, (int)Math.Round(beam.Z * Math.Sqrt(10)));
        var expected = Sim.Spots(step.LabFromCrystal, Lambda).Select(s => s.Hkl).ToHashSet();
        Assert.Equal(expected, step.Spots.Select(s => s.Hkl).ToHashSet());
        Assert.All(step.Spots.Where(s => s.Excitation > 0.5), s => Assert.True(s.Hkl.IsInZone(zone), $"{s.Hkl} not in {zone}"));
        Assert.Contains(step.Spots, s => s.Hkl.SumOfSquares == 11 && s.Hkl.IsInZone(zone)); // e.g. (3 1 1) in [-1 0 3]
    }

    [Fact]
    public void AboutTheBeam_AllSpotsTurnByTheAngle()
    {
        Mat3 start = OrientationFactory.FromZoneAxis(1, 1, 0, 12);
        RotationSeriesStep[] steps = RotationSeries.Generate(Sim, start, Vec3.UnitZ, RotationAxisFrame.Lab, [0, 25], Lambda);
        foreach (PatternSpot s in steps[0].Spots)
        {
            PatternSpot t = steps[1].Spots.Single(x => x.Hkl == s.Hkl);
            Assert.Equal(25, Angles.Wrap180(t.PhiDeg - s.PhiDeg), 9);
            Assert.Equal(s.Intensity, t.Intensity, 12);
        }
    }
}
