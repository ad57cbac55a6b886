using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Reflections;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Tests.Crystallography;

public class ReflectionCalculatorTests
{
    private const double A = 150;
    private const double Lambda = 0.898;

    // Point scatterers isolate the geometry from the sphere form factor.
    private static readonly Structure PointFcc = StructureFactory.Fcc(A, new ConstantScatterer("point", 1));

    // Spots whose Ewald factor exp(−s²/2σ²) is at least one half.
    private static Reflection[] Excited(Reflection[] all) => all.Where(r => r.Weight >= 0.5 * r.StructureFactorSquared).ToArray();

    private static void AssertPhiSet(IEnumerable<Reflection> spots, params double[] expectedPhi)
    {
        double[] actual = spots.Select(r => r.PhiDeg).OrderBy(p => p).ToArray();
        Assert.Equal(expectedPhi.Length, actual.Length);
        double[] sorted = expectedPhi.Select(Angles.Wrap360).OrderBy(p => p).ToArray();
        for (int i = 0; i < sorted.Length; i++)
        {
            Assert.True(Angles.CircularDistanceDeg(actual[i], sorted[i]) < 1e-6, $"φ {actual[i]} vs expected {sorted[i]}");
        }
    }

    [Fact]
    public void Fcc001Zone_FlatEwald_200SpotsAre90DegreesApart_220At45()
    {
        var calc = new ReflectionCalculator(PointFcc, 0.13); // 111, 200, 220
        Mat3 r = OrientationFactory.FromZoneAxis(0, 0, 1, 0);
        Reflection[] spots = Excited(calc.Compute(r, double.PositiveInfinity, new SpotBroadening(2.0)));
        Reflection[] s200 = spots.Where(s => s.Hkl.SumOfSquares == 4).ToArray();
        Reflection[] s220 = spots.Where(s => s.Hkl.SumOfSquares == 8).ToArray();
        Assert.Equal(8, spots.Length); // no 111: their G has |G_z| = 2π/a, far off the zero-layer plane
        AssertPhiSet(s200, 0, 90, 180, 270);
        AssertPhiSet(s220, 45, 135, 225, 315);
        Assert.All(spots, s => Assert.Equal(0, s.Hkl.L));
        Assert.All(s200, s => Assert.Equal(4 * Math.PI / A, s.Q, 12));
    }

    [Fact]
    public void Fcc001Zone_RealWavelength_GivesTheSameSpots_WithTinyCurvature()
    {
        var calc = new ReflectionCalculator(PointFcc, 0.13);
        Mat3 r = OrientationFactory.FromZoneAxis(0, 0, 1, 20);
        Reflection[] spots = Excited(calc.Compute(r, Lambda, new SpotBroadening(2.0)));
        AssertPhiSet(spots.Where(s => s.Hkl.SumOfSquares == 4), 20, 110, 200, 290);
        AssertPhiSet(spots.Where(s => s.Hkl.SumOfSquares == 8), 65, 155, 245, 335);
        double k = 2 * Math.PI / Lambda;
        // In-plane G: s = √(k² + q²) − k ≈ q²/2k; 2θ from Bragg.
        Reflection s200 = spots.First(s => s.Hkl == new Miller(2, 0, 0));
        Assert.Equal(Math.Sqrt((k * k) + (s200.Q * s200.Q)) - k, s200.ExcitationError, 12);
        Assert.Equal(2 * Math.Asin(s200.Q / (2 * k)), s200.TwoThetaRad, 12);
    }

    [Fact]
    public void Fcc110Zone_Spots_HaveRightQRatiosAndAngles()
    {
        var calc = new ReflectionCalculator(PointFcc, 0.142); // up to 311 (q = 0.1389), below 222 (0.1451)
        Mat3 r = OrientationFactory.FromZoneAxis(1, 1, 0, 0); // [1-10] at φ = 0, [00-1] at φ = 90, [001] at 270
        Reflection[] spots = Excited(calc.Compute(r, Lambda, new SpotBroadening(1.0)));
        Assert.All(spots, s => Assert.True(s.Hkl.IsInZone(new ZoneAxis(1, 1, 0)), s.Hkl.ToString()));
        var byFamily = spots.GroupBy(s => s.Hkl.SumOfSquares).ToDictionary(g => g.Key, g => g.ToArray());
        Assert.Equal(4, byFamily[3].Length);  // ±(1-11), ±(1-1-1)
        Assert.Equal(2, byFamily[4].Length);  // ±(002)
        Assert.Equal(2, byFamily[8].Length);  // ±(2-20)
        Assert.Equal(4, byFamily[11].Length); // ±(1-13), ±(1-1-3)
        Assert.Equal(12, spots.Length);

        double q111 = byFamily[3][0].Q;
        Assert.Equal(2 / Math.Sqrt(3), byFamily[4][0].Q / q111, 12);
        Assert.Equal(Math.Sqrt(8) / Math.Sqrt(3), byFamily[8][0].Q / q111, 12);
        Assert.Equal(Math.Sqrt(11) / Math.Sqrt(3), byFamily[11][0].Q / q111, 12);

        // Geometry: the angle between G_hkl and [001] is acos(l/√(h²+k²+l²)); in the zone plane that is the
        // azimuthal distance from the 002 spot (φ = 270°). 111: 54.74°, 311: 25.24°, 220: 90°.
        double phi002 = spots.Single(s => s.Hkl == new Miller(0, 0, 2)).PhiDeg;
        Assert.Equal(270, phi002, 10);
        foreach (Reflection s in spots)
        {
            double expected = Angles.ToDeg(Math.Acos(s.Hkl.L / Math.Sqrt(s.Hkl.SumOfSquares)));
            Assert.Equal(expected, Angles.CircularDistanceDeg(s.PhiDeg, phi002), 9);
        }

        double a111 = Angles.ToDeg(Math.Acos(1 / Math.Sqrt(3))), a311 = Angles.ToDeg(Math.Acos(3 / Math.Sqrt(11)));
        Assert.Equal(54.7356, a111, 4);
        Assert.Equal(25.2394, a311, 4);
        AssertPhiSet(byFamily[3], 270 + a111, 270 - a111, 90 + a111, 90 - a111);
        AssertPhiSet(byFamily[11], 270 + a311, 270 - a311, 90 + a311, 90 - a311);
        AssertPhiSet(byFamily[8], 0, 180);
    }

    [Fact]
    public void FccSuperlatticeWithSpheres_Visible_UsesFormFactorWeights()
    {
        Structure sl = StructureFactory.FccSuperlattice();
        var calc = new ReflectionCalculator(sl, 0.2);
        Reflection[] visible = calc.Visible(OrientationFactory.FromZoneAxis(0, 0, 1, 0), Lambda, new SpotBroadening(2.0), 1e-3);
        Assert.NotEmpty(visible);
        Assert.All(visible, v => Assert.True(v.Hkl.IsFccAllowed && v.Hkl.L == 0));
        Assert.True(visible.Zip(visible.Skip(1)).All(p => p.First.Weight >= p.Second.Weight));
        Assert.Contains(visible, v => v.Hkl == new Miller(2, 0, 0));
    }

    [Fact]
    public void Constructor_DropsAbsentReflections_AndBoundsQ()
    {
        var calc = new ReflectionCalculator(StructureFactory.PbS(), 2.5);
        Assert.Equal(8 + 6, calc.Count); // {111} and {200} only
        Reflection[] all = calc.Compute(Mat3.Identity, Lambda, new SpotBroadening(5));
        Assert.All(all, r => Assert.True(r.Q <= 2.5 && r.Hkl.IsFccAllowed));
    }
}
