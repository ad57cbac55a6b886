using System.Globalization;
using System.Text.Json.Nodes;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Simulation;
using XccaMap.Crystallography.Symmetry;
using XccaMap.Diffraction.CcfFit;
using XccaMap.Reporting;

namespace XccaMap.Cli.Commands;

/// <summary>What <c>ccf fit</c> writes: the fit as JSON, the measured vs simulated CCF as SVG (Fig. 2a–e), a summary.</summary>
internal static class CcfFitOutput
{
    public static JsonObject Json(CcfFitReport report, CcfFitData data, MeasuredCcf measured, string maskSource)
    {
        ModelSelection s = report.Selection;
        CcfFitResult best = report.Best;
        return new JsonObject
        {
            ["label"] = report.Label,
            ["input"] = new JsonObject
            {
                ["file"] = measured.Path,
                ["group"] = measured.Group,
                ["q1_angstrom^-1"] = data.Q1,
                ["q2_angstrom^-1"] = data.Q2,
                ["q1_ring"] = measured.Q1Label,
                ["q2_ring"] = measured.Q2Label,
                ["wavelength_angstrom"] = data.WavelengthAngstrom,
                ["masks"] = maskSource,
                ["saxs_peak_phi_deg"] = data.SaxsPeakPhiDeg is null ? null : Array(data.SaxsPeakPhiDeg),
            },
            ["conventions"] = new JsonObject
            {
                ["phi"] = SimulatePatternJson.PhiConvention,
                ["delta"] = "C(Δ) correlates I(q1, φ) with I(q2, φ + Δ); degrees",
                ["in_plane"] = "ψ: azimuth of [100]SL projected ⟂ the zone axis ([010] if the zone is [100])",
                ["misorientation"] = "rotation vector ω (degrees, lab frame: x = +column, y = +row, z = beam) applied to the atomic lattice: R_AL = Exp(ω)·R_SL·M_relation",
                ["standard_errors"] = "from the Jacobian, s²(JᵀJ)⁻¹, treating CCF samples as independent (they are correlated): lower bounds; null = fixed, \"inf\" = not constrained",
                ["model_ccf"] = "simulated = peaks×peaks part (eq. 6) scaled to [0, 1]; fitted = offset + amplitudes × model columns incl. ring backgrounds",
            },
            ["selection"] = new JsonObject
            {
                ["chosen"] = s.Chosen.ToString(),
                ["chosen_rss"] = s.ChosenRss,
                ["runner_up"] = s.RunnerUp?.ToString(),
                ["runner_up_rss"] = Finite(s.RunnerUpRss),
                ["delta_chi_square"] = Finite(s.DeltaChiSquare),
                ["decisive"] = s.Decisive,
                ["waxs_peaks_in_window"] = best.Ring2PeaksInWindow,
            },
            ["results"] = new JsonArray(report.Results.Select(Result).ToArray()),
            ["curves"] = new JsonObject
            {
                ["delta_deg"] = Array(data.DeltaDeg),
                ["measured"] = Array(data.Ccf),
                ["fitted"] = Array(best.FittedCcf),
                ["simulated"] = Array(best.SimulatedCcf),
            },
        };
    }

