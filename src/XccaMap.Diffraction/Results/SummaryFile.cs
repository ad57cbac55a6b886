using System.Text.Encodings.Web;
using System.Text.Json;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Rings;
using XccaMap.Diffraction.Xcca;
using XccaMap.Hdf5;

namespace XccaMap.Diffraction.Results;

/// <summary>
/// Writes <c>summary.json</c>: classes with point counts and indexed peaks (Table S1 form), ⟨a⟩, rings, per SAXS
/// class the ring pair, CCF symmetry axis and orientational disorder (Table S2 form), frames processed and skipped
/// (with reasons), throughput per stage. Non-finite numbers are written as null.
/// </summary>
public static class SummaryFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Skipped frames listed one by one at most (the count is always complete).</summary>
    public const int MaxListedSkipped = 1000;

    /// <summary>The summary as JSON text.</summary>
    public static string ToJson(ScanResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var summary = new Dictionary<string, object?>
        {
            ["program"] = "xccamap process " + ResultsFile.Version,
            ["created_utc"] = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["master"] = r.MasterPath,
            ["raster"] = new { rows = r.Raster.Rows, cols = r.Raster.Cols, order = r.Raster.Snake ? "snake" : "row-major", step_um = N(r.Raster.StepUm) },
            ["geometry"] = new
            {
                wavelength_angstrom = r.Geometry.Wavelength * 1e10, // metres → Å at the file boundary
                distance_m = r.Geometry.Distance,
                poni1_m = r.Geometry.Poni1,
                poni2_m = r.Geometry.Poni2,
                rot_rad = new[] { r.Geometry.Rot1, r.Geometry.Rot2, r.Geometry.Rot3 },
                detector_shape = new[] { r.Shape.Rows, r.Shape.Cols },
            },
            ["mask"] = new { excluded_pixels = r.MaskedPixels, sources = r.MaskSources.Select(s => new { source = s.Source, excluded = s.Excluded }) },
            ["frames"] = new
            {
                raster_points = r.Raster.Points,
                in_files = r.FramesInFiles,
                present = r.FramesPresent,
                processed = r.FramesProcessed,
                skipped = r.Skipped.Count,
                points_without_data = r.PointsWithoutData,
                beyond_raster = r.FramesBeyondRaster,
                survey_frames = r.SurveyFrames,
                skipped_frames = r.Skipped.Take(MaxListedSkipped).Select(s => new { frame = s.Frame, reason = s.Reason }),
            },
            ["rings"] = new
            {
                split_q = r.Rings.SplitQ,
                superlattice = r.Rings.Superlattice.Select(RingJson),
                atomic_lattice = r.Rings.AtomicLattice.Select(RingJson),
            },
            ["indexing"] = new
            {
                superlattice = IndexingJson(r.SuperlatticeIndexing),
                atomic_lattice = IndexingJson(r.AtomicIndexing),
                superlattice_domains = LatticeJson(r.DomainLatticeConstant("saxs")),
                atomic_lattice_domains = LatticeJson(r.DomainLatticeConstant("waxs")),
            },
            ["classification"] = new { saxs = ClassificationJson(r.SaxsClassification, r.SaxsClass), waxs = ClassificationJson(r.WaxsClassification, r.WaxsClass) },
            ["classes"] = r.Domains.Select(d => new
            {
                name = d.Name,
                modality = d.Modality,
                label = d.Label,
                points = d.Points,
                typical_peak_phi_deg = d.TypicalPeakPhi.Select(p => Math.Round(p, 1)),
                pattern_frames = d.PatternFrames,
                core_points = d.CorePoints,
                core_depth_steps = d.CoreDepth,
                indexing = IndexingJson(d.Indexing),
                indexing_all_points = IndexingJson(d.AllPointsIndexing),
            }),
            ["q_maps"] = r.QMaps.Select(q =>
            {
                var v = q.Values.Where(float.IsFinite).Select(x => (double)x).Order().ToArray();
                return new
                {
                    name = q.Name,
                    hkl = q.Hkl,
                    q_scan_average = q.Q,
                    window = new[] { q.WindowMin, q.WindowMax },
                    points_fitted = v.Length,
                    median_q = v.Length > 0 ? v[v.Length / 2] : (double?)null,
                    q_5_95_percent = v.Length > 0 ? new[] { v[(int)(0.05 * (v.Length - 1))], v[(int)(0.95 * (v.Length - 1))] } : null,
                };
            }),
            ["xcca"] = r.Xcca is { } x ? XccaJson(x, r.CpuSeconds) : null,
            ["throughput"] = new
            {
                total_seconds = Math.Round(r.TotalSeconds, 3),
                cpu_seconds = N(Math.Round(r.CpuSeconds, 3)),
                frames_per_second = Math.Round(r.FramesPerSecond, 2),
                cores = Environment.ProcessorCount,
                stages = r.Timings.Select(t => new { stage = t.Stage, seconds = Math.Round(t.Seconds, 3), frames = t.Frames, frames_per_second = Math.Round(t.FramesPerSecond, 2) }),
            },
            ["conventions"] = new
            {
                q = "1/angstrom",
                phi = NexusWriter.PhiConvention,
                class_labels = "0, 1, 2 … = class 1, 2, 3 … (largest first); -1 empty; -2 mixed; -3 no data",
            },
            ["notes"] = r.Notes,
            ["scan_problems"] = r.ScanProblems,
        };
        return JsonSerializer.Serialize(summary, Json);
    }

    /// <summary>Writes the summary atomically.</summary>
    public static void Write(string path, ScanResult result) => AtomicFile.WriteAllText(path, ToJson(result));

    private static double? N(double v) => double.IsFinite(v) ? v : null;

    private static object XccaJson(XccaResults x, double runCpuSeconds) => new
    {
        domain_mapping = ResultsFile.XccaMapping,
        delta_step_deg = 360.0 / x.PhiBins,
        q2 = x.Q2Description,
        domains = x.Domains.Select(d => new
        {
            domain = d.Domain,
            group = "/entry/xcca/" + XccaWriter.GroupName(d.Domain),
            saxs_class = d.Name,
            frames = d.Frames,
            ring_pair = new
            {
                q1 = d.Pair.Q1Label,
                q1_window = new[] { d.Pair.Q1.QMin, d.Pair.Q1.QMax },
                q2 = d.Pair.Q2Label,
                q2_window = new[] { d.Pair.Q2.QMin, d.Pair.Q2.QMax },
                source = d.PairSource,
            },
            symmetry_axis_deg = N(d.Ccf.Axis.AxisDeg),
            symmetry_axis_err_deg = N(d.Ccf.Axis.ErrorDeg),
            symmetry_axis_error_method = d.Ccf.Axis.Method.ToString().ToLowerInvariant(),
            symmetry_period_deg = N(d.Ccf.Axis.PeriodDeg),
            asymmetry = N(d.Ccf.Axis.Asymmetry),
            disorder = d.Disorder is not { } f ? null : new
            {
                success = f.Success,
                message = f.Message,
                delta_phi_deg = N(f.DeltaPhiDeg.Value),
                delta_phi_err_deg = N(f.DeltaPhiDeg.Error),
                fwhm_az_deg = N(f.FwhmAzDeg.Value),
                fwhm_az_err_deg = N(f.FwhmAzDeg.Error),
                fwhm_rad_deg = N(f.FwhmRadDeg.Value),
                fwhm_rad_err_deg = N(f.FwhmRadDeg.Error),
                q0_angstrom_inv = N(f.QAngstrom.Value),
                phi0_deg = N(f.PhiDeg.Value),
                reduced_chi_square = N(f.ReducedChiSquare),
                peak_presence = N(f.PeakPresence),
            },
        }),
        timing = new
        {
            description = "setup: building the SL ring tables; profile: per-frame work inside the feature pass (SL ring profiles at the Δ step, 200_AL patch), thread CPU time summed over threads; compute: correlation, symmetry axes and disorder fits after the classification; cpu_share: all of it over the process CPU time of the run",
            setup_seconds = Math.Round(x.SetupSeconds, 3),
            setup_cpu_seconds = Math.Round(x.SetupCpuSeconds, 3),
            profile_cpu_seconds = Math.Round(x.ProfileCpuSeconds, 3),
            profile_time_is_cpu = x.ProfileTimeIsCpu,
            profile_frames = x.ProfileFrames,
            profile_cpu_us_per_frame = N(Math.Round(x.ProfileMicrosecondsPerFrame, 1)),
            compute_seconds = Math.Round(x.ComputeSeconds, 3),
            compute_cpu_seconds = Math.Round(x.ComputeCpuSeconds, 3),
            cpu_seconds = Math.Round(x.CpuSeconds, 3),
            cpu_share = runCpuSeconds > 0 ? Math.Round(x.CpuSeconds / runCpuSeconds, 4) : (double?)null,
            store_megabytes = Math.Round(x.StoreBytes / 1048576.0, 1),
        },
    };

    private static object LatticeJson((double Mean, double Std, int Classes) a) => new
    {
        description = "point-weighted mean of the classes' core <a> (bulk, away from the compressed domain edges); std between classes",
        a_mean_angstrom = N(a.Mean),
        a_std_angstrom = N(a.Std),
        classes = a.Classes,
    };

    private static object RingJson(Ring ring) => new
    {
        name = ring.Name,
        hkl = ring.Hkl,
        q = ring.Q,
        q_min = ring.QMin,
        q_max = ring.QMax,
        fwhm = ring.Fwhm,
        relative_height = N(ring.RelativeHeight),
        from_config = ring.FromConfig,
    };

    private static object IndexingJson(FccIndexing ix) => new
    {
        a_least_squares_angstrom = N(ix.LatticeConstant),
        a_mean_angstrom = N(ix.MeanA),
        a_std_angstrom = N(ix.StdA),
        peaks = ix.Peaks.Select(p => new { q = p.Q, hkl = p.Hkl, n = p.N, a_angstrom = N(p.A) }),
    };

    private static object? ClassificationJson(ClassificationResult? c, int[] map)
    {
        if (c is null)
        {
            return null;
        }

        var counts = new Dictionary<string, int>();
        for (int k = 0; k < c.ClassCount; k++)
        {
            counts[ClassLabels.Name(k).Replace(' ', '_')] = map.Count(l => l == k);
        }

        counts["mixed"] = map.Count(l => l == ClassLabels.Mixed);
        counts["empty"] = map.Count(l => l == ClassLabels.Empty);
        counts["no_data"] = map.Count(l => l == ClassLabels.NoData);
        return new { classes = c.ClassCount, criterion = c.Criterion, silhouette = N(c.Silhouette), mixed_clusters = c.MixedClusters, points = counts };
    }
}
