using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Rings;
using XccaMap.Diffraction.Xcca;
using XccaMap.Hdf5;
using static XccaMap.Diffraction.Results.NexusWriter;

namespace XccaMap.Diffraction.Results;

/// <summary>
/// Writes <c>results.h5</c> (NeXus, layout in docs/process-outputs.md): <c>/entry</c> (NXentry) with the process
/// description (NXprocess), the maps (NXdata, signal <c>saxs_class</c>, axes row/col), the angular peaks, the
/// scan-averaged and band profiles (NXdata, q in 1/angstrom), rings and indexing, and one group per class with
/// its averaged pattern and profiles. Written to a temporary file and renamed (atomic).
/// </summary>
public static class ResultsFile
{
    /// <summary>Program version written into the file.</summary>
    public const string Version = "1.0";

    /// <summary>Writes <paramref name="result"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, ScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        AtomicFile.Write(path, tmp =>
        {
            using var file = H5File.Create(tmp);
            file.WriteAttribute("default", "entry");
            file.WriteAttribute("creator", "XccaMap " + Version);
            file.WriteAttribute("NX_class", "NXroot");
            using var entry = file.CreateGroup("entry", "NXentry");
            entry.WriteAttribute("default", "maps");
            entry.WriteString("title", $"xccamap process {Path.GetFileName(result.MasterPath)}");
            entry.WriteString("program_name", "xccamap process " + Version);
            WriteProcess(entry, result);
            WriteMaps(entry, result);
            WriteAngularPeaks(entry, result);
            Profile(entry, "scan_average", result.SurveyQ, result.SurveyIntensity, $"scan-averaged radial profile ({result.SurveyFrames} frames)", result.SurveyBackground);
            Profile(entry, "saxs_band", result.SaxsBandQ, result.SaxsBandIntensity, "mean over all frames of I(q) in the SAXS band");
            Profile(entry, "waxs_band", result.WaxsBandQ, result.WaxsBandIntensity, "mean over all frames of I(q) in the WAXS band");
            WriteRings(entry, result.Rings);
            using (var indexing = entry.CreateGroup("indexing", "NXcollection"))
            {
                WriteIndexing(indexing, "superlattice", result.SuperlatticeIndexing);
                WriteIndexing(indexing, "atomic_lattice", result.AtomicIndexing);
            }

            WriteClasses(entry, result);
            if (result.Xcca is { } xcca)
            {
                WriteXcca(entry, xcca);
            }
        });
    }

    private static void WriteProcess(H5Group entry, ScanResult r)
    {
        using var p = entry.CreateGroup("process", "NXprocess");
        p.WriteString("program", "xccamap process");
        p.WriteString("version", Version);
        p.WriteString("date", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        p.WriteString("master", r.MasterPath);
        p.WriteString("configuration", ProcessingConfigFile.Serialize(r.Config));
        p.WriteString("notes", string.Join("\n", r.Notes));
        p.WriteString("phi_convention", PhiConvention);
        p.WriteScalar("wavelength", r.Geometry.Wavelength * 1e10, "angstrom"); // metres → Å at the file boundary
        p.WriteScalar("distance", r.Geometry.Distance, "m");
        p.WriteScalar("poni1", r.Geometry.Poni1, "m");
        p.WriteScalar("poni2", r.Geometry.Poni2, "m");
        p.WriteScalar("rot1", r.Geometry.Rot1, "rad");
        p.WriteScalar("rot2", r.Geometry.Rot2, "rad");
        p.WriteScalar("rot3", r.Geometry.Rot3, "rad");
        p.WriteDataset<int>("detector_shape", [r.Shape.Rows, r.Shape.Cols]);
        p.WriteScalar("pixel_size1", r.Geometry.PixelSize1, "m");
        p.WriteScalar("pixel_size2", r.Geometry.PixelSize2, "m");
        p.WriteScalar("masked_pixels", r.MaskedPixels);
        p.WriteScalar("frames_processed", r.FramesProcessed);
        p.WriteScalar("frames_skipped", (long)r.Skipped.Count);
        p.WriteScalar("points_without_data", (long)r.PointsWithoutData);
        p.WriteScalar("frames_per_second", r.FramesPerSecond, "Hz");
    }

    private static void WriteMaps(H5Group entry, ScanResult r)
    {
        int rows = r.Raster.Rows, cols = r.Raster.Cols;
        ulong[] dims = [(ulong)rows, (ulong)cols];
        var aux = new List<string>();
        using var g = NxData(entry, "maps", "saxs_class", ["row", "col"]);
        g.WriteAttribute("title", "domain maps over the scan raster");
        g.WriteAttribute("scan_order", r.Raster.Snake ? "snake" : "row-major");
        if (double.IsFinite(r.Raster.StepUm))
        {
            g.WriteAttribute("step_um", r.Raster.StepUm);
        }

        g.WriteAttribute("label_convention", "class labels: 0, 1, 2 … = class 1, 2, 3 … (largest first); -1 = empty (no angular peaks); -2 = mixed (peaks of two classes, or no well-defined orientation); -3 = no data (no frame)");
        Vector<int>(g, "row", Enumerable.Range(0, rows).ToArray(), null, "raster row (slow motor)");
        Vector<int>(g, "col", Enumerable.Range(0, cols).ToArray(), null, "raster column (fast motor)");
        Dataset<int>(g, "saxs_class", r.SaxsClass, dims, null, "SAXS (superlattice) class");
        Map(g, aux, "waxs_class", r.WaxsClass, dims, null, "WAXS (atomic-lattice) class");
        Map(g, aux, "has_data", r.HasData.Select(h => h ? (byte)1 : (byte)0).ToArray(), dims, null, "1 where a frame was processed");
        foreach (var q in r.QMaps)
        {
            Map(g, aux, q.Name, q.Values, dims, QUnits, FormattableString.Invariant($"q of SL {q.Hkl ?? "peak"} from a Gaussian fit in [{q.WindowMin:0.0000}, {q.WindowMax:0.0000}] 1/angstrom"));
            Map(g, aux, q.Name + "_error", q.Errors, dims, QUnits, "1-sigma fit error of " + q.Name);
        }

        foreach (var (ring, map) in r.RingIntensity)
        {
            Map(g, aux, "intensity_" + ring.Name, map, dims, "counts", FormattableString.Invariant($"mean net intensity on ring {ring.Name} (q {ring.QMin:0.0000}–{ring.QMax:0.0000} 1/angstrom) above its local background"));
        }

        Map(g, aux, "saxs_intensity", r.SaxsIntensity, dims, "counts", "mean intensity over the SAXS band");
        Map(g, aux, "waxs_intensity", r.WaxsIntensity, dims, "counts", "mean intensity over the WAXS band");
        Strings(g, "auxiliary_signals", aux);
    }

    private static void Map<T>(H5Group g, List<string> aux, string name, T[] data, ulong[] dims, string? units, string longName)
        where T : unmanaged
    {
        Dataset<T>(g, name, data, dims, units, longName);
        aux.Add(name);
    }

    private static void WriteAngularPeaks(H5Group entry, ScanResult r)
    {
        if (r.AngularPeaks.Count == 0)
        {
            return;
        }

        using var g = entry.CreateGroup("angular_peaks", "NXcollection");
        g.WriteAttribute("phi_convention", PhiConvention);
        g.WriteAttribute("description", "per ring: azimuths of the angular peaks of each point, strongest first, NaN-padded; shape (rows, cols, peaks)");
        foreach (var (ring, m, phi) in r.AngularPeaks)
        {
            Dataset<float>(g, ring.Name, phi, [(ulong)r.Raster.Rows, (ulong)r.Raster.Cols, (ulong)m], "degree", $"angular peak azimuths on ring {ring.Name}");
            using var ds = g.OpenDataset(ring.Name);
            ds.WriteAttribute("q", ring.Q);
            ds.WriteAttribute("phi_convention", PhiConvention);
        }
    }

    private static void WriteRings(H5Group entry, RingSet rings)
    {
        using var g = entry.CreateGroup("rings", "NXcollection");
        g.WriteAttribute("split_q", rings.SplitQ);
        foreach (var ring in rings.All)
        {
            using var rg = g.CreateGroup(ring.Name, "NXcollection");
            rg.WriteAttribute("kind", ring.Kind == RingKind.Superlattice ? "superlattice (SAXS)" : "atomic lattice (WAXS)");
            rg.WriteAttribute("hkl", ring.Hkl ?? string.Empty);
            rg.WriteScalar("q", ring.Q, QUnits);
            rg.WriteScalar("q_min", ring.QMin, QUnits);
            rg.WriteScalar("q_max", ring.QMax, QUnits);
            rg.WriteScalar("fwhm", ring.Fwhm, QUnits);
            rg.WriteScalar("relative_height", ring.RelativeHeight);
            rg.WriteAttribute("from_config", ring.FromConfig ? 1 : 0);
        }
    }

    private static void WriteIndexing(H5Group parent, string name, FccIndexing ix)
    {
        using var g = parent.CreateGroup(name, "NXcollection");
        g.WriteAttribute("description", name == "indexing" && parent.ObjectPath.Contains("/classes/", StringComparison.Ordinal)
            ? "peaks of the class's core profile (bulk, away from the compressed edges) indexed on the scan's fcc lattice"
            : "fcc indexing of the peaks");
        g.WriteAttribute("lattice", "fcc: h, k, l all even or all odd; a = 2*pi*sqrt(h^2+k^2+l^2)/q");
        g.WriteScalar("a_least_squares", ix.LatticeConstant, "angstrom");
        g.WriteScalar("a_mean", ix.MeanA, "angstrom");
        g.WriteScalar("a_std", ix.StdA, "angstrom");
        if (ix.Peaks.Count == 0)
        {
            return;
        }

        Vector<double>(g, "q", ix.Peaks.Select(p => p.Q).ToArray(), QUnits, "peak position");
        Vector<int>(g, "n", ix.Peaks.Select(p => p.N).ToArray(), null, "h^2+k^2+l^2 (0 = not indexed)");
        Vector<double>(g, "a", ix.Peaks.Select(p => p.A).ToArray(), "angstrom", "lattice constant from this peak");
        Strings(g, "hkl", ix.Peaks.Select(p => p.Hkl ?? "-").ToList());
    }

    /// <summary>/entry/xcca and /entry/disorder (docs/xcca-outputs.md), with how domains map to the SAXS classes.</summary>
    private static void WriteXcca(H5Group entry, XccaResults x)
    {
        XccaWriter.Write(entry, x.Domains);
        using var g = entry.OpenGroup("xcca");
        g.WriteAttribute("domain_mapping", XccaMapping);
        g.WriteAttribute("delta_step_deg", 360.0 / x.PhiBins);
        g.WriteAttribute("q2_choice", x.Q2Description);
    }

    /// <summary>How the domains of /entry/xcca and /entry/disorder relate to the SAXS classes.</summary>
    public const string XccaMapping =
        "domain_K = SAXS class label K: the points where maps/saxs_class == K, i.e. classes/saxs_class_{K+1} and 'class K+1' of the report (mixed and empty points belong to no domain)";

    private static void WriteClasses(H5Group entry, ScanResult r)
    {
        using var classes = entry.CreateGroup("classes", "NXcollection");
        classes.WriteAttribute("description", "per class of each classification: averaged 2D pattern (binned detector image), I(q) in the band over all its frames, I(q) over the detector from the pattern frames, indexing");
        foreach (var d in r.Domains)
        {
            using var g = classes.CreateGroup(d.Name, "NXcollection");
            g.WriteAttribute("modality", d.Modality);
            g.WriteAttribute("label", d.Label);
            g.WriteAttribute("points", d.Points);
            g.WriteAttribute("pattern_frames", d.PatternFrames);
            g.WriteAttribute("core_points", d.CorePoints);
            g.WriteAttribute("core_depth", d.CoreDepth);
            g.WriteAttribute<double>("typical_peak_phi", d.TypicalPeakPhi.Count > 0 ? d.TypicalPeakPhi.ToArray() : [double.NaN]);
            g.WriteAttribute("phi_convention", PhiConvention);
            if (d.Pattern is { } pattern)
            {
                using var p = NxData(g, "pattern", "data", [".", "."]);
                p.WriteAttribute("title", $"{ClassLabels.Name(d.Label)} ({d.Modality}): mean of {d.PatternFrames} frames, {r.Config.PatternBinning}x{r.Config.PatternBinning} pixels binned");
                Dataset<float>(p, "data", pattern, [(ulong)d.PatternShape.Rows, (ulong)d.PatternShape.Cols], "counts", "mean counts per unmasked pixel (NaN = masked)");
                p.WriteAttribute("binning", r.Config.PatternBinning);
            }

            Profile(g, "band_profile", d.BandQ, d.BandIntensity, $"mean I(q) in the {d.Modality} band over the class's {d.Points} points");
            Profile(g, "core_profile", d.BandQ, d.CoreBandIntensity, $"mean I(q) in the {d.Modality} band over the class's {d.CorePoints} core points ({d.CoreDepth} steps or more from its edges)");
            if (d.FullQ is not null && d.FullIntensity is not null)
            {
                Profile(g, "full_profile", d.FullQ, d.FullIntensity, $"mean I(q) over the detector, {d.PatternFrames} frames");
            }

            WriteIndexing(g, "indexing", d.Indexing);
            WriteIndexing(g, "indexing_all_points", d.AllPointsIndexing);
        }
    }
}
