using System.Text.Json;
using XccaMap.Hdf5;
using XccaMap.Simulation.Model;
using XccaMap.Simulation.Scan;

namespace XccaMap.Simulation.Truth;

/// <summary>
/// Writes the truth of a simulated scan: NAME_truth.h5 (maps, grains, per-class peaks, CCFs and noise-free patterns)
/// and NAME_truth.json (the same minus the patterns, for people and scripts), both atomically.
/// Conventions written into both: q in Å⁻¹; φ in degrees from +column towards +row, [0, 360); class map −1 empty,
/// −2 mixed; lattice scale = q_point / q_bulk of the superlattice (1 + compression).
/// </summary>
public static class TruthWriter
{
    /// <summary>Format tag of both files.</summary>
    public const string Format = "xccamap-simulation-truth/1";

    /// <summary>The φ convention text written into the files.</summary>
    public const string PhiConvention = "phi in degrees, [0, 360), measured in the detector plane from the +column direction towards +row (design.md §3)";

    /// <summary>Writes both files into <paramref name="directory"/>.</summary>
    public static void Write(string directory, ScanDefinition scan, SampleMap sample, IReadOnlyList<ClassTruth> classes, IReadOnlyList<float[]> patterns, int detectorRows, int detectorCols)
    {
        var maps = TruthMaps.From(sample);
        AtomicFile.Write(Path.Combine(directory, $"{scan.Name}_truth.h5"), tmp => WriteHdf5(tmp, scan, sample, maps, classes, patterns, detectorRows, detectorCols));
        AtomicFile.WriteAllText(Path.Combine(directory, $"{scan.Name}_truth.json"), Json(scan, sample, maps, classes));
    }

