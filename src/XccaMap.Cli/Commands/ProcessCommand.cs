using System.CommandLine;
using System.Globalization;
using XccaMap.Cli.Report;
using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Results;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap process MASTER --scan SCAN.json|--raster RxC [--snake] --poni F [--mask F …] [--config F] --out DIR</c>:
/// a whole scan into domain maps, domain-averaged patterns and an indexed superlattice (outputs: docs/process-outputs.md).
/// </summary>
internal static class ProcessCommand
{
    public static Command Build()
    {
        var master = new Argument<string>("MASTER") { Description = "Eiger *_master.h5 of the scan" };
        var scan = new Option<string?>("--scan") { Description = "Scan description JSON (raster rows, cols, order; e.g. NAME_scan.json from 'xccamap simulate'); its poni_file and beamstop_file are used when --poni / --mask are not given" };
        var raster = new Option<string?>("--raster") { Description = "Raster shape ROWSxCOLS, e.g. 121x121 (instead of --scan)" };
        var snake = new Option<bool>("--snake") { Description = "With --raster: odd rows were scanned backwards" };
        var poni = new Option<string?>("--poni") { Description = "pyFAI PONI geometry file (required unless the scan description names one)" };
        var masks = new Option<string[]>("--mask") { Description = "Extra mask (non-zero = excluded), .npy or FILE.h5::/dataset, e.g. the beamstop; repeatable", AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => [] };
        var config = new Option<string?>("--config") { Description = "Processing configuration JSON (keys in docs/process-outputs.md)" };
        var outDir = new Option<string>("--out") { Description = "Output folder (results.h5, summary.json, report.html, figures/)", Required = true };
        var cmd = new Command("process", "Process a whole scan: rings, fcc indexing, SAXS and WAXS domain classes, q maps, class-averaged patterns; writes results.h5, summary.json and report.html.")
        {
            master, scan, raster, snake, poni, masks, config, outDir,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(
            r.GetValue(master)!, r.GetValue(scan), r.GetValue(raster), r.GetValue(snake), r.GetValue(poni), r.GetValue(masks) ?? [], r.GetValue(config), r.GetValue(outDir)!)));
        return cmd;
    }

    private static int Execute(string master, string? scanPath, string? rasterText, bool snake, string? poniPath, string[] maskPaths, string? configPath, string outDir)
    {
        if ((scanPath is null) == (rasterText is null))
        {
            throw new UsageException("give the raster either with --scan SCAN.json or with --raster ROWSxCOLS (not both)");
        }

        if (snake && rasterText is null)
        {
            throw new UsageException("--snake goes with --raster (a scan description states its own order)");
        }

        Raster rasterSpec;
        var masks = maskPaths.ToList();
        if (scanPath is not null)
        {
            var description = ScanFile.Read(scanPath);
            rasterSpec = description.Raster;
            poniPath ??= description.PoniPath;
            if (masks.Count == 0 && description.BeamstopPath is { } beamstop && File.Exists(beamstop))
            {
                masks.Add(beamstop);
            }
        }
        else
        {
            try
            {
                rasterSpec = Raster.Parse(rasterText!, snake);
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }
        }

        if (poniPath is null)
        {
            throw new UsageException("--poni is required (the scan description names no poni_file)");
        }

        var geometry = PoniGeometry.Read(poniPath);
        var processingConfig = configPath is null ? new ProcessingConfig() : ProcessingConfigFile.Read(configPath);
        var request = new ProcessingRequest(master, rasterSpec, geometry) { MaskFiles = masks, Config = processingConfig };
        var progress = ConsoleProgress.ForStandardError();
        var result = ScanProcessor.Run(request, progress);

        Directory.CreateDirectory(outDir);
        ResultsFile.Write(Path.Combine(outDir, "results.h5"), result);
        SummaryFile.Write(Path.Combine(outDir, "summary.json"), result);
        var figures = ProcessReport.Write(outDir, result);

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"processed {result.FramesProcessed} frames of {Path.GetFileName(result.MasterPath)} in {result.TotalSeconds.ToString("0.0", inv)} s ({result.FramesPerSecond.ToString("0.0", inv)} frames/s); {result.Skipped.Count} skipped, {result.PointsWithoutData} points without data");
        foreach (var (name, c) in new[] { ("SAXS", result.SaxsClassification), ("WAXS", result.WaxsClassification) })
        {
            if (c is not null)
            {
                Console.WriteLine($"{name}: {c.ClassCount} classes ({string.Join(", ", c.ClassSizes())} points)");
            }
        }

        var sl = result.SuperlatticeIndexing;
        if (double.IsFinite(sl.MeanA))
        {
            var (bulk, spread, n) = result.DomainLatticeConstant("saxs");
            Console.WriteLine($"superlattice: fcc ({string.Join(", ", sl.Peaks.Where(p => p.IsIndexed).Select(p => p.Hkl))}); scan average a = {sl.MeanA.ToString("0.00", inv)} ± {sl.StdA.ToString("0.00", inv)} Å"
                + (n > 0 ? $"; domain cores <a> = {bulk.ToString("0.00", inv)} Å ({n} classes, spread {spread.ToString("0.00", inv)} Å)" : string.Empty));
        }

        Console.WriteLine($"wrote {Path.Combine(outDir, "results.h5")}, summary.json, report.html and {figures.Count} figures in figures/");
        return ExitCodes.Ok;
    }
}
