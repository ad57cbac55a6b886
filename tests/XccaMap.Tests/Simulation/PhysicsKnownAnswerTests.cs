using XccaMap.Simulation;
using XccaMap.Simulation.Scan;
using XccaMap.Simulation.Truth;

namespace XccaMap.Tests.Simulation;

/// <summary>
/// Known answers checked on the rendered detector image (spot maxima found in the noise-free pattern), not on the
/// reflection list: fcc zone patterns of the superlattice (SAXS) and the Conf1/Conf2 atomic-lattice spots (WAXS).
/// </summary>
public sealed class PhysicsKnownAnswerTests
{
    private const double A = 150.0;
    private static readonly double Q111 = 2 * Math.PI * Math.Sqrt(3) / A;
    private static readonly double Q200 = 2 * Math.PI * 2 / A;
    private static readonly double Q220 = 2 * Math.PI * Math.Sqrt(8) / A;
    private static readonly double Q311 = 2 * Math.PI * Math.Sqrt(11) / A;

    /// <summary>A scan with one class, the beam in the middle of module 1 at 0.8 m (SAXS) and small spheres so no reflection is extinct.</summary>
    private static ScanSimulator Saxs(int u, int v, int w, double inPlane) => ScanSimulator.Create(new ScanDefinition
    {
        Name = "saxs",
        Raster = new RasterSettings { Rows = 1, Cols = 1 },
        Detector = new DetectorSettings { DistanceM = 0.8, BeamCenterXPx = 515, BeamCenterYPx = 257 },
        Beamstop = new BeamstopSettings { RadiusPx = 5, HolderWidthPx = 0 },
        Sample = new SampleSettings { SlAAngstrom = A, NcRadiusAngstrom = 20, NcRadiusSigmaAngstrom = 1, AlOrientationSamples = 256 },
        Classes = [new ClassSettings { ZoneAxis = [u, v, w], InPlaneDeg = inPlane }],
    }, ".");

    /// <summary>A scan with the beam at the detector centre at 0.12 m, so the whole 111 and 200 AL rings are seen.</summary>
    private static ScanSimulator Waxs(string relation, double inPlane) => ScanSimulator.Create(new ScanDefinition
    {
        Name = "waxs",
        Raster = new RasterSettings { Rows = 1, Cols = 1 },
        Detector = new DetectorSettings { DistanceM = 0.12, BeamCenterXPx = 1035.5, BeamCenterYPx = 1083.5 },
        Beamstop = new BeamstopSettings { RadiusPx = 10, HolderWidthPx = 0 },
        Sample = new SampleSettings { AlOrientationSamples = 65536 },
        Classes = [new ClassSettings { ZoneAxis = [0, 0, 1], InPlaneDeg = inPlane, Relation = relation, AlDisorderSigmaDeg = 4 }],
    }, ".");

    private static float[] SpotsOnly(ScanSimulator sim) =>
        new TruthBuilder(sim.Definition, sim.Detector, sim.Classes).Pattern(0, includeBackground: false);

    [Fact]
    public void Fcc_001_zone_gives_200_spots_90_degrees_apart_and_220_spots_at_45_degrees()
    {
        var sim = Saxs(0, 0, 1, 10);
        var image = SpotsOnly(sim);
        var s200 = SpotFinder.Find(image, sim.Detector.Pixels, Q200 - 0.004, Q200 + 0.004, 0.05);
        var s220 = SpotFinder.Find(image, sim.Detector.Pixels, Q220 - 0.004, Q220 + 0.004, 0.05);
        Assert.Equal(4, s200.Count);
        Assert.Equal(4, s220.Count);
        foreach (var s in s200)
        {
            Assert.Equal(Q200, s.Q, 4e-4);
            Assert.Contains(new[] { 10.0, 100, 190, 280 }, e => SpotFinder.AngleDistance(s.Phi, e) < 0.3);
        }

        foreach (var s in s220)
        {
            Assert.Equal(Q220, s.Q, 4e-4);
            Assert.Contains(new[] { 55.0, 145, 235, 325 }, e => SpotFinder.AngleDistance(s.Phi, e) < 0.3);
        }

        // Nothing at the 111 ring: those reflections are off the zone (far from the Ewald sphere).
        double strongest = s200.Max(x => x.Peak);
        Assert.DoesNotContain(SpotFinder.Find(image, sim.Detector.Pixels, Q111 - 0.003, Q111 + 0.003, 0.05), s => s.Peak > 0.01 * strongest);
    }

    [Fact]
    public void Fcc_110_zone_gives_111_200_220_311_at_the_right_q_ratios_and_angles()
    {
        var sim = Saxs(1, 1, 0, 25);
        var image = SpotsOnly(sim);
        var spots = SpotFinder.Find(image, sim.Detector.Pixels, 0.06, 0.142, 0.03);
        var rings = spots.GroupBy(s => Math.Round(s.Q / 0.004)).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        Assert.Equal(4, rings.Count);
        double q111 = rings[0].Average(s => s.Q);
        double[] ratios = [1, 2 / Math.Sqrt(3), Math.Sqrt(8) / Math.Sqrt(3), Math.Sqrt(11) / Math.Sqrt(3)];
        int[] counts = [4, 2, 2, 4];
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(counts[i], rings[i].Count);
            Assert.Equal(ratios[i], rings[i].Average(s => s.Q) / q111, 4e-3);
        }

