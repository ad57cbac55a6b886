using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Reflections;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Tests.Crystallography;

public class OrientationRelationTests
{
    private const double Lambda = 0.898;

    private static void AssertParallel(Vec3 a, Vec3 b) =>
        Assert.True(Vec3.MaxAbsDifference(a.Normalized(), b.Normalized()) < 1e-13, $"{a} not ∥ {b}");

    [Fact]
    public void Conf1_And_Conf2_MapTheStatedDirections()
    {
        Mat3 m1 = OrientationRelation.Conf1.SlFromAl, m2 = OrientationRelation.Conf2.SlFromAl;
        Assert.True(m1.IsRotation(1e-14) && m2.IsRotation(1e-14));
        AssertParallel(m1 * new Vec3(1, 0, 0), new Vec3(1, 1, 0));
        AssertParallel(m1 * new Vec3(0, 0, 1), new Vec3(0, 0, 1));
        AssertParallel(m2 * new Vec3(1, 0, 0), new Vec3(1, 1, 0));
        AssertParallel(m2 * new Vec3(0, 1, 1), new Vec3(0, 0, 1));
        // The paper: one 45° rotation of the nanocrystals about [100]AL turns Conf1 into Conf2.
        Mat3 between = m1.Transpose() * m2;
        AxisAngle aa = AxisAngle.FromMatrix(between);
        Assert.Equal(45, aa.AngleDeg, 10);
        Assert.Equal(1, Math.Abs(aa.Axis.X), 12);
    }

    private static Reflection[] AlSpots(OrientationRelation relation, double sigmaDeg, Mat3? extraLabRotation = null)
    {
        Mat3 sl = OrientationFactory.FromZoneAxis(1, 1, 0, 0); // SL [110] ∥ beam; SL 002 at φ = 270°
        Mat3 al = (extraLabRotation ?? Mat3.Identity) * relation.LabFromAl(sl);
        var calc = new ReflectionCalculator(StructureFactory.PbS(), 2.5); // the two WAXS rings 111 and 200
        return calc.Visible(al, Lambda, new SpotBroadening(sigmaDeg), 0.05);
    }

    [Fact]
    public void Conf1_SL110Zone_Al200SpotsLieAlongSL002And220()
    {
        // [100]AL ∥ [110]SL ∥ beam, so only the AL (0kl) layer is near the Ewald sphere: the four in-plane
        // {200}AL. (002)AL ∥ (002)SL at φ = 270°, (020)AL ∥ [-110]SL at φ = 180°. No 111AL: |G_z| = q/√3 ≫ σ_s.
        Reflection[] spots = AlSpots(OrientationRelation.Conf1, 6.0);
        Assert.Equal(4, spots.Length);
        Assert.All(spots, s => Assert.Equal(0, s.Hkl.H));
        Assert.All(spots, s => Assert.Equal(4, s.Hkl.SumOfSquares));
        Assert.Equal(270, spots.Single(s => s.Hkl == new Miller(0, 0, 2)).PhiDeg, 9);
        Assert.Equal(90, spots.Single(s => s.Hkl == new Miller(0, 0, -2)).PhiDeg, 9);
        Assert.Equal(180, spots.Single(s => s.Hkl == new Miller(0, 2, 0)).PhiDeg, 9);
        Assert.Equal(0, Angles.Wrap180(spots.Single(s => s.Hkl == new Miller(0, -2, 0)).PhiDeg), 9);
    }

