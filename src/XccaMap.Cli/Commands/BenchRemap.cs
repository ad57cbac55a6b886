using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap bench remap</c>: the polar remap on real files — remap only (per core and on all cores) and end to
/// end from the file (read + decode + remap): full frame into a 2D cake, and band-restricted with ROI decoding.
/// </summary>
internal static class BenchRemap
{
    public static Command Build()
    {
        var master = new Argument<string>("MASTER") { Description = "Eiger *_master.h5 (or data file)" };
        var poni = new Option<string?>("--poni") { Description = "pyFAI PONI file; default: geometry from the master's metadata" };
        var masks = new Option<string[]>("--mask") { Description = "Extra mask (.npy or FILE.h5::/dataset); repeatable", DefaultValueFactory = _ => [] };
        var frames = new Option<int>("--frames") { Description = "Frames to read end to end (cycling over the scan if it has fewer)", DefaultValueFactory = _ => 200 };
        var qBins = new Option<int>("--q-bins") { Description = "q bins of the full-frame cake", DefaultValueFactory = _ => 500 };
        var phiBins = new Option<int>("--phi-bins") { Description = "φ bins of the full-frame cake", DefaultValueFactory = _ => 360 };
        var bands = new Option<string?>("--bands") { Description = "q bands (Å⁻¹) for the band-restricted remap, e.g. 0.07:0.16,1.80:1.88,2.08:2.16" };
        var split = new Option<string>("--split") { Description = "Pixel splitting: none, bbox or full", DefaultValueFactory = _ => "none" };
        split.AcceptOnlyFromAmong("none", "bbox", "full");
        var saveMask = new Option<string?>("--save-mask") { Description = "Also write the combined mask as .npy (1 = excluded), e.g. to give pyFAI the same mask" };
        var cmd = new Command("remap", "Polar remap throughput: remap only per core and on all cores, and end to end from the file (full frame; band-restricted with ROI decoding).")
        {
            master, poni, masks, frames, qBins, phiBins, bands, split, saveMask,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(
            r.GetValue(master)!, r.GetValue(poni), r.GetValue(masks)!, r.GetValue(frames), r.GetValue(qBins), r.GetValue(phiBins), r.GetValue(bands),
            r.GetValue(split) switch { "bbox" => PixelSplit.BoundingBox, "full" => PixelSplit.Full, _ => PixelSplit.None }, r.GetValue(saveMask))));
        return cmd;
    }

    private static int Execute(string masterPath, string? poniPath, string[] maskFiles, int frameCount, int qBins, int phiBins, string? bandText, PixelSplit split, string? saveMask)
    {
        using var scan = EigerScan.Open(masterPath);
        var present = FrameStream.PresentFrames(scan).ToArray();
        if (present.Length == 0)
        {
            throw new InvalidDataException($"no readable frames in {scan.MasterPath}");
        }

        var poni = IntegrateCommand.Geometry(scan, poniPath);
        var geometry = PixelGeometry.Create(poni, new DetectorShape(scan.Rows, scan.Columns));
        using var first = scan.ReadFrame(present[0]);
        var mask = ScanMask.Start(scan, first, maskFiles).Build();
        if (saveMask is not null)
        {
            mask.Save(saveMask);
        }

        float qMax = 0;
        foreach (var q in geometry.Q.Span)
        {
            qMax = Math.Max(qMax, q);
        }

        var sw = Stopwatch.StartNew();
        var full = RemapTable.Build(geometry, mask, RemapBins.Cake(0, qMax * 1.0001, qBins, phiBins), new RemapOptions { Split = split });
        var buildFull = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"bench remap: {scan.MasterPath}, {scan.Rows}×{scan.Columns}, {Environment.ProcessorCount} cores, split {split}");
        Console.WriteLine($"  full-frame table: {qBins} q × {phiBins} φ bins, {full.EntryCount} entries, built in {buildFull:F2} s (once per scan)");
        var frame = first.Data.ToArray();
        foreach (var threads in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            var res = RemapBenchmark.Measure(full, frame, threads, frames: 30, description: $"full frame, {threads} thread(s)");
            Console.WriteLine($"  remap only, full frame, {threads} thread(s): best {res.BestMilliseconds:F2} ms, median {res.MedianMilliseconds:F2} ms/frame");
        }

        var order = Enumerable.Range(0, frameCount).Select(i => present[i % present.Length]).ToArray();
        Console.WriteLine($"  {"end to end from the file",-44} {"frames/s",9} {"ms/frame",9}");
        Report("full frame, direct decode, 2D cake", EndToEnd(scan, full, order, null));
        if (bandText is not null)
        {
            var bandList = ParseBands(bandText);
            sw.Restart();
            var banded = RemapTable.Build(geometry, mask, RemapBins.Cake(bandList.Min(b => b.QMin), bandList.Max(b => b.QMax), qBins, phiBins), new RemapOptions { Split = split, Bands = bandList });
            var roi = FrameRoi.FromRuns(scan.PixelsPerFrame, banded.PixelRanges);
            Console.WriteLine($"  band table: {bandList.Count} bands, {banded.EntryCount} entries ({(double)banded.EntryCount / full.EntryCount:P1} of full), ROI {roi.Fraction:P1} of pixels, built in {sw.Elapsed.TotalSeconds:F2} s");
            Report("bands, ROI decode", EndToEnd(scan, banded, order, roi));
        }

        return ExitCodes.Ok;
    }

    private static void Report(string name, (double Seconds, int Frames) r) =>
        Console.WriteLine($"  {name,-44} {r.Frames / r.Seconds,9:F1} {1000 * r.Seconds / r.Frames,9:F2}");

    /// <summary>Read + decode (parallel, bounded) + remap each frame; the remap runs on the consumer with all cores.</summary>
    private static (double Seconds, int Frames) EndToEnd(EigerScan scan, RemapTable table, long[] order, FrameRoi? roi)
    {
        var acc = new RemapAccumulator(table);
        foreach (var warm in FrameStream.Read(scan, order.Take(2), new FrameStreamOptions { Roi = roi }))
        {
            using (warm.Frame)
            {
            }
        }

        var sw = Stopwatch.StartNew();
        int n = 0;
        foreach (var result in FrameStream.Read(scan, order, new FrameStreamOptions { Roi = roi }))
        {
            using (result.Frame)
            {
                if (result.Frame is { } f)
                {
                    table.Integrate(f.Data, acc, Environment.ProcessorCount);
                    n++;
                }
            }
        }

        return (sw.Elapsed.TotalSeconds, Math.Max(n, 1));
    }

    private static List<QBand> ParseBands(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var ab = part.Split(':');
            if (ab.Length != 2 || !double.TryParse(ab[0], CultureInfo.InvariantCulture, out var a) || !double.TryParse(ab[1], CultureInfo.InvariantCulture, out var b) || !(b > a))
            {
                throw new UsageException($"--bands '{text}': expected MIN:MAX[,MIN:MAX…] in Å⁻¹");
            }

            return new QBand(a, b);
        }).ToList();
}