    private static void WriteHdf5(string path, ScanDefinition scan, SampleMap sample, TruthMaps maps, IReadOnlyList<ClassTruth> classes,
        IReadOnlyList<float[]> patterns, int detectorRows, int detectorCols)
    {
        var raster = sample.Raster;
        using var file = H5File.Create(path);
        file.WriteAttribute("format", Format);
        file.WriteAttribute("scan", scan.Name);
        file.WriteAttribute("phi_convention", PhiConvention);
        file.WriteAttribute("class_map_convention", "class id ≥ 0; −1 empty (no sample scattering); −2 mixed (two classes in the beam footprint)");
        using (var g = file.CreateGroup("raster"))
        {
            g.WriteScalar("rows", raster.Rows);
            g.WriteScalar("cols", raster.Cols);
            g.WriteScalar("step", raster.StepUm, "um");
            g.WriteString("order", raster.Order == ScanOrder.Snake ? "snake" : "row-major");
        }

        ulong[] dims = [(ulong)raster.Rows, (ulong)raster.Cols];
        using (var g = file.CreateGroup("maps"))
        {
            g.WriteDataset<int>("class", maps.Label, dims);
            g.WriteDataset<int>("frame_index", maps.FrameIndex, dims);
            g.WriteDataset<int>("grain", maps.Grain, dims);
            g.WriteDataset<int>("primary_class", maps.PrimaryClass, dims);
            g.WriteDataset<int>("secondary_class", maps.SecondaryClass, dims);
            g.WriteDataset<double>("secondary_fraction", maps.SecondaryFraction, dims);
            g.WriteDataset<double>("lattice_scale", maps.LatticeScale, dims);
            g.WriteDataset<double>("oop_rotation", maps.RotationDeg, dims, "degree");
            g.WriteDataset<double>("oop_axis_phi", maps.AxisPhiDeg, dims, "degree");
            g.WriteDataset<double>("thickness", maps.Thickness, dims);
            g.WriteDataset<double>("distance_to_edge", maps.DistanceUm, dims, "um");
        }

        using (var g = file.CreateGroup("grains"))
        {
            g.WriteDataset<double>("x", sample.Grains.Select(s => s.X).ToArray(), "um");
            g.WriteDataset<double>("y", sample.Grains.Select(s => s.Y).ToArray(), "um");
            g.WriteDataset<int>("class", sample.Grains.Select(s => s.ClassIndex).ToArray());
            g.WriteDataset<int>("rotation_sign", sample.Grains.Select(s => s.RotationSign).ToArray());
        }

        for (int i = 0; i < classes.Count; i++)
        {
            var c = classes[i];
            using var g = file.CreateGroup($"classes/class_{i:D2}");
            g.WriteAttribute("name", c.Name);
            g.WriteAttribute("relation", c.Relation);
            g.WriteAttribute<int>("zone_axis", [c.ZoneAxis.U, c.ZoneAxis.V, c.ZoneAxis.W]);
            g.WriteScalar("in_plane", c.InPlaneDeg, "degree");
            g.WriteScalar("sl_a", c.SlAAngstrom, "angstrom");
            g.WriteScalar("disorder_sigma", c.DisorderSigmaDeg, "degree");
            g.WriteScalar("fwhm_200_az", c.Fwhm200AzDeg, "degree");
            g.WriteScalar("fwhm_200_rad", c.Fwhm200RadDeg, "degree");
            g.WriteScalar("delta_phi", c.DeltaPhiDeg, "degree");
            g.WriteDataset<double>("lab_from_sl", c.LabFromSl, [3, 3]);
            g.WriteDataset<double>("lab_from_al", c.LabFromAl, [3, 3]);
            WritePeaks(g, "sl_peaks", c.SlPeaks);
            WritePeaks(g, "al_peaks", c.AlPeaks);
            using (var ccf = g.CreateGroup("ccf"))
            {
                ccf.WriteScalar("q1", c.Ccf.Q1, "1/angstrom");
                ccf.WriteScalar("q1_half_width", c.Ccf.Q1HalfWidth, "1/angstrom");
                ccf.WriteString("q1_reflection", c.Ccf.Q1Reflection);
                ccf.WriteScalar("q2", c.Ccf.Q2, "1/angstrom");
                ccf.WriteScalar("q2_half_width", c.Ccf.Q2HalfWidth, "1/angstrom");
                ccf.WriteDataset<double>("delta", c.Ccf.DeltaDeg, "degree");
                ccf.WriteDataset<double>("c", c.Ccf.Values);
                ccf.WriteDataset<double>("c_spots_only", c.Ccf.SpotsOnly);
                ccf.WriteDataset<double>("phi", c.Ccf.PhiDeg, "degree");
                ccf.WriteDataset<double>("i1", c.Ccf.Profile1);
                ccf.WriteDataset<double>("w1", c.Ccf.Weight1);
                ccf.WriteDataset<double>("i2", c.Ccf.Profile2);
                ccf.WriteDataset<double>("w2", c.Ccf.Weight2);
            }

            if (i >= patterns.Count)
            {
                continue;
            }

            g.WriteDataset<float>("pattern_noise_free", patterns[i], [(ulong)detectorRows, (ulong)detectorCols], "counts", new H5DatasetOptions
            {
                Chunk = [(ulong)Math.Min(256, detectorRows), (ulong)detectorCols],
                Filters = [H5DatasetOptions.Deflate(1)],
            });
        }
    }

    private static void WritePeaks(H5Group parent, string name, IReadOnlyList<PeakTruth> peaks)
    {
        using var g = parent.CreateGroup(name);
        g.WriteDataset<int>("hkl", peaks.SelectMany(p => new[] { p.Hkl.H, p.Hkl.K, p.Hkl.L }).ToArray(), [(ulong)peaks.Count, 3]);
        g.WriteDataset<double>("q", peaks.Select(p => p.Q).ToArray(), "1/angstrom");
        g.WriteDataset<double>("phi", peaks.Select(p => p.PhiDeg).ToArray(), "degree");
        g.WriteDataset<double>("fwhm_q", peaks.Select(p => p.FwhmQ).ToArray(), "1/angstrom");
        g.WriteDataset<double>("fwhm_phi", peaks.Select(p => p.FwhmPhiDeg).ToArray(), "degree");
        g.WriteDataset<double>("amplitude", peaks.Select(p => p.Amplitude).ToArray(), "counts");
        g.WriteDataset<byte>("on_detector", peaks.Select(p => p.OnDetector ? (byte)1 : (byte)0).ToArray());
    }

