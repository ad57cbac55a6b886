using System.CommandLine;
using System.Diagnostics;
using XccaMap.Detector.Eiger;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap demo</c>: the main job on the embedded default — write a small full-size Eiger scan,
/// then run <c>info</c> and the read benchmark on it.
/// </summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var outDir = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => Path.Combine("out", "demo") };
        var cmd = new Command("demo", "Run the main job on the embedded default scan and write its outputs to --out.") { outDir };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(r.GetValue(outDir)!)));
        return cmd;
    }

    private static int Execute(string outDir)
    {
        var sw = Stopwatch.StartNew();
        const int rows = 2167, cols = 2070, frames = 24;
        var spec = new NxmxScanSpec
        {
            Directory = outDir,
            Name = "demo",
            Rows = rows,
            Columns = cols,
            Frames = frames,
            FramesPerFile = 10,
            Metadata = new EigerMetadata
            {
                WavelengthMetres = 0.898e-10,
                DistanceMetres = 0.41,
                BeamCenterX = 60,
                BeamCenterY = 2100,
                PixelSizeX = 75e-6,
                PixelSizeY = 75e-6,
                CountTimeSeconds = 0.3,
            },
        };
        Console.Error.WriteLine($"demo: writing {frames} full-size frames to {Path.GetFullPath(outDir)}");
        var rng = new Random(2019);
        var pixels = new uint[rows * cols];
        using (var writer = NxmxWriter.Create(spec))
        {
            for (int f = 0; f < frames; f++)
            {
                for (int i = 0; i < pixels.Length; i++)
                {
                    pixels[i] = rng.NextDouble() < 0.02 ? (uint)rng.Next(1, 4) : 0u;
                }

                writer.WriteFrame(pixels);
            }
        }

        Console.Error.WriteLine($"demo: written in {sw.Elapsed.TotalSeconds:F1} s");
        var master = spec.MasterPath;
        int code = CliApp.Run(["info", master]);
        return code != ExitCodes.Ok ? code : CliApp.Run(["bench", "read", master]);
    }
}
