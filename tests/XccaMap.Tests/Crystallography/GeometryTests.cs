using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tests.Crystallography;

public class GeometryTests
{
    [Fact]
    public void Mat3_Inverse_Determinant_Transpose_KnownAnswers()
    {
        var m = new Mat3(2, 0, 1, 1, 3, 2, 1, 1, 2);
        Assert.Equal(6, m.Determinant, 12); // 2·(6 − 2) − 0 + 1·(1 − 3)
        Assert.True(Mat3.MaxAbsDifference(m * m.Inverse(), Mat3.Identity) < 1e-12);
        Assert.Equal(m.M12, m.Transpose().M21);
        Assert.Throws<InvalidOperationException>(() => new Mat3(1, 2, 3, 2, 4, 6, 0, 0, 1).Inverse());
        Assert.False(m.IsOrthonormal());
        Assert.True(AxisAngle.RotationMatrixDeg(new Vec3(1, 2, 3), 37).IsRotation(1e-12));
        Assert.False(Mat3.Diagonal(1, 1, -1).IsRotation());
        Assert.True(Mat3.Diagonal(1, 1, -1).IsOrthonormal());
    }

    [Fact]
    public void Quaternion_RotatesXIntoY_ForNinetyDegreesAboutZ()
    {
        UnitQuaternion q = UnitQuaternion.FromAxisAngleDeg(Vec3.UnitZ, 90);
        Assert.True(Vec3.MaxAbsDifference(q.Rotate(Vec3.UnitX), Vec3.UnitY) < 1e-15);
        Assert.True(Vec3.MaxAbsDifference(q.ToMatrix() * Vec3.UnitX, Vec3.UnitY) < 1e-15);
        Assert.Equal(90, q.AngleDeg, 12);
    }

    [Fact]
    public void Quaternion_Matrix_AxisAngle_RoundTrips()
    {
        var sampler = new RotationSampler(1234);
        for (int i = 0; i < 500; i++)
        {
            UnitQuaternion q = sampler.NextUniform();
            Mat3 m = q.ToMatrix();
            Assert.True(m.IsRotation(1e-12));
            UnitQuaternion back = UnitQuaternion.FromMatrix(m);
            Assert.True(UnitQuaternion.AbsDot(q, back) > 1 - 1e-13);
            AxisAngle aa = AxisAngle.FromMatrix(m);
            Assert.True(Mat3.MaxAbsDifference(aa.ToMatrix(), m) < 1e-12);
            Assert.True(UnitQuaternion.AbsDot(aa.ToQuaternion(), q) > 1 - 1e-13);
            Vec3 v = sampler.NextUnitVector();
            Assert.True(Vec3.MaxAbsDifference(q.Rotate(v), m * v) < 1e-13);
        }
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-9)]
    [InlineData(179.9999)]
    [InlineData(180.0)]
    public void AxisAngle_RoundTrip_NearZeroAndPi(double angleDeg)
    {
        var axis = new Vec3(1, -2, 0.5).Normalized();
        Mat3 m = AxisAngle.RotationMatrixDeg(axis, angleDeg);
        AxisAngle aa = AxisAngle.FromMatrix(m);
        Assert.Equal(angleDeg, aa.AngleDeg, 6);
        Assert.True(Mat3.MaxAbsDifference(aa.ToMatrix(), m) < 1e-12);
        if (angleDeg > 1)
        {
            Assert.True(Math.Abs(Math.Abs(Vec3.Dot(aa.Axis, axis)) - 1) < 1e-9);
        }
    }

    [Fact]
    public void Quaternion_CompositionMatchesMatrixProduct()
    {
        var sampler = new RotationSampler(7);
        for (int i = 0; i < 100; i++)
        {
            UnitQuaternion a = sampler.NextUniform(), b = sampler.NextUniform();
            Assert.True(Mat3.MaxAbsDifference((a * b).ToMatrix(), a.ToMatrix() * b.ToMatrix()) < 1e-13);
            Assert.True(Mat3.MaxAbsDifference((a * a.Conjugate()).ToMatrix(), Mat3.Identity) < 1e-13);
        }
    }

    [Fact]
    public void UniformRotations_HaveHaarAngleDistribution()
    {
        // Haar measure on SO(3): angle density (1 − cos ω)/π, mean π/2 + 2/π rad = 126.48°; E[R] = 0.
        var sampler = new RotationSampler(42);
        const int n = 40000;
        double meanAngle = 0;
        Mat3 sum = default;
        for (int i = 0; i < n; i++)
        {
            UnitQuaternion q = sampler.NextUniform();
            meanAngle += q.AngleRad / n;
            sum += q.ToMatrix() * (1.0 / n);
        }

        // Standard error of the mean ≈ 0.6 rad/√n = 0.003 rad: allow 3 SE.
        Assert.InRange(meanAngle, (Math.PI / 2) + (2 / Math.PI) - 0.01, (Math.PI / 2) + (2 / Math.PI) + 0.01);
        Assert.True(sum.MaxAbs < 0.02, $"mean rotation matrix {sum}");
    }

    [Fact]
    public void GaussianPerturbation_HasSigmaAboutEachAxis()
    {
        var sampler = new RotationSampler(99);
        const int n = 20000;
        const double sigma = 5.0;
        double sz2 = 0, sx2 = 0;
        for (int i = 0; i < n; i++)
        {
            Vec3 w = sampler.NextGaussianRotationVector(sigma).ToAxisAngle().RotationVector;
            sz2 += w.Z * w.Z;
            sx2 += w.X * w.X;
        }

        Assert.InRange(Angles.ToDeg(Math.Sqrt(sz2 / n)), sigma * 0.97, sigma * 1.03);
        Assert.InRange(Angles.ToDeg(Math.Sqrt(sx2 / n)), sigma * 0.97, sigma * 1.03);
    }

    [Fact]
    public void Angles_WrapIntoRange()
    {
        Assert.Equal(350, Angles.Wrap360(-10), 12);
        Assert.Equal(0, Angles.Wrap360(720), 12);
        Assert.Equal(-170, Angles.Wrap180(190), 12);
        Assert.Equal(20, Angles.CircularDistanceDeg(350, 10), 12);
        Assert.InRange(Angles.Wrap360(-1e-17), 0, 359.999);
    }
}
