using System.CommandLine;
using System.Diagnostics;
using XccaMap.Detector.Eiger;

namespace XccaMap.Cli.Commands;

/// <summary><c>xccamap bench …</c>: throughput measurements on real files.</summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var cmd = new Command("bench", "Measure throughput (frames/s, MB/s) on a scan.");
        cmd.Add(BuildRead());
        cmd.Add(BenchScanMaker.Build());
        cmd.Add(BenchRemap.Build());
        return cmd;
    }

    private static Command BuildRead()
    {
        var master = new Argument<string>("MASTER") { Description = "Eiger *_master.h5 (or data file)" };
        var frames = new Option<int>("--frames") { Description = "Frames to read (cycling over the scan if it has fewer); default: all present frames", DefaultValueFactory = _ => 0 };
        var path = new Option<string>("--path") { Description = "Decode path: direct (our decoder on raw chunks, parallel), hdf5 (HDF5 filter pipeline) or both", DefaultValueFactory = _ => "both" };
        path.AcceptOnlyFromAmong("direct", "hdf5", "both");
        var roi = new Option<string?>("--roi") { Description = "Decode only these rows, e.g. rows:0-200,1900-2166 (direct path)" };
        var cmd = new Command("read", "Read and decode frames as fast as possible; report frames/s, MB/s (uncompressed) and peak memory.")
        {
            master, frames, path, roi,
        };
        cmd.SetAction(r => CommandRunner.Run(() => ExecuteRead(r.GetValue(master)!, r.GetValue(frames), r.GetValue(path)!, r.GetValue(roi))));
        return cmd;
    }

    private static int ExecuteRead(string masterPath, int frameCount, string path, string? roiText)
    {
        using var scan = EigerScan.Open(masterPath);
        var present = FrameStream.PresentFrames(scan).ToArray();
        if (present.Length == 0)
        {
            throw new InvalidDataException($"no readable frames in {scan.MasterPath}");
        }

        int n = frameCount > 0 ? frameCount : present.Length;
        var order = Enumerable.Range(0, n).Select(i => present[i % present.Length]);
        var roi = roiText is null ? null : FrameRoi.Parse(roiText, scan.Rows, scan.Columns);
        double mbPerFrame = (double)scan.PixelsPerFrame * scan.ElementType.Size / 1e6;
        Console.WriteLine($"bench read: {scan.MasterPath}");
        Console.WriteLine($"  {n} frames of {scan.Rows}×{scan.Columns} {scan.ElementType} ({mbPerFrame:F1} MB uncompressed each), {scan.Compression}, {Environment.ProcessorCount} cores");
        var runs = new List<(string Name, FrameStreamOptions Options)>();
        if (path is "direct" or "both")
        {
            runs.Add(("direct", new FrameStreamOptions { Path = DecodePath.Direct }));
            if (roi is not null)
            {
                runs.Add(($"direct+roi ({roi.Fraction:P1} of pixels)", new FrameStreamOptions { Path = DecodePath.Direct, Roi = roi }));
            }
        }

        if (path is "hdf5" or "both")
        {
            runs.Add(("hdf5", new FrameStreamOptions { Path = DecodePath.Hdf5 }));
        }

        Console.WriteLine($"  {"path",-28} {"frames/s",10} {"MB/s",9} {"errors",7} {"peak RSS MB",12}");
        foreach (var (name, options) in runs)
        {
            // Warm-up: one frame, so JIT and file opening are not timed.
            foreach (var w in FrameStream.Read(scan, present.Take(1), options))
            {
                w.Frame?.Dispose();
            }

            var sw = Stopwatch.StartNew();
            int errors = 0;
            foreach (var result in FrameStream.Read(scan, order, options))
            {
                if (result.Frame is null)
                {
                    errors++;
                }

                result.Frame?.Dispose();
            }

            sw.Stop();
            double fps = n / sw.Elapsed.TotalSeconds;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;
            Console.WriteLine($"  {name,-28} {fps,10:F1} {fps * mbPerFrame,9:F0} {errors,7} {peak,12:F0}");
        }

        foreach (var p in scan.Problems.Take(10))
        {
            Console.WriteLine(p);
        }

        return ExitCodes.Ok;
    }
}
