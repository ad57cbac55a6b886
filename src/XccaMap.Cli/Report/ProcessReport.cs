using System.Globalization;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Results;
using XccaMap.Hdf5;
using XccaMap.Reporting;

namespace XccaMap.Cli.Report;

/// <summary>
/// Assembles <c>report.html</c> of <c>xccamap process</c> (self-contained: PNGs as data URIs, SVG inline) and
/// writes every figure also as a file in <c>DIR/figures/</c>. Sections: maps (Fig. 1 a–b, Fig. 3 a), rings and
/// indexing (Table S1), domain-averaged patterns and profiles (Fig. S3), cross-correlations and orientational disorder
/// (Fig. 2, Fig. S6, Table S2), frames and throughput.
/// </summary>
internal static class ProcessReport
{
    /// <summary>Builds the report and writes report.html and figures/ into <paramref name="directory"/>; returns the figures.</summary>
    public static IReadOnlyList<ReportFigure> Write(string directory, ScanResult r)
    {
        var figures = new List<ReportFigure>();
        var html = Build(r, figures);
        var dir = Path.Combine(directory, "figures");
        Directory.CreateDirectory(dir);

        // figures/ is ours: drop the figures of an earlier run (e.g. of classes that no longer exist).
        foreach (var old in Directory.EnumerateFiles(dir).Where(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal)))
        {
            File.Delete(old);
        }

        foreach (var f in figures)
        {
            if (f.Png is not null)
            {
                AtomicFile.WriteAllBytes(Path.Combine(dir, f.FileName), f.Png);
            }
            else if (f.Svg is not null)
            {
                AtomicFile.WriteAllText(Path.Combine(dir, f.FileName), f.Svg);
            }
        }

