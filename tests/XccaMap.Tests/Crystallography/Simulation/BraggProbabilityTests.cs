using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Reflections;
using XccaMap.Crystallography.Simulation;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Tests.Crystallography.Simulation;

public class BraggProbabilityTests
{
    private const double Lambda = 0.898;
    private static readonly double K = 2 * Math.PI / Lambda;
    private static readonly double Q200 = StructureFactory.PbS().Lattice.Q(new Miller(2, 0, 0));
    private static readonly double SizeSigma = new SpotBroadening(0, 65, 0.9).SizeSigma;

    // G of length q at azimuth 30° and elevation ε (degrees).
    private static Vec3 G(double q, double elevationDeg)
    {
        double e = Angles.ToRad(elevationDeg), p = Angles.ToRad(30);
        return new Vec3(q * Math.Cos(e) * Math.Cos(p), q * Math.Cos(e) * Math.Sin(p), q * Math.Sin(e));
    }

    // Monte Carlo: mean rocking-curve weight exp(−s²/2σ_s²) over disordered orientations, with the exact s = |k₀+G| − k;
    // also the weighted azimuth spread of the diffracting crystals.
    private static (double Mean, double PhiSigma) MonteCarlo(Vec3 g, double sigmaDeg, int n = 40000)
    {
        var disorder = new OrientationalDisorder(sigmaDeg, seed: 11);
        double sum = 0, sw = 0, sp = 0, sp2 = 0;
        for (int i = 0; i < n; i++)
        {
            Vec3 v = disorder.NextPerturbation() * g;
            double kg = Math.Sqrt((v.X * v.X) + (v.Y * v.Y) + ((K + v.Z) * (K + v.Z)));
            double s = kg - K;
            double w = Math.Exp(-(s * s) / (2 * SizeSigma * SizeSigma));
            sum += w;
            double phi = Angles.Wrap180(LabFrame.AzimuthDeg(v) - 30);
            sw += w;
            sp += w * phi;
            sp2 += w * phi * phi;
        }

        double mean = sp / sw;
        return (sum / n, Math.Sqrt((sp2 / sw) - (mean * mean)));
    }

    [Theory]
    [InlineData(0.0)]      // in the detector plane: 8.7° from the Bragg tilt
    [InlineData(-8.7)]     // at the Bragg condition
    [InlineData(6.0)]      // tilted the wrong way
    [InlineData(-20.0)]
    public void AnalyticIntegral_MatchesMonteCarlo_ForPbS200At7Degrees(double elevationDeg)
    {
        Vec3 g = G(Q200, elevationDeg);
        double analytic = BraggProbability.Probability(g, K, 7.0, SizeSigma);
        (double mc, double phiSigma) = MonteCarlo(g, 7.0);
        // First order in σ_D = 7°: a few per cent, plus Monte-Carlo noise.
        Assert.True(Math.Abs(analytic - mc) <= (0.06 * mc) + 2e-4, $"ε = {elevationDeg}°: analytic {analytic:G4} vs Monte Carlo {mc:G4}");
        if (mc > 0.02)
        {
            double expected = BraggProbability.AzimuthalSigmaDeg(Q200, K, 7.0, 0); // disorder part; the MC measures G's azimuth only
            Assert.True(Math.Abs(phiSigma - expected) < 0.06 * expected, $"azimuth σ {phiSigma:F2}° vs {expected:F2}°");
        }
    }