    private static JsonNode Result(CcfFitResult r) => new JsonObject
    {
        ["model"] = r.Model.ToString(),
        ["zone"] = new JsonArray(r.Zone.U, r.Zone.V, r.Zone.W),
        ["in_plane_source"] = r.InPlaneSource,
        ["ring1_family"] = new JsonArray(r.Ring1Family.H, r.Ring1Family.K, r.Ring1Family.L),
        ["ring2_family"] = new JsonArray(r.Ring2Family.H, r.Ring2Family.K, r.Ring2Family.L),
        ["parameters"] = new JsonArray(r.Parameters.Select(p => (JsonNode)new JsonObject
        {
            ["name"] = p.Name,
            ["value"] = Math.Round(p.Value, 6),
            ["standard_error"] = Error(p),
            ["unit"] = p.Unit,
            ["fixed"] = p.Fixed,
            ["at_bound"] = p.AtBound,
        }).ToArray()),
        ["misorientation"] = new JsonObject
        {
            ["omega_lab_deg"] = Vector(r.MisorientationDeg),
            ["deviation_angle_deg"] = Math.Round(r.Deviation.AngleDeg, 6),
            ["deviation_angle_error_deg"] = Finite(r.DeviationErrorDeg),
            ["deviation_axis_sl"] = Vector(r.Deviation.Axis),
            ["sl_al_disorientation_angle_deg"] = Math.Round(r.Disorientation.AngleDeg, 6),
            ["sl_al_disorientation_axis"] = Vector(r.Disorientation.Axis),
            ["nominal_disorientation_angle_deg"] = Math.Round(r.NominalDisorientation.AngleDeg, 6),
            ["nominal_disorientation_axis"] = Vector(r.NominalDisorientation.Axis),
        },
        ["residual"] = new JsonObject
        {
            ["ccf_rss"] = r.CcfRss,
            ["ccf_rms"] = r.CcfRmsResidual,
            ["total_rss"] = r.TotalRss,
            ["ccf_r_squared"] = Finite(r.CcfRSquared),
            ["points"] = r.CcfPoints,
            ["degrees_of_freedom"] = r.DegreesOfFreedom,
        },
        ["offset"] = r.Offset,
        ["amplitudes"] = Array(r.Amplitudes),
        ["background_coefficients"] = Array(r.BackgroundCoefficients),
        ["waxs_peaks_in_window"] = r.Ring2PeaksInWindow,
        ["saxs_peaks"] = Peaks(r.Ring1Peaks),
        ["waxs_peaks"] = Peaks(r.Ring2Peaks),
        ["orientation_lab_from_sl"] = Matrix(r.LabFromSl),
        ["orientation_lab_from_al"] = Matrix(r.LabFromAl),
        ["converged"] = r.Converged,
        ["iterations"] = r.Iterations,
    };

    public static string Svg(CcfFitReport report, CcfFitData data)
    {
        CcfFitResult best = report.Best;
        var order = Enumerable.Range(0, data.DeltaDeg.Length).OrderBy(i => Angles.Wrap360(data.DeltaDeg[i])).ToArray();
        double[] x = order.Select(i => Angles.Wrap360(data.DeltaDeg[i])).ToArray();
        IReadOnlyList<double> Y(double[] v) => order.Select(i => v[i]).ToArray();
        var plot = new SvgPlot
        {
            Title = FormattableString.Invariant($"{report.Label}: measured vs simulated CCF, q1 = {data.Q1:F4}, q2 = {data.Q2:F3} Å⁻¹"),
            XLabel = "Δ (°)",
            YLabel = "C(q1, q2, Δ) (scaled)",
            XRange = (0, 360),
            XTickStep = 45,
        };
        plot.Add(new PlotSeries("measured", x, Y(data.Ccf)) { Color = Rgba.FromRgb(0xD62728), LineWidth = 2 });
        plot.Add(new PlotSeries(Name(best), x, Y(best.FittedCcf)) { Color = Rgba.FromRgb(0x1F77B4), Dashed = true, LineWidth = 2 });
        CcfFitResult? other = report.Results.FirstOrDefault(r => r.Zone == best.Zone && r.Model != best.Model);
        if (other is not null)
        {
            plot.Add(new PlotSeries(Name(other), x, Y(other.FittedCcf)) { Color = Rgba.FromRgb(0x999999), Dashed = true, LineWidth = 1 });
        }

        return plot.ToSvg();
    }