        AtomicFile.WriteAllText(Path.Combine(directory, "report.html"), html);
        return figures;
    }

    private static string Build(ScanResult r, List<ReportFigure> figures)
    {
        int rows = r.Raster.Rows, cols = r.Raster.Cols;
        var report = new HtmlReport($"XccaMap process — {Path.GetFileName(r.MasterPath)}")
            .AddMetadata("Scan", r.MasterPath)
            .AddMetadata("Raster", Inv($"{rows} × {cols} points, {(r.Raster.Snake ? "snake" : "row-major")}{(double.IsFinite(r.Raster.StepUm) ? $", step {r.Raster.StepUm:0.###} µm" : string.Empty)}"))
            .AddMetadata("Geometry", Inv($"λ = {r.Geometry.Wavelength * 1e10:0.0000} Å, distance {r.Geometry.Distance:0.0000} m, PONI ({r.Geometry.Poni1 * 1e3:0.00}, {r.Geometry.Poni2 * 1e3:0.00}) mm"))
            .AddMetadata("Frames", Inv($"{r.FramesProcessed} processed, {r.Skipped.Count} skipped, {r.PointsWithoutData} points without data"))
            .AddMetadata("Superlattice", Lattice(r.SuperlatticeIndexing) + Cores(r, "saxs"))
            .AddMetadata("Atomic lattice", Lattice(r.AtomicIndexing) + Cores(r, "waxs"))
            .AddMetadata("Throughput", Inv($"{r.FramesPerSecond:0.0} frames/s end to end ({r.TotalSeconds:0.0} s, {Environment.ProcessorCount} cores)"));

        report.AddSection("Domain maps");
        report.AddParagraph("Each point is coloured by the class of its angular peak pattern, found independently on the superlattice (SAXS) and atomic-lattice (WAXS) rings. White: no angular peaks (empty); grey: peaks of two classes at once or no well-defined orientation (mixed); dark grey: no frame. The legend lists each class's typical peak azimuths φ (degrees from +column towards +row).");
        Png(report, figures, "saxs_classes.png", "SAXS domain classes (superlattice rings).", ReportFigures.ClassMapImage(r.SaxsClass, rows, cols, "SAXS classes", r.Domains.Where(d => d.Modality == "saxs").ToList()));
        Png(report, figures, "waxs_classes.png", "WAXS domain classes (atomic-lattice rings).", ReportFigures.ClassMapImage(r.WaxsClass, rows, cols, "WAXS classes", r.Domains.Where(d => d.Modality == "waxs").ToList()));
        foreach (var q in r.QMaps)
        {
            Png(report, figures, q.Name + ".png", Inv($"q of the SL {q.Hkl ?? "peak"} reflection from a Gaussian fit of each frame's I(q) in [{q.WindowMin:0.0000}, {q.WindowMax:0.0000}] Å⁻¹ (grey: no significant peak)."),
                ReportFigures.ScalarMap(q.Values, rows, cols, $"q SL {q.Hkl}", "q (Å⁻¹)", log: false));
        }

        Png(report, figures, "saxs_intensity.png", "Mean intensity in the SAXS band (log scale).", ReportFigures.ScalarMap(r.SaxsIntensity, rows, cols, "SAXS intensity", "counts", log: true));
        Png(report, figures, "waxs_intensity.png", "Mean intensity in the WAXS band (log scale).", ReportFigures.ScalarMap(r.WaxsIntensity, rows, cols, "WAXS intensity", "counts", log: true));

        report.AddSection("Rings and superlattice indexing");
        Svg(report, figures, "profile_scan_average.svg", "Scan-averaged radial profile with the SNIP background and the rings of interest.", ReportFigures.ScanAverageProfile(r));
        report.AddTable(
            ["ring", "kind", "q (Å⁻¹)", "window (Å⁻¹)", "FWHM (Å⁻¹)", "height/background", "angular peaks in (% of points)"],
            r.Rings.All.Select(ring => (IReadOnlyList<string>)
            [
                ring.Name, ring.Kind.ToString(), F(ring.Q, "0.0000"), Inv($"{ring.QMin:0.0000}–{ring.QMax:0.0000}"), F(ring.Fwhm, "0.0000"), F(ring.RelativeHeight, "0.00"),
                F(100.0 * PointsWithPeaks(r, ring) / Math.Max(1, r.HasData.Count(h => h)), "0"),
            ]),
            "Rings of interest found in the scan-averaged profile (or configured).");
        report.AddTable(["domain", "q (Å⁻¹)", "h", "k", "l", "a (Å)", "⟨a⟩ (Å)"], TableS1(r, "saxs", r.SuperlatticeIndexing), "Superlattice indexing on an fcc lattice per SAXS class (Table S1 form); first rows: the scan average.");
        report.AddTable(["domain", "q (Å⁻¹)", "h", "k", "l", "a (Å)", "⟨a⟩ (Å)"], TableS1(r, "waxs", r.AtomicIndexing), "Atomic-lattice (rock-salt, fcc) indexing per WAXS class.");

        report.AddSection("Domain-averaged patterns");
        foreach (var d in r.Domains)
        {
            string name = $"{d.Modality.ToUpperInvariant()} {ClassLabels.Name(d.Label)}";
            report.AddSubsection(Inv($"{name}: {d.Points} points"));
            if (d.Pattern is not null)
            {
                Png(report, figures, $"pattern_{d.Name}.png", Inv($"{name}: mean of {d.PatternFrames} frames, log scale (masked pixels grey)."), ReportFigures.Pattern(d, name));
                if (ReportFigures.SaxsRegion(d, r, name + ", SAXS") is { } saxs)
                {
                    Png(report, figures, $"pattern_{d.Name}_saxs.png", $"{name}: enlarged SAXS region around the direct beam.", saxs);
                }
            }
        }

        foreach (var modality in new[] { "saxs", "waxs" })
        {
            if (ReportFigures.BandProfiles(r, modality) is { } svg)
            {
                Svg(report, figures, $"profiles_{modality}_classes.svg", $"Class-averaged radial profiles in the {modality.ToUpperInvariant()} band, indexed peaks marked in the class colour (Fig. S3 f–j).", svg);
            }
        }

        if (r.Xcca is { } xcca)
        {
            AddXcca(report, figures, xcca, r.CpuSeconds);
        }

        report.AddSection("Frames and throughput");
        report.AddTable(["stage", "seconds", "frames", "frames/s"],
            r.Timings.Select(t => (IReadOnlyList<string>)[t.Stage, F(t.Seconds, "0.00"), t.Frames.ToString(CultureInfo.InvariantCulture), F(t.FramesPerSecond, "0.0")]),
            "Wall time per stage.");
        if (r.Skipped.Count > 0)
        {
            report.AddTable(["frame", "reason"], r.Skipped.Take(50).Select(s => (IReadOnlyList<string>)[s.Frame.ToString(CultureInfo.InvariantCulture), s.Reason]),
                Inv($"Skipped frames ({r.Skipped.Count}; the first 50)."));
        }

        report.AddPreformatted(string.Join("\n", r.Notes.Concat(r.ScanProblems.Take(30))));
        return report.ToHtml();
    }

    /// <summary>Cross-correlations per domain (Fig. 2), 200_AL cuts with the fit (Fig. S6) and Table S2.</summary>
    private static void AddXcca(HtmlReport report, List<ReportFigure> figures, XccaResults x, double cpuSeconds)
    {
        report.AddSection("Cross-correlation and orientational disorder");
        report.AddParagraph(Inv($"Per SAXS class (domain_K of results.h5 is class K + 1), over its interior points: C(q1, q2, Δ) of the class's strongest superlattice ring q1 with q2 = {x.Q2Description}, scaled to [0, 1], Δ step {360.0 / x.PhiBins:0.###}°; dashed: the autocorrelations of q1 and q2. Orientational disorder from a 2D Gaussian fit of the class-averaged 200_AL peak in (q, φ): ΔΦ = √(FWHM_az² − FWHM_rad²) (S.I. eq. 7); errors are standard errors of the fit."));
        if (x.Domains.Count == 0)
        {
            report.AddParagraph("No domain had frames to correlate.");
            return;
        }

        report.AddTable(XccaFigures.TableS2Header, XccaFigures.TableS2(x.Domains), "Orientational disorder of the nanocrystals per domain (Table S2 form) and the symmetry axis of each domain's CCF.");
        foreach (var d in x.Domains)
        {
            report.AddSubsection(Inv($"{ClassLabels.Name(d.Domain)} (domain_{d.Domain}): {d.Frames} frames"));
            Svg(report, figures, $"ccf_domain_{d.Domain}.svg", Inv($"{ClassLabels.Name(d.Domain)}: C({d.Pair.Q1Label}, {d.Pair.Q2Label}, Δ) (ring pair: {d.PairSource}); symmetry axis {d.Ccf.Axis.AxisDeg:0.0} ± {d.Ccf.Axis.ErrorDeg:0.0}° ({d.Ccf.Axis.Method.ToString().ToLowerInvariant()})."), XccaFigures.Ccf(d));
            if (XccaFigures.RadialCut(d) is { } radial && XccaFigures.AzimuthalCut(d) is { } azimuthal)
            {
                string fit = d.Disorder is { Success: true } f
                    ? $"FWHM_rad {f.FwhmRadDeg.Format(2)}°, FWHM_az {f.FwhmAzDeg.Format(1)}°, ΔΦ {f.DeltaPhiDeg.Format(1)}°"
                    : $"fit not usable: {d.Disorder?.Message}";
                Svg(report, figures, $"disorder_domain_{d.Domain}_radial.svg", $"{ClassLabels.Name(d.Domain)}: radial cut through the class-averaged 200_AL peak with the fitted 2D Gaussian and background; {fit}.", radial);
                Svg(report, figures, $"disorder_domain_{d.Domain}_azimuthal.svg", $"{ClassLabels.Name(d.Domain)}: azimuthal cut through the same peak.", azimuthal);
            }
            else
            {
                report.AddParagraph($"No orientational-disorder fit: {d.Disorder?.Message ?? "no 200_AL patch"}.");
            }
        }

        report.AddParagraph(Inv($"Cost: {x.CpuSeconds:0.0} s of CPU time in all{Share(x.CpuSeconds, cpuSeconds)}: {x.SetupCpuSeconds:0.00} s to prepare the ring tables, {x.ProfileMicrosecondsPerFrame:0} µs per frame in the feature pass ({(x.ProfileTimeIsCpu ? "thread CPU time" : "thread wall time")}; SL ring profiles and the 200_AL patch, {x.StoreBytes / 1048576.0:0.#} MB kept), {x.ComputeCpuSeconds:0.00} s ({x.ComputeSeconds:0.00} s wall) to correlate and fit after the classification."));
    }

    private static string Share(double part, double whole) => whole > 0 ? Inv($", {100 * part / whole:0.0} % of the run's {whole:0.0} s") : string.Empty;

    private static IEnumerable<IReadOnlyList<string>> TableS1(ScanResult r, string modality, FccIndexing scan)
    {
        foreach (var row in Rows("scan average", scan))
        {
            yield return row;
        }

        foreach (var d in r.Domains.Where(d => d.Modality == modality))
        {
            foreach (var row in Rows(ClassLabels.Name(d.Label), d.Indexing))
            {
                yield return row;
            }
        }

        static IEnumerable<IReadOnlyList<string>> Rows(string name, FccIndexing ix)
        {
            bool first = true;
            foreach (var p in ix.Peaks.Where(p => p.IsIndexed))
            {
                var m = FccReflections.Families(p.N)[0];
                yield return [first ? name : string.Empty, F(p.Q, "0.0000"), m.H.ToString(CultureInfo.InvariantCulture), m.K.ToString(CultureInfo.InvariantCulture), m.L.ToString(CultureInfo.InvariantCulture), F(p.A, "0.0"),
                    first ? Inv($"{ix.MeanA:0.0} ± {ix.StdA:0.0}") : string.Empty];
                first = false;
            }
        }
    }

    private static int PointsWithPeaks(ScanResult r, Diffraction.Rings.Ring ring)
    {
        var peaks = r.AngularPeaks.FirstOrDefault(p => ReferenceEquals(p.Ring, ring));
        if (peaks.Phi is null)
        {
            return 0;
        }

        int n = 0;
        for (int p = 0; p < r.Raster.Points; p++)
        {
            n += float.IsFinite(peaks.Phi[p * peaks.MaxPeaks]) ? 1 : 0;
        }

        return n;
    }

    private static string Lattice(FccIndexing ix) =>
        double.IsFinite(ix.MeanA) ? Inv($"fcc; scan average ⟨a⟩ = {ix.MeanA:0.00} ± {ix.StdA:0.00} Å from {ix.IndexedCount} reflections") : "not indexed";

    private static string Cores(ScanResult r, string modality)
    {
        var (a, spread, n) = r.DomainLatticeConstant(modality);
        return n > 0 ? Inv($"; domain cores (bulk, away from the compressed edges): ⟨a⟩ = {a:0.00} Å over {n} classes (spread {spread:0.00} Å)") : string.Empty;
    }

    private static void Png(HtmlReport report, List<ReportFigure> figures, string file, string caption, RasterImage image)
    {
        var png = image.ToPng();
        figures.Add(new ReportFigure(file, caption, png, null));
        report.AddPngFigure(png, caption);
    }

    private static void Svg(HtmlReport report, List<ReportFigure> figures, string file, string caption, string svg)
    {
        figures.Add(new ReportFigure(file, caption, null, svg));
        report.AddSvgFigure(svg, caption);
    }

    private static string F(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
