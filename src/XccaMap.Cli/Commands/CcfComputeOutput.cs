using System.Globalization;
using XccaMap.Detector.Eiger;
using XccaMap.Diffraction.Xcca;
using XccaMap.Hdf5;
using XccaMap.Reporting;

namespace XccaMap.Cli.Commands;

/// <summary>
/// Output of <c>xccamap ccf compute</c>: a NeXus file with the per-domain groups of <see cref="XccaWriter"/> under
/// <c>/entry/xcca</c> (default plot: the first group's scaled CCF against Δ in degrees), the per-frame CCFs under
/// <c>/entry/frames</c> when asked, the input under <c>/entry/input</c>; and an SVG plot of the CCFs.
/// </summary>
internal static class CcfComputeOutput
{
    public static string SvgPath(string outPath) => Path.ChangeExtension(outPath, ".svg");

    public static void Write(CcfComputeArguments a, EigerScan scan, string? poniPath, IReadOnlyList<string> maskFiles, ScanXccaResult result)
    {
        AtomicFile.Write(a.Out, tmp =>
        {
            using var file = H5File.Create(tmp);
            file.WriteAttribute("default", "entry");
            using var entry = file.CreateGroup("entry", "NXentry");
            entry.WriteAttribute("default", "xcca");
            entry.WriteString("title", $"xccamap ccf compute {Path.GetFileName(scan.MasterPath)}");
            entry.WriteString("program_name", "xccamap ccf compute");
            XccaWriter.Write(entry, result.Domains);
            using (var input = entry.CreateGroup("input", "NXcollection"))
            {
                input.WriteString("master", Path.GetFullPath(scan.MasterPath));
                input.WriteString("poni", poniPath is null ? "(from the master's metadata)" : Path.GetFullPath(poniPath));
                input.WriteAttribute("masks", maskFiles.Count == 0 ? [string.Empty] : maskFiles.Select(Path.GetFullPath).ToList());
                input.WriteDataset<double>("q1_window", [result.Pair.Q1.QMin, result.Pair.Q1.QMax], "1/angstrom");
                input.WriteDataset<double>("q2_window", [result.Pair.Q2.QMin, result.Pair.Q2.QMax], "1/angstrom");
                input.WriteScalar("delta_step", 360.0 / result.Bins, "degree");
                input.WriteScalar("frames_processed", result.Processed);
                input.WriteDataset<long>("skipped_frames", result.Skipped.Count == 0 ? [-1] : result.Skipped.Select(s => s.Frame).ToArray());
                input.WriteString("pixel_split", a.Remap.Split.ToString());
            }

            if (result.FrameIndices.Length > 0)
            {
                using var frames = entry.CreateGroup("frames", "NXdata");
                frames.WriteAttribute("signal", "ccf");
                frames.WriteAttribute("axes", ["frame_index", "delta"]);
                frames.WriteAttribute("frame_index_indices", 0);
                frames.WriteAttribute("delta_indices", 1);
                frames.WriteAttribute("title", "per-frame C(q1, q2, Δ), unscaled (NaN where the masks do not overlap)");
                frames.WriteDataset<long>("frame_index", result.FrameIndices);
                frames.WriteDataset<double>("delta", result.Domains[0].Ccf.DeltaDeg, "degree");
                frames.WriteDataset<double>("ccf", result.FrameCcfs, [(ulong)result.FrameIndices.Length, (ulong)result.Bins], "counts^2");
            }
        });
        AtomicFile.WriteAllText(SvgPath(a.Out), Plot(result.Domains).ToSvg());
    }

    /// <summary>The scaled CCFs against Δ in [−180°, 180°), one series per domain, with the symmetry axes marked.</summary>
    public static SvgPlot Plot(IReadOnlyList<DomainXccaResult> domains)
    {
        var plot = new SvgPlot
        {
            Title = domains.Count > 0 ? $"C(q1, q2, Δ): {domains[0].Pair}" : "C(q1, q2, Δ)",
            XLabel = "Δ (°)",
            YLabel = "C (scaled)",
            XRange = (-180, 180),
            XTickStep = 45,
        };
        foreach (var d in domains)
        {
            var c = d.Ccf;
            var order = Enumerable.Range(0, c.Bins).OrderBy(j => Centred(c.DeltaDeg[j])).ToArray();
            plot.Add(d.Name ?? $"domain {d.Domain} ({c.Frames} frames)", order.Select(j => Centred(c.DeltaDeg[j])).ToList(), order.Select(j => c.Scaled[j]).ToList());
            if (double.IsFinite(c.Axis.AxisDeg))
            {
                plot.AddMarker(c.Axis.AxisDeg, string.Create(CultureInfo.InvariantCulture, $"axis {c.Axis.AxisDeg:0.0}°"));
            }
        }

        return plot;
    }

    public static string Summary(DomainXccaResult d)
    {
        var c = d.Ccf;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"domain {d.Domain}{(d.Name is null ? string.Empty : $" ({d.Name})")}: {c.Frames} frames; symmetry axis {c.Axis.AxisDeg:0.00} ± {c.Axis.ErrorDeg:0.00}° ({c.Axis.Method.ToString().ToLowerInvariant()}, period {c.Axis.PeriodDeg:0}°, asymmetry {c.Axis.Asymmetry:0.000})");
        if (d.Disorder is { } r)
        {
            text += r.Success
                ? $"; FWHM_az {r.FwhmAzDeg.Format(2)}°, FWHM_rad {r.FwhmRadDeg.Format(2)}°, ΔΦ {r.DeltaPhiDeg.Format(2)}°"
                : $"; disorder fit failed: {r.Message}";
        }

        return text;
    }

    private static double Centred(double deltaDeg) => deltaDeg >= 180 ? deltaDeg - 360 : deltaDeg;
}
