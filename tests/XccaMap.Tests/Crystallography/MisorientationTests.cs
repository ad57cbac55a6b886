using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Symmetry;

namespace XccaMap.Tests.Crystallography;

public class MisorientationTests
{
    [Fact]
    public void SymmetryEquivalentPair_HasZeroDisorientation()
    {
        var sampler = new RotationSampler(5);
        for (int trial = 0; trial < 20; trial++)
        {
            Mat3 r = sampler.NextUniformMatrix();
            foreach (Mat3 s in CubicSymmetry.ProperRotations)
            {
                Assert.True(Misorientation.CubicDisorientation(r, r * s).AngleDeg < 1e-6);
                Assert.True(Misorientation.CubicDisorientationAngleDeg(r, r * s) < 1e-6);
            }
        }
    }

    [Theory]
    [InlineData(10, 10)]
    [InlineData(80, 10)] // 90° about a cube axis is a symmetry
    [InlineData(45, 45)]
    [InlineData(-30, 30)]
    public void RotationAboutCubeAxis_GivesExpectedDisorientation(double rotationDeg, double expectedDeg)
    {
        Mat3 r1 = new RotationSampler(11).NextUniformMatrix();
        Mat3 r2 = r1 * AxisAngle.RotationMatrixDeg(Vec3.UnitZ, rotationDeg); // rotation about [001] in the crystal frame
        Misorientation d = Misorientation.CubicDisorientation(r1, r2);
        Assert.Equal(expectedDeg, d.AngleDeg, 9);
        Assert.True(Vec3.MaxAbsDifference(d.Axis, Vec3.UnitX) < 1e-9, $"axis {d.Axis} should be ⟨100⟩ = (1,0,0) in the standard triangle");
        Misorientation raw = Misorientation.Between(r1, r2);
        Assert.Equal(Math.Abs(rotationDeg), raw.AngleDeg, 9);
        Assert.Equal(Math.Sign(rotationDeg), Math.Sign(Vec3.Dot(raw.Axis, Vec3.UnitZ)));
    }

    [Fact]
    public void Sigma3Twin_Is60DegreesAbout111()
    {
        Mat3 r1 = new RotationSampler(3).NextUniformMatrix();
        Misorientation d = Misorientation.CubicDisorientation(r1, r1 * AxisAngle.RotationMatrixDeg(new Vec3(1, 1, 1), 60));
        Assert.Equal(60, d.AngleDeg, 9);
        Assert.True(Vec3.MaxAbsDifference(d.Axis, new Vec3(1, 1, 1).Normalized()) < 1e-9);
    }

    [Fact]
    public void MaximumCubicDisorientation_Is62Point8Degrees()
    {
        // Mackenzie (1958): corner of the cubic fundamental zone, axis (1, 1, √2 − 1), tan²(θ/2) = 23 − 16√2.
        double thetaMax = Angles.ToDeg(2 * Math.Atan(Math.Sqrt(23 - (16 * Math.Sqrt(2)))));
        Assert.Equal(62.80, thetaMax, 2);
        Misorientation d = Misorientation.CubicDisorientation(Mat3.Identity, AxisAngle.RotationMatrixDeg(new Vec3(1, 1, Math.Sqrt(2) - 1), thetaMax));
        Assert.Equal(thetaMax, d.AngleDeg, 6);

        var sampler = new RotationSampler(62);
        double max = 0;
        for (int i = 0; i < 20000; i++)
        {
            max = Math.Max(max, Misorientation.CubicDisorientationAngleDeg(sampler.NextUniformMatrix(), sampler.NextUniformMatrix()));
        }

        Assert.InRange(max, 60.0, thetaMax + 1e-6);
    }

    [Fact]
    public void Disorientation_IsSymmetric_AndAxisInStandardTriangle()
    {
        var sampler = new RotationSampler(17);
        for (int i = 0; i < 200; i++)
        {
            Mat3 a = sampler.NextUniformMatrix(), b = sampler.NextUniformMatrix();
            Misorientation ab = Misorientation.CubicDisorientation(a, b);
            Assert.Equal(ab.AngleDeg, Misorientation.CubicDisorientation(b, a).AngleDeg, 8);
            Assert.Equal(ab.AngleDeg, Misorientation.CubicDisorientationAngleDeg(a, b), 8);
            Assert.True(ab.Axis.X >= ab.Axis.Y && ab.Axis.Y >= ab.Axis.Z && ab.Axis.Z >= 0);
            Assert.Equal(1, ab.Axis.Norm, 12);
        }
    }
}