        Assert.Equal(Q111, q111, 4e-4);
        Assert.Equal(Q311, rings[3].Average(s => s.Q), 4e-4);

        // Angles to the 220 direction ([1-10], at φ = in-plane = 25°), folded into [0°, 90°]:
        // 111 at 35.26°, 002 at 90°, 311 at 64.76°.
        double Fold(double phi)
        {
            double d = SpotFinder.AngleDistance(phi, 25) % 180;
            return Math.Min(d, 180 - d);
        }

        Assert.All(rings[2], s => Assert.Equal(0, Fold(s.Phi), 0.4));
        Assert.All(rings[0], s => Assert.Equal(Math.Acos(Math.Sqrt(2.0 / 3)) * 180 / Math.PI, Fold(s.Phi), 0.4));
        Assert.All(rings[1], s => Assert.Equal(90, Fold(s.Phi), 0.4));
        Assert.All(rings[3], s => Assert.Equal(Math.Acos(2 / Math.Sqrt(22)) * 180 / Math.PI, Fold(s.Phi), 0.4));
    }

    [Fact]
    public void Conf1_puts_four_200_AL_spots_along_the_SL_110_directions()
    {
        // SL [001] ∥ beam, SL [100] at 20°: Conf1 ([110]SL ∥ [100]AL, [001]SL ∥ [001]AL) puts the AL 200 family in
        // the detector plane along SL <110>, i.e. at 65°, 155°, 245°, 335°; the AL 111 are 35° out of plane (dark).
        var sim = Waxs("Conf1", 20);
        var image = SpotsOnly(sim);
        var p200 = AngularPeaks(sim, image, 2 * Math.PI * 2 / 5.936);
        var p111 = AngularPeaks(sim, image, 2 * Math.PI * Math.Sqrt(3) / 5.936);
        AssertPeaksAt(p200.Peaks, [65, 155, 245, 335]);
        Assert.True(p111.Max < 0.05 * p200.Max, $"111 ring max {p111.Max} vs 200 ring {p200.Max}");
    }

    [Fact]
    public void Conf2_puts_two_200_AL_spots_and_four_111_AL_spots()
    {
        // Conf2 ([110]SL ∥ [100]AL, [001]SL ∥ [011]AL): beam ∥ [011]AL, so only ±[100]AL (at 65°, 245°) of the 200
        // family lie in the plane, and the four 111 in the [011] zone sit at ±54.74° from them.
        var sim = Waxs("Conf2", 20);
        var image = SpotsOnly(sim);
        var p200 = AngularPeaks(sim, image, 2 * Math.PI * 2 / 5.936);
        var p111 = AngularPeaks(sim, image, 2 * Math.PI * Math.Sqrt(3) / 5.936);
        AssertPeaksAt(p200.Peaks, [65, 245]);
        double a = Math.Acos(1 / Math.Sqrt(3)) * 180 / Math.PI;
        AssertPeaksAt(p111.Peaks, [65 - a, 65 + a, 245 - a, 245 + a]);
    }

    private static void AssertPeaksAt(List<double> found, double[] expected)
    {
        Assert.Equal(expected.Length, found.Count);
        foreach (double e in expected)
        {
            Assert.Contains(found, f => SpotFinder.AngleDistance(f, e) <= 1.5);
        }
    }

    /// <summary>Angular profile (1° bins, live pixels only) of the ring q ± 0.03 Å⁻¹ and its maxima above 30 % of the largest.</summary>
    private static (List<double> Peaks, double Max) AngularPeaks(ScanSimulator sim, float[] image, double q)
    {
        var qs = sim.Detector.Pixels.Q.Span;
        var phi = sim.Detector.Pixels.Phi.Span;
        var sum = new double[360];
        var n = new int[360];
        for (int p = 0; p < image.Length; p++)
        {
            if (Math.Abs(qs[p] - q) < 0.03 && sim.Detector.IsLive(p))
            {
                int b = Math.Min(359, (int)phi[p]);
                sum[b] += image[p] / sim.Detector.Response[p];
                n[b]++;
            }
        }

        var prof = Enumerable.Range(0, 360).Select(i => n[i] > 0 ? sum[i] / n[i] : 0).ToArray();
        double max = prof.Max();
        var peaks = Enumerable.Range(0, 360)
            .Where(i => prof[i] >= 0.3 * max && prof[i] > prof[(i + 359) % 360] && prof[i] >= prof[(i + 1) % 360]
                && Enumerable.Range(-6, 13).All(k => prof[(i + k + 360) % 360] <= prof[i]))
            .Select(i => i + 0.5).ToList();
        return (peaks, max);
    }
}
