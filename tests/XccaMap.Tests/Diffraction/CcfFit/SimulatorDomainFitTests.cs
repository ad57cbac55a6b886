using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Simulation;
using XccaMap.Crystallography.Symmetry;
using XccaMap.Diffraction.Ccf;
using XccaMap.Diffraction.CcfFit;
using XccaMap.Diffraction.Remap;
using XccaMap.Simulation;
using XccaMap.Simulation.Truth;
using Xunit.Abstractions;

namespace XccaMap.Tests.Diffraction.CcfFit;

/// <summary>
/// Fits the scan simulator's noise-free class CCFs — its own Monte-Carlo nanocrystal disorder, 2D rendering with
/// backgrounds, masks and polar remap, none of it shared with the fit's model — for domains like the paper's (Fig. 1):
/// the true relation's fit must find the orientations, and Conf1 vs Conf2 must be chosen right wherever the CCF can
/// tell them apart, and never wrongly. With the AL 200 ring it cannot when both relations put the same 200 spot in
/// the detector window ([001] domains); the AL 111 ring then decides for Conf2 (four in-plane 111), and that CCF is
/// computed here from the noise-free pattern as the truth builder does.
/// </summary>
[Trait("Category", "Slow")]
public class SimulatorDomainFitTests(ITestOutputHelper output)
{
    // P10 geometry and sample of scans/p10-pbs-121x121.json; the paper's five domains plus a Conf2 [-110] domain turned so
    // that the window holds both azimuths where Conf1 puts a 200 spot ([110]SL and [001]SL), of which Conf2 fills one.
    private const string Scan = """
        {
          "name": "ccf-fit-domains", "seed": 2019,
          "raster": { "rows": 2, "cols": 2, "step_um": 0.25, "order": "snake" },
          "beam": { "wavelength_angstrom": 0.898, "count_time_s": 0.3, "footprint_fwhm_um": 0.25, "polarisation_factor": 0.99 },
          "detector": { "distance_m": 0.41, "beam_center_x_px": 180.0, "beam_center_y_px": 1990.0 },
          "beamstop": { "radius_px": 14.0, "holder_width_px": 8.0, "holder_phi_deg": 135.0 },
          "sample": { "sl_a_angstrom": 150.0, "nc_radius_angstrom": 65.0, "nc_radius_sigma_angstrom": 5.0, "al_orientation_samples": 4096 },
          "classes": [
            { "name": "yellow", "zone_axis": [0, 0, -1], "in_plane_deg": 12.0, "relation": "Conf2", "al_disorder_sigma_deg": 7.1 },
            { "name": "green", "zone_axis": [-1, 1, 0], "in_plane_deg": 64.0, "relation": "Conf2", "al_disorder_sigma_deg": 7.0 },
            { "name": "orange", "zone_axis": [3, 0, -1], "in_plane_deg": 33.0, "relation": "Conf2", "al_disorder_sigma_deg": 5.5 },
            { "name": "red", "zone_axis": [0, 0, -1], "in_plane_deg": -20.0, "relation": "Conf1", "al_disorder_sigma_deg": 5.5 },
            { "name": "purple", "zone_axis": [-1, 1, 0], "in_plane_deg": 100.0, "relation": "Conf1", "al_disorder_sigma_deg": 7.3 },
            { "name": "green-turned", "zone_axis": [-1, 1, 0], "in_plane_deg": 89.0, "relation": "Conf2", "al_disorder_sigma_deg": 7.0 }
          ]
        }
        """;

    private static Mat3 Matrix(double[] m) => new(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);

    [Fact]
    public void SimulatedDomains_RelationChosenCorrectly_AnglesRecovered()
    {
        using var dir = new TempDir();
        string path = dir.File("ccf-fit-domains.json");
        File.WriteAllText(path, Scan);
        ScanSimulator sim = ScanSimulator.Load(path);
        (ClassTruth[] classes, float[][] patterns) = sim.BuildTruth();
        double lambda = sim.Definition.Beam.WavelengthAngstrom;
        var decided = new List<string>();
        for (int i = 0; i < classes.Length; i++)
        {
            ClassTruth truth = classes[i];
            CcfTruth c = truth.Ccf;
            CcfFitData data = Data(c.DeltaDeg, c.Values, c.Q1, c.Q2, lambda, c.PhiDeg, c.Profile1, c.Weight1, c.Weight2, truth.Name);
            CcfFitReport report = Fit(truth, data);
            Check(truth, report, data, "200");
            if (report.Selection.Decisive)
            {
                Assert.Equal(truth.Relation, report.Selection.Chosen.ToString());
                decided.Add($"{truth.Name} (200)");
            }

            if (truth.ZoneAxis.W != 0 && truth.ZoneAxis.U == 0)
            {
                // [001] domains: correlate with the AL 111 ring instead (computed like the truth CCF, from the pattern).
                CcfFitData d111 = Ring111Data(sim, patterns[i], c, lambda, truth.Name);
                CcfFitReport r111 = Fit(truth, d111);
                Check(truth, r111, d111, "111");
                if (r111.Selection.Decisive)
                {
                    Assert.Equal(truth.Relation, r111.Selection.Chosen.ToString());
                    decided.Add($"{truth.Name} (111)");
                }
            }

        }

        output.WriteLine("decided: " + string.Join(", ", decided));
        Assert.Contains("purple (200)", decided);        // Conf1
        Assert.Contains("green-turned (200)", decided);  // Conf2
        Assert.Contains("yellow (111)", decided);        // Conf2: four in-plane 111, Conf1 has none
        // red (Conf1 along [001]) stays undecided: Conf1 puts no spot on either AL ring inside the window except the
        // 200 that Conf2 puts there too, and a CCF scaled to [0, 1] cannot say that an absent 111 spot "should" have
        // been there (the peak amplitude is free) — the fit reports both residuals and decisive = false.
    }