    public static void PrintSummary(CcfFitReport report, TextWriter w, bool zoneGiven, int maxLines = 6)
    {
        ModelSelection s = report.Selection;
        w.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.Label}: chosen {s.Chosen}{(s.RunnerUp is { } ru ? $" over {ru} (RSS {s.ChosenRss:G4} vs {s.RunnerUpRss:G4}, Δχ² {s.DeltaChiSquare:F1}, {(s.Decisive ? "decisive" : "NOT decisive: the CCF cannot tell them apart")})" : string.Empty)}"));
        foreach (CcfFitResult r in report.Results.Take(maxLines))
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {r.Model,-5} {CcfFitCommand.Text(r.Zone),-10} ψ = {r.InPlane.Value,7:F2}°{Pm(r.InPlane)}  ω = ({r.MisorientationDeg.X:F2}, {r.MisorientationDeg.Y:F2}, {r.MisorientationDeg.Z:F2})°{Pm(r.Parameters[3])}  σ_SAXS = {r.Sigma1.Value:F2}°{Pm(r.Sigma1)}  σ_WAXS = {r.Sigma2.Value:F2}°{Pm(r.Sigma2)}  SL–AL {r.Disorientation.AngleDeg:F2}° about {Axis(r.Disorientation)}  CCF rms {r.CcfRmsResidual:F4}  R² {r.CcfRSquared:F3}"));
        }

        if (!zoneGiven)
        {
            w.WriteLine("  note: zone axis not given — candidates are ranked by CCF residual, which hardly separates zones; give --zone from the indexed SAXS pattern");
        }

        if (report.Best.Ring2PeaksInWindow == 0)
        {
            w.WriteLine("  warning: the best model has no WAXS peak inside the detector window; the fit rests on backgrounds and peak tails");
        }
    }

    private static string Name(CcfFitResult r) => FormattableString.Invariant($"{r.Model} {CcfFitCommand.Text(r.Zone)} (rms {r.CcfRmsResidual:F3})");

    private static string Pm(FitParameter p) => p.Fixed ? " (fixed)" : double.IsFinite(p.StandardError) ? FormattableString.Invariant($" ± {p.StandardError:F2}") : " ± ∞";

    private static string Axis(Misorientation m) => FormattableString.Invariant($"[{m.Axis.X:F2} {m.Axis.Y:F2} {m.Axis.Z:F2}]");

    private static JsonNode? Error(FitParameter p) => p.Fixed || double.IsNaN(p.StandardError) ? null
        : double.IsInfinity(p.StandardError) ? "inf" : Math.Round(p.StandardError, 6);

    private static JsonNode? Finite(double v) => double.IsFinite(v) ? v : null;

    private static JsonArray Array(double[] v) => new(v.Select(x => (JsonNode?)(double.IsFinite(x) ? Math.Round(x, 6) : null)).ToArray());

    private static JsonArray Vector(Vec3 v) => new(Math.Round(v.X, 6), Math.Round(v.Y, 6), Math.Round(v.Z, 6));

    private static JsonArray Matrix(Mat3 m) => new(
        Math.Round(m.M11, 9), Math.Round(m.M12, 9), Math.Round(m.M13, 9),
        Math.Round(m.M21, 9), Math.Round(m.M22, 9), Math.Round(m.M23, 9),
        Math.Round(m.M31, 9), Math.Round(m.M32, 9), Math.Round(m.M33, 9));

    private static JsonArray Peaks(IReadOnlyList<RingPeak> peaks) => new(peaks.Select(p => (JsonNode)new JsonObject
    {
        ["hkl"] = new JsonArray(p.Hkl.H, p.Hkl.K, p.Hkl.L),
        ["phi_deg"] = Math.Round(Angles.Wrap360(p.Peak.PhiDeg), 4),
        ["amplitude"] = Math.Round(p.Peak.Amplitude, 6),
        ["sigma_deg"] = Math.Round(p.Peak.SigmaDeg, 4),
        ["elevation_deg"] = Math.Round(p.ElevationDeg, 4),
    }).ToArray());
}