    [Fact]
    public void PerfectCrystalAtBragg_HasProbabilityOne_AndRelativeWeightIsSymmetricAboutIt()
    {
        double thetaB = Math.Asin(Q200 / (2 * K));
        Vec3 atBragg = G(Q200, -Angles.ToDeg(thetaB));
        Assert.Equal(1.0, BraggProbability.Probability(atBragg, K, 0, SizeSigma), 9);
        Assert.Equal(1.0, BraggProbability.RelativeToIdeal(atBragg, K, 7, SizeSigma), 9);
        double below = BraggProbability.RelativeToIdeal(G(Q200, -Angles.ToDeg(thetaB) - 5), K, 7, SizeSigma);
        double above = BraggProbability.RelativeToIdeal(G(Q200, -Angles.ToDeg(thetaB) + 5), K, 7, SizeSigma);
        Assert.Equal(below, above, 12);
        // In the detector plane the 200 is 8.7° off: with σ_D = 7° (σ_e ≈ 1°) its relative weight is exp(−8.7²/2·50).
        double sigmaE = Angles.ToDeg(SizeSigma / (Q200 * Math.Cos(thetaB)));
        double expected = Math.Exp(-Math.Pow(Angles.ToDeg(thetaB), 2) / (2 * ((7 * 7) + (sigmaE * sigmaE))));
        Assert.Equal(expected, BraggProbability.RelativeToIdeal(G(Q200, 0), K, 7, SizeSigma), 9);
    }

    [Fact]
    public void AzimuthalSigma_RoundTripsThroughDisorder()
    {
        double az = BraggProbability.AzimuthalSigmaDeg(Q200, K, 6.3, SizeSigma);
        Assert.True(az > 6.3);
        Assert.Equal(6.3, BraggProbability.DisorderFromAzimuthalSigmaDeg(az, Q200, K, SizeSigma), 9);
    }

    [Fact]
    public void DisorderedReflections_Conf1Along001_ShowsFourEqual200_AndNo111()
    {
        Mat3 sl = OrientationFactory.FromZoneAxis(0, 0, 1, 10);
        Mat3 al = OrientationRelation.Conf1.LabFromAl(sl);
        var refl = new DisorderedReflections(new ReflectionCalculator(StructureFactory.PbS(), 2.2));
        PatternSpot[] spots = refl.Compute(al, Lambda, 7.0, 65, minProbability: 0.05);
        PatternSpot[] s200 = spots.Where(s => s.Hkl.SumOfSquares == 4).ToArray();
        Assert.Equal(4, s200.Length);
        Assert.DoesNotContain(spots, s => s.Hkl.SumOfSquares == 3); // 111 at ±35° elevation: far from the Bragg tilt
        Assert.All(s200, s => Assert.Equal(s200[0].Intensity, s.Intensity, 9));
        double[] phi = s200.Select(s => s.PhiDeg).Order().ToArray();
        Assert.Equal([55, 145, 235, 325], phi.Select(p => Math.Round(p, 6)).ToArray());
    }

    [Fact]
    public void DisorderedReflections_Conf2Along001_ShowsTwo200AndFour111_InThe011Zone()
    {
        // [011]AL along the beam: (±2 0 0) and (±(1 1 -1), ±(1 -1 1)) lie in the plane; 111 at 54.74° from 200.
        Mat3 sl = OrientationFactory.FromZoneAxis(0, 0, 1, 10);
        Mat3 al = OrientationRelation.Conf2.LabFromAl(sl);
        var refl = new DisorderedReflections(new ReflectionCalculator(StructureFactory.PbS(), 2.2));
        PatternSpot[] spots = refl.Compute(al, Lambda, 7.0, 65, minProbability: 0.05);
        PatternSpot[] s200 = spots.Where(s => s.Hkl.SumOfSquares == 4).ToArray();
        PatternSpot[] s111 = spots.Where(s => s.Hkl.SumOfSquares == 3).ToArray();
        Assert.Equal(2, s200.Length);
        Assert.Equal(4, s111.Length);
        Assert.All(s200, s => Assert.Equal(0, s.Hkl.K));
        foreach (PatternSpot s in s111)
        {
            double nearest = s200.Min(t => Angles.CircularDistanceDeg(s.PhiDeg, t.PhiDeg));
            Assert.Equal(Angles.ToDeg(Math.Acos(1 / Math.Sqrt(3))), nearest, 6);
        }
    }
}