    private static CcfFitReport Fit(ClassTruth truth, CcfFitData data) =>
        CcfFitter.Fit(data, new CcfFitOptions { Zones = [truth.ZoneAxis], SuperlatticeA = truth.SlAAngstrom });

    private void Check(ClassTruth truth, CcfFitReport report, CcfFitData data, string ring)
    {
        CcfFitResult right = report.Results.First(r => r.Model.ToString() == truth.Relation);
        double slError = Misorientation.CubicDisorientationAngleDeg(Matrix(truth.LabFromSl), right.LabFromSl);
        double alError = Misorientation.CubicDisorientationAngleDeg(Matrix(truth.LabFromAl), right.LabFromAl);
        ModelSelection s = report.Selection;
        output.WriteLine(FormattableString.Invariant(
            $"{truth.Name} {truth.ZoneAxis} {truth.Relation} ψ={truth.InPlaneDeg} (q₁ {right.Ring1Family}, AL {ring}): chosen {s.Chosen} decisive={s.Decisive} Δχ²={s.DeltaChiSquare:F1} RSS {s.ChosenRss:G4}/{s.RunnerUpRss:G4}; fit ψ={right.InPlane.Value:F2}±{right.InPlane.StandardError:F3} ω_z={right.MisorientationDeg.Z:F2}±{right.Parameter("misorientation_z").StandardError:F3} σ₁={right.Sigma1.Value:F2} σ₂={right.Sigma2.Value:F2} (truth FWHM/2.355 = {truth.Fwhm200AzDeg / 2.3548:F2}); SL err {slError:F2}°, AL err {alError:F2}°, CCF rms {right.CcfRmsResidual:F4}"));
        Assert.True(slError < 0.5, $"{truth.Name}: SL orientation off by {slError:F2}°");
        // Every simulator WAXS spot of the ring that the detector sees must be matched by a fitted spot (the simulator's
        // own centre carries the Monte-Carlo noise of its disorder integral, a few tenths of a degree — hence not
        // ω_z = 0 exactly); then the AL orientation is measured and must be right.
        var ringTruth = truth.AlPeaks.Where(t => Math.Abs(t.Q - data.Q2) < 0.01).ToList();
        double truthMax = ringTruth.Select(t => t.Amplitude).DefaultIfEmpty(0).Max();
        double fitMax = right.Ring2Peaks.Select(p => p.Peak.Amplitude).DefaultIfEmpty(0).Max();
        var seen = ringTruth.Where(t => t.OnDetector && t.Amplitude >= 0.05 * truthMax && data.Mask2!.At(t.PhiDeg) > 0).ToList();
        foreach (var t in seen)
        {
            double nearest = right.Ring2Peaks.Where(p => p.Peak.Amplitude >= 0.05 * fitMax)
                .Select(p => Angles.CircularDistanceDeg(t.PhiDeg, p.Peak.PhiDeg)).DefaultIfEmpty(180).Min();
            Assert.True(nearest < 0.5, $"{truth.Name}: simulator WAXS spot {t.Hkl} at φ = {t.PhiDeg:F2}° is {nearest:F2}° from the nearest fitted spot");
        }

        if (seen.Count > 0)
        {
            Assert.True(alError < 1.0, $"{truth.Name}: AL orientation off by {alError:F2}°");
        }
    }

    private static CcfFitData Data(double[] delta, double[] ccf, double q1, double q2, double lambda, double[] phi, double[] p1, double[] w1, double[] w2, string label) => new()
    {
        DeltaDeg = delta,
        Ccf = ccf,
        Q1 = q1,
        Q2 = q2,
        WavelengthAngstrom = lambda,
        Mask1 = new AngularMask(phi, w1),
        Mask2 = new AngularMask(phi, w2),
        Profile1 = new RingProfile(phi, p1, w1),
        Label = label,
    };

    // The truth builder's recipe (remap with full splitting, solid angle and polarisation, ±σ_q window) on the 111 ring.
    private static CcfFitData Ring111Data(ScanSimulator sim, float[] pattern, CcfTruth c, double lambda, string label)
    {
        double q2 = 2 * Math.PI * Math.Sqrt(3) / sim.Definition.Sample.AlAAngstrom;
        var mask = sim.Detector.AnalysisMask();
        var options = new RemapOptions { Split = PixelSplit.Full, CorrectSolidAngle = true, PolarisationFactor = sim.Definition.Beam.PolarisationFactor };
        (double[] I, double[] W) Profile(double q, double half)
        {
            var table = RemapTable.Build(sim.Detector.Pixels, mask, new RemapBins(q - half, q + half, 1, 0, 360, 360), options);
            var acc = new RemapAccumulator(table);
            table.Integrate(pattern, acc);
            var p = AngularProfile.From(acc, q - half, q + half);
            return (p.Intensity, p.Weight);
        }

        (double[] i1, double[] w1) = Profile(c.Q1, c.Q1HalfWidth);
        (double[] i2, double[] w2) = Profile(q2, c.Q2HalfWidth);
        double[] ccf = MaskedCcf.ComputeScaled(i1, w1, i2, w2);
        return Data(c.DeltaDeg, ccf, c.Q1, q2, lambda, c.PhiDeg, i1, w1, w2, label + " 111");
    }
}
