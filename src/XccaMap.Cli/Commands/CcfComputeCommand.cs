using System.CommandLine;
using System.Globalization;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Xcca;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap ccf compute MASTER --q1 A:B --q2 C:D [--poni F] [--mask F …] [--frames …|--points FILE] [--step DEG] --out FILE.h5</c>:
/// the masked cross-correlation C(q1, q2, Δ) (S.I. eq. 3 normalised by the mask overlap) of any ring pair, averaged
/// over any set of frames (or several sets: DOMAIN column of --points), to NeXus plus an SVG plot.
/// </summary>
internal static class CcfComputeCommand
{
    public static Command Build()
    {
        var master = new Argument<string>("MASTER") { Description = "Eiger *_master.h5 of the scan" };
        var poni = new Option<string?>("--poni") { Description = "pyFAI PONI geometry; default: the scan description's poni_file, else the master's metadata (no tilts)" };
        var masks = new Option<string[]>("--mask") { Description = "Extra mask (non-zero = excluded), .npy or FILE.h5::/dataset, e.g. the beamstop; repeatable", AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => [] };
        var q1 = new Option<string>("--q1") { Description = "q window of ring 1 in Å⁻¹ as MIN:MAX (e.g. the strongest superlattice reflection)", Required = true };
        var q2 = new Option<string>("--q2") { Description = "q window of ring 2 in Å⁻¹ as MIN:MAX (e.g. 200 of the atomic lattice); equal to --q1 for an autocorrelation", Required = true };
        var frames = new Option<string?>("--frames") { Description = "Frames, e.g. 0-99,120,200- (0-based, inclusive); default: all readable frames" };
        var points = new Option<string?>("--points") { Description = "File of points, one per line: ROW COL [DOMAIN] with --scan/--raster, else FRAME [DOMAIN]; each DOMAIN is averaged separately" };
        var scanFile = new Option<string?>("--scan") { Description = "Scan description JSON (raster for --points ROW COL; its poni_file and beamstop_file are used when --poni / --mask are not given)" };
        var raster = new Option<string?>("--raster") { Description = "Raster ROWSxCOLS for --points ROW COL (instead of --scan)" };
        var snake = new Option<bool>("--snake") { Description = "With --raster: odd rows were scanned backwards" };
        var step = new Option<double>("--step") { Description = "Δ step in degrees; 360/step φ bins (must divide 360 into a whole number)", DefaultValueFactory = _ => 1.0 };
        var split = new Option<string>("--split") { Description = "Pixel splitting of the ring remap: none, bbox or full", DefaultValueFactory = _ => "full" };
        split.AcceptOnlyFromAmong("none", "bbox", "full");
        var noSolid = new Option<bool>("--no-solid-angle") { Description = "Do not normalise by the pixels' solid angle" };
        var polarisation = new Option<double?>("--polarisation") { Description = "Polarisation factor in [-1, 1] to correct for (pyFAI convention); default: none" };
        var peak = new Option<string?>("--peak") { Description = "q window (MIN:MAX, Å⁻¹) around the 200 ring of the atomic lattice: fit its averaged peak in (q, φ) for the orientational disorder ΔΦ" };
        var perFrame = new Option<bool>("--per-frame") { Description = "Also write every frame's (unscaled) CCF" };
        var output = new Option<string>("--out") { Description = "Output NeXus file (the SVG plot is written beside it, same name .svg)", Required = true };
        step.Validators.Add(r =>
        {
            double s = r.GetValueOrDefault<double>();
            if (!(s > 0) || s > 90 || Math.Abs((360 / s) - Math.Round(360 / s)) > 1e-6 * (360 / s))
            {
                r.AddError(FormattableString.Invariant($"--step {s}: must be in (0, 90] and divide 360° into a whole number of bins (e.g. 1, 0.5, 0.25)"));
            }
        });
        var cmd = new Command("compute", "Masked angular cross-correlation C(q1, q2, Δ) of two rings, averaged over frames (or groups of points), with its Fourier components, symmetry axis and optionally ΔΦ; NeXus + SVG.")
        {
            master, poni, masks, q1, q2, frames, points, scanFile, raster, snake, step, split, noSolid, polarisation, peak, perFrame, output,
        };
        cmd.SetAction(r => CommandRunner.Run(() =>
        {
            var remap = new RemapOptions
            {
                Split = r.GetValue(split) switch { "none" => PixelSplit.None, "bbox" => PixelSplit.BoundingBox, _ => PixelSplit.Full },
                CorrectSolidAngle = !r.GetValue(noSolid),
                PolarisationFactor = r.GetValue(polarisation),
            };
            var args = new CcfComputeArguments(r.GetValue(master)!, r.GetValue(poni), r.GetValue(masks) ?? [], r.GetValue(q1)!, r.GetValue(q2)!, r.GetValue(frames), r.GetValue(points),
                r.GetValue(scanFile), r.GetValue(raster), r.GetValue(snake), r.GetValue(step), remap, r.GetValue(peak), r.GetValue(perFrame), r.GetValue(output)!);
            return Execute(args);
        }));
        return cmd;
    }