    private static string Json(ScanDefinition scan, SampleMap sample, TruthMaps maps, IReadOnlyList<ClassTruth> classes)
    {
        var raster = sample.Raster;
        double[][] Grid(double[] v) => Enumerable.Range(0, raster.Rows).Select(r => v.AsSpan(r * raster.Cols, raster.Cols).ToArray().Select(x => double.IsFinite(x) ? Math.Round(x, 5) : double.NaN).ToArray()).ToArray();
        int[][] GridI(int[] v) => Enumerable.Range(0, raster.Rows).Select(r => v.AsSpan(r * raster.Cols, raster.Cols).ToArray()).ToArray();
        var doc = new
        {
            format = Format,
            scan = scan.Name,
            phi_convention = PhiConvention,
            q_unit = "1/angstrom",
            class_map_convention = "class id >= 0; -1 empty; -2 mixed",
            raster = new { rows = raster.Rows, cols = raster.Cols, step_um = raster.StepUm, order = raster.Order == ScanOrder.Snake ? "snake" : "row-major" },
            classes = classes.Select(c => new
            {
                index = c.Index,
                name = c.Name,
                zone_axis = new[] { c.ZoneAxis.U, c.ZoneAxis.V, c.ZoneAxis.W },
                in_plane_deg = c.InPlaneDeg,
                relation = c.Relation,
                sl_a_angstrom = c.SlAAngstrom,
                disorder_sigma_deg = c.DisorderSigmaDeg,
                fwhm_200_az_deg = c.Fwhm200AzDeg,
                fwhm_200_rad_deg = c.Fwhm200RadDeg,
                delta_phi_deg = c.DeltaPhiDeg,
                lab_from_sl = c.LabFromSl,
                lab_from_al = c.LabFromAl,
                sl_peaks = c.SlPeaks.Select(PeakJson),
                al_peaks = c.AlPeaks.Select(PeakJson),
                ccf = new
                {
                    q1_inv_angstrom = c.Ccf.Q1,
                    q1_half_width_inv_angstrom = c.Ccf.Q1HalfWidth,
                    q1_reflection = c.Ccf.Q1Reflection,
                    q2_inv_angstrom = c.Ccf.Q2,
                    q2_half_width_inv_angstrom = c.Ccf.Q2HalfWidth,
                    delta_deg = c.Ccf.DeltaDeg,
                    c = c.Ccf.Values.Select(v => double.IsFinite(v) ? Math.Round(v, 6) : double.NaN),
                    c_spots_only = c.Ccf.SpotsOnly.Select(v => double.IsFinite(v) ? Math.Round(v, 6) : double.NaN),
                },
            }),
            grains = sample.Grains.Select(g => new { x_um = g.X, y_um = g.Y, @class = g.ClassIndex }),
            maps = new
            {
                @class = GridI(maps.Label),
                frame_index = GridI(maps.FrameIndex),
                lattice_scale = Grid(maps.LatticeScale),
                oop_rotation_deg = Grid(maps.RotationDeg),
                thickness = Grid(maps.Thickness),
                secondary_fraction = Grid(maps.SecondaryFraction),
            },
        };
        return JsonSerializer.Serialize(doc, TruthJsonOptions);
    }

    private static object PeakJson(PeakTruth p) => new
    {
        hkl = new[] { p.Hkl.H, p.Hkl.K, p.Hkl.L },
        q_inv_angstrom = Math.Round(p.Q, 7),
        phi_deg = Math.Round(p.PhiDeg, 4),
        fwhm_q_inv_angstrom = Math.Round(p.FwhmQ, 7),
        fwhm_phi_deg = Math.Round(p.FwhmPhiDeg, 4),
        amplitude_counts = Math.Round(p.Amplitude, 6),
        on_detector = p.OnDetector,
    };

    private static readonly JsonSerializerOptions TruthJsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
