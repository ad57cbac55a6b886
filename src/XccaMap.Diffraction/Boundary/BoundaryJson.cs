using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using XccaMap.Hdf5;

namespace XccaMap.Diffraction.Boundary;

/// <summary>Writes <c>boundary.json</c>: the reflection and its quality flags, the domains with their fits, the pooled statistics, the line and the rotation (Table S3 form). Non-finite numbers are null.</summary>
public static class BoundaryJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the file.</summary>
    public static void Write(string path, BoundaryResult result) => AtomicFile.WriteAllText(path, ToJson(result));

    /// <summary>The JSON text.</summary>
    public static string ToJson(BoundaryResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var m = r.Maps;
        var doc = new Dictionary<string, object?>
        {
            ["program"] = "xccamap boundary",
            ["created_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ["results"] = m.Source,
            ["conventions"] = "q in 1/angstrom; distances in " + r.Distances.Unit + "; compression = q/q_bulk - 1 (0.08 = 8 %); angles in degrees; phi from +column towards +row; tilt axis a = (cos phi_a, sin phi_a, 0) in the lab frame, R = Rz(psi) Rot(a, theta) R_bulk",
            ["raster"] = new { rows = m.Rows, cols = m.Cols, step_um = N(m.StepUm), order = m.Snake ? "snake" : "row-major", distance_unit = r.Distances.Unit },
            ["reflection"] = new
            {
                label = r.QMap.Label,
                q_of = r.QMap.Reflection,
                reference_q = N(r.QMap.ReferenceQ),
                sources = r.QMap.Sources,
                flags = r.QMap.FlagCounts().ToDictionary(kv => kv.Key.ToString(), kv => kv.Value),
                usable_points = Enumerable.Range(0, m.Points).Count(i => r.QMap.Usable(i)),
            },
            ["domains"] = r.Statistics.PerDomain.Select(d => new
            {
                id = d.Domain.Id,
                @class = d.Domain.ClassLabel + 1,
                points = d.Domain.Points,
                core_points = d.Domain.CorePoints,
                cored = d.Domain.Cored,
                depth = N(d.Domain.Depth),
                usable_points = d.Points,
                max_distance = N(d.MaxDistance),
                bulk_q = N(d.BulkQ),
                fit = Fit(d.Fit),
            }),
            ["statistics"] = new
            {
                points = r.Statistics.Points.Count,
                censored = r.Statistics.Censored,
                pooled = Fit(r.Statistics.Pooled),
                bins = r.Statistics.Bins.Select(b => new { from = b.From, to = b.To, mean_distance = N(b.MeanDistance), points = b.Count, mean_compression = N(b.Mean), standard_error = N(b.StandardError) }),
            },
            ["line"] = r.Line is { } l ? Line(l) : null,
            ["rotation"] = r.Rotation is { } rot ? Rotation(rot) : null,
            ["notes"] = r.Notes.Concat(r.Line?.Notes ?? []).Concat(r.Rotation?.Notes ?? []).ToList(),
        };
        return JsonSerializer.Serialize(doc, Options);
    }

    private static object Fit(ExponentialDecay f) => new
    {
        converged = f.Converged,
        determined = f.IsDetermined,
        points = f.Points,
        rejected = f.Rejected,
        bulk = N(f.Bulk),
        bulk_error = N(f.BulkError),
        edge_compression = N(f.Amplitude),
        edge_compression_error = N(f.AmplitudeError),
        decay_length = N(f.DecayLength),
        decay_length_error = N(f.DecayLengthError),
        rms_residual = N(f.RmsResidual),
        reduced_chi_square = N(f.ReducedChiSquare),
    };

    private static object Line(LineProfile l) => new
    {
        from = new[] { l.FromRow, l.FromCol },
        to = new[] { l.ToRow, l.ToCol },
        reflection = l.Reflection,
        domain = l.Domain,
        samples = l.Samples.Count,
        edge = l.Edge.ToString(),
        edge_position = N(l.EdgePosition),
        edge_refined = l.EdgeRefined,
        cos_angle_to_edge_normal = N(l.CosAngle),
        fit = Fit(l.Fit),
        perpendicular_decay_length = N(l.PerpendicularDecayLength),
    };

    private static object Rotation(RotationProfile p)
    {
        var b = p.Bulk;
        var (zone, off) = b.NearestZone;
        var edge = p.EdgePoint;
        var (edgeZone, edgeOff) = edge is { } e && e.AxisInCrystal.Norm > 0 ? ZoneCandidates.Nearest(e.AxisInCrystal, 6) : (default, double.NaN);
        return new
        {
            domain = p.Domain,
            @class = p.ClassLabel + 1,
            model_lattice_a_angstrom = p.LatticeA,
            bulk_points = p.BulkPoints.Select(x => new[] { x.Row, x.Col }),
            bulk = new
            {
                beam_direction_sl = new[] { b.BeamInCrystal.X, b.BeamInCrystal.Y, b.BeamInCrystal.Z },
                nearest_zone = zone.ToString(),
                nearest_zone_off_deg = off,
                lab_from_sl = new[] { b.LabFromSl.M11, b.LabFromSl.M12, b.LabFromSl.M13, b.LabFromSl.M21, b.LabFromSl.M22, b.LabFromSl.M23, b.LabFromSl.M31, b.LabFromSl.M32, b.LabFromSl.M33 },
                scale = b.Scale,
                mosaic_sigma_deg = b.Shape.MosaicSigmaDeg,
                radial_sigma = b.Shape.RadialSigma,
                explained_fraction = b.Score,
                candidates = b.Candidates.Select(c => new { zone = c.Zone.ToString(), in_plane_deg = c.InPlaneDeg, score = c.Score }),
            },
            matched_points = p.Matched.Count,
            total_rotation_deg = N(p.TotalRotationDeg),
            edge = edge is null ? null : new
            {
                row = edge.Row,
                col = edge.Col,
                edge_distance = N(edge.EdgeDistance),
                tilt_deg = N(edge.TiltDeg),
                axis_phi_deg = N(edge.AxisPhiDeg),
                in_plane_deg = N(edge.InPlaneDeg),
                misorientation_deg = N(edge.MisorientationDeg),
                axis_sl = new[] { N(edge.AxisInCrystal.X), N(edge.AxisInCrystal.Y), N(edge.AxisInCrystal.Z) },
                axis_sl_nearest = double.IsFinite(edgeOff) ? edgeZone.ToString() : null,
                axis_sl_nearest_off_deg = N(edgeOff),
            },
            atomic_lattice = p.Atomic is { } a ? new { rings = a.Rings, verdict = a.Verdict, change_at_max_tilt = N(a.ChangeAtMaxTilt), core_change_mean = N(a.Baseline), core_change_sd = N(a.Noise), correlation_with_tilt = N(a.Correlation) } : null,
        };
    }

    private static double? N(double v) => double.IsFinite(v) ? v : null;
}
