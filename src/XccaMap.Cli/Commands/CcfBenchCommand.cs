using System.CommandLine;
using XccaMap.Diffraction.Xcca;

namespace XccaMap.Cli.Commands;

/// <summary><c>xccamap ccf bench [--bins N]</c>: per-frame cost of the masked CCF (FFT path, O(N²) reference, MathNet FFT).</summary>
internal static class CcfBenchCommand
{
    public static Command Build()
    {
        var bins = new Option<int[]>("--bins") { Description = "φ bins N (Δ step 360/N); repeatable", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [180, 360, 720] };
        var seconds = new Option<double>("--seconds") { Description = "Time per measured path, seconds (best of 15 trials)", DefaultValueFactory = _ => 1.0 };
        var cmd = new Command("bench", "Benchmark the masked CCF per frame: our FFT path against the O(N²) reference and MathNet's FFT.") { bins, seconds };
        cmd.SetAction(r => CommandRunner.Run(() =>
        {
            foreach (int n in r.GetValue(bins) ?? [])
            {
                if (n < 2)
                {
                    throw new UsageException($"--bins {n}: need at least 2");
                }

                Console.WriteLine(CcfBenchmark.Run(n, r.GetValue(seconds)));
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
