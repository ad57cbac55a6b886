using System.CommandLine;
using System.Globalization;
using XccaMap.Simulation;
using XccaMap.Simulation.Output;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap simulate --scan scans/NAME.json --out DIR [--rows R --cols C --seed S] [--frames-per-file N]</c>:
/// writes a simulated Eiger scan with its scan description, PONI, beamstop mask and truth.
/// </summary>
internal static class SimulateCommand
{
    public static Command Build()
    {
        var scan = new Option<string>("--scan") { Description = "Scan definition (scans/NAME.json; keys and defaults in scans/README.md)", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder (created if missing)", Required = true };
        var rows = new Option<int?>("--rows") { Description = "Override the raster rows" };
        var cols = new Option<int?>("--cols") { Description = "Override the raster columns" };
        var seed = new Option<int?>("--seed") { Description = "Override the seed (sample and noise)" };
        var perFile = new Option<int>("--frames-per-file") { Description = "Frames per data file (nimages_per_file)", DefaultValueFactory = _ => 100 };
        var threads = new Option<int>("--threads") { Description = "Rendering threads (the writer adds one)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var stopAfter = new Option<int?>("--stop-after") { Description = "Stop after N frames, as a scan that ended early (the master still announces the whole raster)" };
        var noPatterns = new Option<bool>("--no-truth-patterns") { Description = "Leave the noise-free class patterns out of the truth HDF5" };
        var realtime = new Option<bool>("--realtime") { Description = "Write at the detector's pace (frame f when its exposure ends), data file by data file, to feed 'xccamap monitor'" };
        var rate = new Option<double?>("--rate") { Description = "With --realtime: frames per second (default 1 / count_time of the scan)" };
        rate.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double?>() is { } hz && !(hz > 0 && double.IsFinite(hz)))
            {
                r.AddError("--rate must be a positive number of frames per second");
            }
        });
        foreach (var o in new[] { rows, cols, stopAfter })
        {
            o.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<int?>() is < 1)
                {
                    r.AddError($"{o.Name} must be at least 1");
                }
            });
        }

        perFile.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--frames-per-file must be at least 1");
            }
        });
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--threads must be at least 1");
            }
        });

        var cmd = new Command("simulate", "Simulate a scanning nanodiffraction scan of a nanocrystal superlattice: Eiger 4M NXmx files (master + bitshuffle/LZ4 data files), NAME_scan.json, NAME.poni, NAME_beamstop.npy and the truth (NAME_truth.h5/.json).")
        {
            scan, output, rows, cols, seed, perFile, threads, stopAfter, noPatterns, realtime, rate,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(
            r.GetValue(scan)!, r.GetValue(output)!, r.GetValue(rows), r.GetValue(cols), r.GetValue(seed), r.GetValue(perFile), r.GetValue(threads),
            r.GetValue(stopAfter), !r.GetValue(noPatterns), r.GetValue(realtime), r.GetValue(rate))));
        return cmd;
    }

    private static int Execute(string scanPath, string output, int? rows, int? cols, int? seed, int perFile, int threads, int? stopAfter, bool patterns, bool realtime, double? rate)
    {
        if (rate is not null && !realtime)
        {
            throw new UsageException("--rate goes with --realtime");
        }

        if (!File.Exists(scanPath))
        {
            throw new FileNotFoundException($"scan definition not found: {scanPath}", scanPath);
        }

        var sim = ScanSimulator.Load(scanPath, rows, cols, seed);
        var raster = sim.Raster;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulate: {sim.Definition.Name}: {raster.Rows} × {raster.Cols} points, {raster.StepUm} µm steps, {(raster.Order == XccaMap.Simulation.Scan.ScanOrder.Snake ? "snake" : "row-major")}; {sim.Classes.Count} classes, {sim.Sample.Grains.Count} grains; models ready in {sim.SetupTime.TotalSeconds:F1} s"));
        var pacer = realtime ? new RealtimePacer(rate ?? 1 / sim.Definition.Beam.CountTimeS) : null; // --realtime (issue 10)
        var result = sim.Run(
            new SimulationOptions { OutputDirectory = output, FramesPerFile = perFile, Threads = threads, StopAfterFrames = stopAfter, TruthPatterns = patterns, Pacer = pacer },
            Report);
        if (pacer is not null)
        {
            var inv = CultureInfo.InvariantCulture;
            Console.Error.WriteLine(pacer.LateFrames == 0
                ? string.Create(inv, $"simulate: realtime at {pacer.FramesPerSecond:0.###} frames/s kept")
                : string.Create(inv, $"simulate: realtime at {pacer.FramesPerSecond:0.###} frames/s not kept: {pacer.LateFrames} frames late, up to {pacer.MaxLagSeconds:F1} s (rendering is slower; lower --rate or the raster)"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {result.Frames} frames in {result.DataFiles.Count} data file(s), {result.ScanBytes / 1e6:F1} MB, {result.FrameTime.TotalSeconds:F1} s ({result.FramesPerSecond:F1} frames/s; setup and truth {result.SetupTime.TotalSeconds:F1} s)"));
        Console.WriteLine($"master      {result.MasterPath}");
        Console.WriteLine($"scan        {result.ScanDescriptionPath}");
        Console.WriteLine($"geometry    {result.PoniPath}");
        Console.WriteLine($"beamstop    {result.BeamstopPath}");
        Console.WriteLine($"truth       {result.TruthPath}, {result.TruthJsonPath}");
        return ExitCodes.Ok;
    }

    private static void Report(SimulationProgress p)
    {
        if (p.Stage != "frames")
        {
            if (p.Stage != "done")
            {
                Console.Error.WriteLine($"simulate: writing {p.Stage}…");
            }

            return;
        }

        string eta = p.Remaining is { } r ? $", ETA {r:hh\\:mm\\:ss}" : string.Empty;
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"simulate: frame {p.FramesWritten}/{p.FramesTotal}, {p.FramesPerSecond:F1} frames/s, elapsed {p.Elapsed:hh\\:mm\\:ss}{eta}"));
    }
}