    private static int Execute(CcfComputeArguments a)
    {
        if (a.Points is not null && a.Frames is not null)
        {
            throw new UsageException("give --frames or --points, not both");
        }

        if (a.ScanFile is not null && a.Raster is not null)
        {
            throw new UsageException("give the raster with --scan or --raster, not both");
        }

        var pair = new RingPair(Band(a.Q1, "--q1"), Band(a.Q2, "--q2"));
        var peakBand = a.Peak is null ? (QBand?)null : Band(a.Peak, "--peak");
        Raster? rasterSpec = null;
        string? poniPath = a.Poni;
        var maskFiles = a.Masks.ToList();
        if (a.ScanFile is not null)
        {
            var description = ScanFile.Read(a.ScanFile);
            rasterSpec = description.Raster;
            poniPath ??= description.PoniPath;
            if (maskFiles.Count == 0 && description.BeamstopPath is { } beamstop && File.Exists(beamstop))
            {
                maskFiles.Add(beamstop);
            }
        }
        else if (a.Raster is not null)
        {
            try
            {
                rasterSpec = Raster.Parse(a.Raster, a.Snake);
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }
        }

        using var scan = EigerScan.Open(a.Master);
        var present = FrameStream.PresentFrames(scan).ToList();
        List<(long Frame, int Domain)> selection;
        if (a.Points is not null)
        {
            var have = present.ToHashSet();
            selection = CcfPoints.Read(a.Points, rasterSpec);
            int missing = selection.RemoveAll(p => !have.Contains(p.Frame));
            if (missing > 0)
            {
                Console.Error.WriteLine($"ccf compute: {missing} points have no readable frame; skipped");
            }

            if (selection.Count == 0)
            {
                throw new UsageException($"{a.Points}: no point has a readable frame");
            }
        }
        else
        {
            selection = FrameSelection.Parse(a.Frames, present).Select(f => (f, 0)).ToList();
        }

        var domainOf = selection.GroupBy(p => p.Frame).ToDictionary(g => g.Key, g => g.First().Domain);
        var geometryModel = IntegrateCommand.Geometry(scan, poniPath);
        var geometry = PixelGeometry.Create(geometryModel, new DetectorShape(scan.Rows, scan.Columns));
        DetectorMask mask;
        using (var first = scan.ReadFrame(selection[0].Frame))
        {
            mask = ScanMask.Start(scan, first, maskFiles).Build();
        }

        int bins = (int)Math.Round(360 / a.Step);
        var request = new ScanXccaRequest
        {
            Pair = pair,
            Bins = bins,
            Frames = [.. domainOf.Keys.Order()],
            DomainOf = f => domainOf.GetValueOrDefault(f, -1),
            KeepFrameCcfs = a.PerFrame,
            PeakBand = peakBand,
            Remap = a.Remap,
        };
        Console.Error.WriteLine($"ccf compute: {request.Frames.Count} frames in {domainOf.Values.Distinct().Count()} group(s), {pair}, Δ step {a.Step.ToString(CultureInfo.InvariantCulture)}° ({bins} bins), {mask.ExcludedCount} pixels masked");
        var result = ScanXcca.Run(scan, geometry, mask, request, done => Console.Error.Write($"\rccf compute: {done}/{request.Frames.Count} frames"));
        Console.Error.WriteLine();
        foreach (var (frame, reason) in result.Skipped)
        {
            Console.Error.WriteLine($"ccf compute: skipped frame {frame}: {reason}");
        }

        if (result.Domains.Count == 0)
        {
            throw new InvalidDataException($"no frame of {a.Master} could be read for the CCF");
        }

        CcfComputeOutput.Write(a, scan, poniPath, maskFiles, result);
        foreach (var d in result.Domains)
        {
            Console.WriteLine(CcfComputeOutput.Summary(d));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"wrote {Path.GetFullPath(a.Out)} and {Path.GetFileName(CcfComputeOutput.SvgPath(a.Out))}: {result.Processed} frames, {result.Skipped.Count} skipped; {result.Processed / Math.Max(result.PassSeconds, 1e-9):F1} frames/s, CCF {result.CcfMicrosecondsPerFrame:F1} µs/frame"));
        return ExitCodes.Ok;
    }

    private static QBand Band(string text, string option)
    {
        try
        {
            return RingPair.ParseBand(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option}: {e.Message}");
        }
    }
}
