using System.CommandLine;
using System.Diagnostics;
using System.Reflection;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap demo</c>: the main job on the embedded default — simulate the small <c>demo</c> scan
/// (full-size Eiger 4M frames, three domain classes, known truth) and process it into a report.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Name of the embedded scan description (a copy of scans/demo.json).</summary>
    private const string Resource = "demo.json";

    public static Command Build()
    {
        var outDir = new Option<string>("--out") { Description = "Output folder: the simulated scan goes to OUT/scan, the results and report.html to OUT", DefaultValueFactory = _ => Path.Combine("out", "demo") };
        var cmd = new Command("demo", "The main job on the embedded default: simulate the small 'demo' scan (truth known) and process it into results.h5, summary.json and report.html.") { outDir };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(r.GetValue(outDir)!)));
        return cmd;
    }

    private static int Execute(string outDir)
    {
        var sw = Stopwatch.StartNew();
        var scanDir = Path.Combine(outDir, "scan");
        Directory.CreateDirectory(scanDir);
        var scanJson = Path.Combine(outDir, "demo.json");
        using (var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource {Resource} missing from the build"))
        using (var file = File.Create(scanJson))
        {
            stream.CopyTo(file);
        }

        Console.Error.WriteLine($"demo: 1/2 simulate {scanJson} → {Path.GetFullPath(scanDir)}");
        int code = CliApp.Run(["simulate", "--scan", scanJson, "--out", scanDir]);
        if (code != ExitCodes.Ok)
        {
            return code;
        }

        Console.Error.WriteLine($"demo: 2/2 process → {Path.GetFullPath(outDir)}");
        code = CliApp.Run([
            "process", Path.Combine(scanDir, "demo_master.h5"),
            "--scan", Path.Combine(scanDir, "demo_scan.json"),
            "--poni", Path.Combine(scanDir, "demo.poni"),
            "--mask", Path.Combine(scanDir, "demo_beamstop.npy"),
            "--out", outDir,
        ]);
        if (code == ExitCodes.Ok)
        {
            Console.WriteLine($"demo: done in {sw.Elapsed.TotalSeconds:F1} s — open {Path.GetFullPath(Path.Combine(outDir, "report.html"))}");
            Console.WriteLine($"demo: the truth to compare with is in {Path.GetFullPath(Path.Combine(scanDir, "demo_truth.json"))}");
        }

        return code;
    }
}
