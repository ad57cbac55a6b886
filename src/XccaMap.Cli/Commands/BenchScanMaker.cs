using System.CommandLine;
using System.Diagnostics;
using XccaMap.Detector.Eiger;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap bench make-scan</c>: a benchmark scan of real-looking frames — each frame a Poisson
/// resampling of a template frame (e.g. a real Eiger 4M frame), so every frame differs but has the
/// template's statistics and compressibility.
/// </summary>
internal static class BenchScanMaker
{
    public static Command Build()
    {
        var template = new Option<string>("--template") { Description = "Frame to resample: a scan, data file or FILE.h5::/dataset (its first frame is used)", Required = true };
        var frames = new Option<int>("--frames") { Description = "Frames to write", DefaultValueFactory = _ => 1000 };
        var perFile = new Option<int>("--frames-per-file") { Description = "Frames per data file", DefaultValueFactory = _ => 100 };
        var outDir = new Option<string>("--out") { Description = "Output folder (writes bench_master.h5 and data files)", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var cmd = new Command("make-scan", "Write a benchmark scan whose frames are Poisson resamplings of a template frame.")
        {
            template, frames, perFile, outDir, seed,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(r.GetValue(template)!, r.GetValue(frames), r.GetValue(perFile), r.GetValue(outDir)!, r.GetValue(seed))));
        return cmd;
    }

    private static int Execute(string templatePath, int frameCount, int perFile, string outDir, int seed)
    {
        if (frameCount <= 0 || perFile <= 0)
        {
            throw new UsageException("--frames and --frames-per-file must be positive");
        }

        uint[] template;
        int rows, cols;
        using (var scan = EigerScan.Open(templatePath))
        {
            using var frame = scan.ReadFrame(FrameStream.PresentFrames(scan).First());
            template = frame.Data.ToArray();
            (rows, cols) = (scan.Rows, scan.Columns);
        }

        var spec = new NxmxScanSpec { Directory = outDir, Name = "bench", Rows = rows, Columns = cols, Frames = frameCount, FramesPerFile = perFile };
        var sw = Stopwatch.StartNew();
        using var writer = NxmxWriter.Create(spec);
        int batch = Environment.ProcessorCount * 2;
        var buffers = Enumerable.Range(0, batch).Select(_ => new uint[template.Length]).ToArray();
        for (int start = 0; start < frameCount; start += batch)
        {
            int n = Math.Min(batch, frameCount - start);
            Parallel.For(0, n, k => Resample(template, buffers[k], new Random(HashCode.Combine(seed, start + k))));
            for (int k = 0; k < n; k++)
            {
                writer.WriteFrame(buffers[k]);
            }

            Console.Error.Write($"\rmake-scan: {start + n}/{frameCount} frames, {(start + n) / sw.Elapsed.TotalSeconds:F1} frames/s");
        }

        Console.Error.WriteLine();
        Console.WriteLine($"wrote {spec.MasterPath} ({frameCount} frames of {rows}×{cols}) in {sw.Elapsed.TotalSeconds:F1} s");
        return ExitCodes.Ok;
    }

    /// <summary>Poisson(v) per pixel; all-ones (gap) pixels stay all-ones.</summary>
    private static void Resample(uint[] template, uint[] output, Random rng)
    {
        for (int i = 0; i < template.Length; i++)
        {
            uint v = template[i];
            output[i] = v == uint.MaxValue ? v : Poisson(rng, v);
        }
    }

    private static uint Poisson(Random rng, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            // Normal approximation (mean > 30): fine for a throughput benchmark's frame statistics.
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            double z = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            return (uint)Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * z)));
        }

        double l = Math.Exp(-mean), p = 1;
        uint k = 0;
        do
        {
            k++;
            p *= rng.NextDouble();
        }
        while (p > l);
        return k - 1;
    }
}
