using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Simulation;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Tests.Crystallography.Simulation;

public class SaxsPatternSimulatorTests
{
    private const double Lambda = 0.898;
    private const double A = 150;
    private static readonly SaxsPatternSimulator Sim = new(StructureFactory.FccSuperlattice(A), new SaxsPatternOptions { QMax = 0.2 });

    private static PatternSpot[] Family(PatternSpot[] spots, int sumOfSquares) => spots.Where(s => s.Hkl.SumOfSquares == sumOfSquares).ToArray();

    private static void AssertAngles(IEnumerable<PatternSpot> spots, params double[] expected)
    {
        double[] actual = spots.Select(s => s.PhiDeg).Order().ToArray();
        double[] want = expected.Select(Angles.Wrap360).Order().ToArray();
        Assert.Equal(want.Length, actual.Length);
        for (int i = 0; i < want.Length; i++)
        {
            Assert.True(Angles.CircularDistanceDeg(actual[i], want[i]) < 1e-6, $"φ {actual[i]} vs {want[i]}");
        }
    }

    [Fact]
    public void Zone001_200At90Degrees_220Between_QRatioSqrt2()
    {
        PatternSpot[] spots = Sim.Spots(new ZoneAxis(0, 0, 1), 20, Lambda);
        PatternSpot[] s200 = Family(spots, 4), s220 = Family(spots, 8);
        AssertAngles(s200, 20, 110, 200, 290);
        AssertAngles(s220, 65, 155, 245, 335);
        Assert.DoesNotContain(spots, s => s.Hkl.SumOfSquares == 3); // 111 lie in the ±1st Laue zones
        Assert.Equal(4 * Math.PI / A, s200[0].Q, 12);
        Assert.Equal(Math.Sqrt(2), s220[0].Q / s200[0].Q, 12);
        Assert.All(spots, s => Assert.Equal(0, s.Hkl.L));
        // Zero-order Laue zone: only the Ewald curvature s ≈ q²/2k lowers the excitation (to 0.77 at 420, q = 0.187 Å⁻¹).
        Assert.All(spots, s => Assert.True(s.Excitation > 0.7));
        Assert.True(s200[0].Excitation > 0.95);
    }

    [Fact]
    public void Zone110_111And200At54_74Degrees_QRatios()
    {
        PatternSpot[] spots = Sim.Spots(new ZoneAxis(1, 1, 0), 0, Lambda);
        PatternSpot[] s111 = Family(spots, 3), s200 = Family(spots, 4), s220 = Family(spots, 8), s311 = Family(spots, 11);
        Assert.Equal(4, s111.Length);   // (1 -1 ±1), (-1 1 ±1)
        Assert.Equal(2, s200.Length);   // (0 0 ±2)
        Assert.Equal(2, s220.Length);   // ±(2 -2 0)
        Assert.Equal(4, s311.Length);   // (1 -1 ±3), (-1 1 ±3)
        Assert.All(spots, s => Assert.Equal(0, s.Hkl.H + s.Hkl.K));
        Assert.Equal(Math.Sqrt(3) / 2, s111[0].Q / s200[0].Q, 12);
        Assert.Equal(Math.Sqrt(11) / 2, s311[0].Q / s200[0].Q, 12);
        // Reference [1-10] at ψ = 0 (OrientationFactory): 220 at 0/180, 002 at ±90, 111 at 90 ∓ 54.74.
        AssertAngles(s220, 0, 180);
        AssertAngles(s200, 90, 270);
        double a = Angles.ToDeg(Math.Acos(1 / Math.Sqrt(3))); // 54.7356°
        AssertAngles(s111, 90 - a, 90 + a, 270 - a, 270 + a);
        double b = Angles.ToDeg(Math.Acos(3 / Math.Sqrt(11))); // 311 at 25.24° from 002
        AssertAngles(s311, 90 - b, 90 + b, 270 - b, 270 + b);
    }

    [Theory]
    [InlineData(3, 0, -1)]
    [InlineData(12, 1, -7)]
    [InlineData(10, 1, -9)]
    public void HighIndexZones_ShowOnlySpotsNearTheZeroLayer(int u, int v, int w)
    {
        var zone = new ZoneAxis(u, v, w);
        PatternSpot[] spots = Sim.Spots(zone, 33, Lambda);
        Assert.NotEmpty(spots);
        Vec3 beam = zone.ToVec3().Normalized();
        foreach (PatternSpot s in spots)
        {
            // |G·ẑ| ≤ 4σ_s: out-of-zone spots may only appear within the rocking-curve width.
            double gz = Vec3.Dot(s.Hkl.ToVec3() * (2 * Math.PI / A), beam);
            double sigmaS = Math.Sqrt(Math.Pow(s.Q * Angles.ToRad(1.0), 2) + (0.0012 * 0.0012));
            Assert.True(Math.Abs(gz) < 4 * sigmaS, $"{s.Hkl} in [{u} {v} {w}]: G·beam = {gz:G3} Å⁻¹");
        }

        // Friedel pairs in the zone both appear, 180° apart.
        foreach (PatternSpot s in spots.Where(s => s.Hkl.IsInZone(zone)))
        {
            PatternSpot mate = spots.Single(t => t.Hkl == -s.Hkl);
            Assert.Equal(180, Angles.CircularDistanceDeg(s.PhiDeg, mate.PhiDeg), 6);
        }
    }

    [Fact]
    public void Renderer_PutsEachSpotAtItsQAndPhi()
    {
        // A polar test geometry: 400 × 360 pixels, q from 0 to 0.2 Å⁻¹ along rows, φ = column + 0.5 degrees.
        int rows = 400, cols = 360;
        var q = new float[rows * cols];
        var phi = new float[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                q[(r * cols) + c] = (float)((r + 0.5) * 0.2 / rows);
                phi[(r * cols) + c] = c + 0.5f;
            }
        }

        PatternSpot[] spots = Family(Sim.Spots(new ZoneAxis(0, 0, 1), 20.5, Lambda), 4);
        float[] image = PatternRenderer.Render(spots, q, phi);
        foreach (PatternSpot s in spots)
        {
            int c = (int)Math.Floor(s.PhiDeg);
            int best = Enumerable.Range(0, rows).MaxBy(r => image[(r * cols) + c]);
            Assert.True(Math.Abs(((best + 0.5) * 0.2 / rows) - s.Q) <= 0.2 / rows, $"{s.Hkl}: peak row {best}");
            Assert.Equal(s.Intensity, image[(best * cols) + c], s.Intensity * 0.05);
        }

        // Nothing far from the spots.
        Assert.Equal(0f, image[(50 * cols) + 100]);
    }
}