    [Fact]
    public void Conf2_SL110Zone_Al200SpotsAre45DegreesFromSL002()
    {
        // [011]AL ∥ [001]SL: the {200}AL of the (0kl) layer sit at ±45° from the SL 002 direction.
        Reflection[] spots = AlSpots(OrientationRelation.Conf2, 6.0);
        Assert.Equal(4, spots.Length);
        Assert.All(spots, s => Assert.True(s.Hkl.H == 0 && s.Hkl.SumOfSquares == 4, s.Hkl.ToString()));
        double[] phis = spots.Select(s => s.PhiDeg).OrderBy(p => p).ToArray();
        double[] expected = [45, 135, 225, 315];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], phis[i], 9);
        }
    }

    [Fact]
    public void EwaldCondition_InPlaneAl200_NeedsTiltByBraggAngle()
    {
        double k = 2 * Math.PI / Lambda;
        double q200 = 4 * Math.PI / 5.936;
        double thetaB = Math.Asin(q200 / (2 * k)); // 8.70° at 13.8 keV
        Assert.Equal(8.70, Angles.ToDeg(thetaB), 2);

        // At the exact zone orientation the in-plane G misses the sphere by √(k² + q²) − k ≈ 0.313 Å⁻¹ ...
        Reflection spot = AlSpots(OrientationRelation.Conf1, 6.0).Single(s => s.Hkl == new Miller(0, 0, 2));
        Assert.Equal(Math.Sqrt((k * k) + (q200 * q200)) - k, spot.ExcitationError, 12);
        Assert.Equal(Angles.ToDeg(thetaB), spot.AngularExcitationDeg, 9);
        // ... so with a small spread (1°) nothing is excited; the AL spots in the paper come from the ~15° disorder.
        Assert.Empty(AlSpots(OrientationRelation.Conf1, 1.0));

        // Tilting by θ_B about the in-plane axis ⟂ G (here lab x, since (002)AL points to φ = 270°, i.e. −y)
        // puts it exactly on the sphere at the same φ.
        Mat3 tilt = AxisAngle.RotationMatrixDeg(Vec3.UnitX, Angles.ToDeg(thetaB));
        Reflection onSphere = AlSpots(OrientationRelation.Conf1, 1.0, tilt).Single(s => s.Hkl == new Miller(0, 0, 2));
        Assert.Equal(0, onSphere.ExcitationError, 12);
        Assert.Equal(270, onSphere.PhiDeg, 9);
        Assert.Equal(onSphere.StructureFactorSquared, onSphere.Weight, 6);
        Assert.Equal(2 * thetaB, Vec3.AngleBetween(onSphere.ScatteredDirection, Vec3.UnitZ), 12);
    }

    [Fact]
    public void Arbitrary_Relation_RejectsNonRotation_AndComposes()
    {
        Assert.Throws<ArgumentException>(() => OrientationRelation.Arbitrary("bad", Mat3.Diagonal(1, 1, -1)));
        Mat3 m = AxisAngle.RotationMatrixDeg(new Vec3(1, 2, 3), 33);
        var rel = OrientationRelation.Arbitrary("any", m);
        Mat3 sl = OrientationFactory.FromZoneAxis(3, 0, -1, 12);
        Assert.True(Mat3.MaxAbsDifference(rel.LabFromAl(sl), sl * m) < 1e-15);
    }

    [Theory]
    [InlineData(DisorderModel.IsotropicRotationVector, 1.0)]
    [InlineData(DisorderModel.RandomAxisGaussianAngle, 0.57735026918962573)]
    public void OrientationalDisorder_SpreadAboutTheBeamMatchesModel(DisorderModel model, double factor)
    {
        const double sigma = 6.0;
        var disorder = new OrientationalDisorder(sigma, seed: 2019, model);
        Mat3 mean = OrientationRelation.Conf1.LabFromAl(OrientationFactory.FromZoneAxis(1, 1, 0, 0));
        Mat3[] draws = disorder.Sample(mean, 20000);
        // The in-plane (002)AL direction moves in φ by the rotation about the beam.
        double sum2 = draws.Sum(r =>
        {
            double d = Angles.Wrap180(LabFrame.AzimuthDeg(r * Vec3.UnitZ) - 270);
            return d * d;
        });
        double rms = Math.Sqrt(sum2 / draws.Length);
        Assert.InRange(rms, 0.96 * sigma * factor, 1.04 * sigma * factor);
        Assert.Equal(sigma * factor, disorder.SigmaAboutFixedAxisDeg, 12);
        Assert.All(draws.Take(50), r => Assert.True(r.IsRotation(1e-12)));
        // Same seed, same draws.
        Assert.Equal(draws[0], new OrientationalDisorder(sigma, 2019, model).Next(mean));
    }
}
