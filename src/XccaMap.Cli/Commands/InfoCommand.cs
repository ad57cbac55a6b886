using System.CommandLine;
using System.Text.Json;
using XccaMap.Detector.Eiger;

namespace XccaMap.Cli.Commands;

/// <summary><c>xccamap info MASTER [--json]</c>: what a scan's files hold.</summary>
internal static class InfoCommand
{
    public static Command Build()
    {
        var master = new Argument<string>("MASTER") { Description = "Eiger *_master.h5 (or a data file, or FILE.h5::/dataset)" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON instead of text" };
        var cmd = new Command("info", "Show a scan's metadata, frames per data file, detector shape, pixel type, compression and masked pixels.")
        {
            master,
            json,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(r.GetValue(master)!, r.GetValue(json))));
        return cmd;
    }

    private static int Execute(string path, bool asJson)
    {
        using var scan = EigerScan.Open(path);
        string? maskError = null;
        long? masked = null;
        try
        {
            var mask = scan.ReadPixelMask();
            masked = mask?.Count(v => v != 0);
        }
        catch (ScanFormatException e)
        {
            maskError = e.Message;
        }

        var m = scan.Metadata;
        var info = new
        {
            master = scan.MasterPath,
            detector = m.Description,
            shape = new[] { scan.Rows, scan.Columns },
            dtype = scan.ElementType.ToString(),
            compression = scan.Compression,
            frames = new { present = scan.PresentFrameCount, indexed = scan.FrameCount, expected = m.ExpectedFrames },
            data_files = scan.Sources.Select(s => new { name = s.Name, file = s.FilePath, dataset = s.DatasetPath, first_frame = s.FirstFrame, frames = s.FrameCount, present = s.IsPresent, problem = s.MissingReason }),
            metadata = new
            {
                wavelength_angstrom = m.WavelengthMetres * 1e10,
                detector_distance_m = m.DistanceMetres,
                beam_center_x_px = m.BeamCenterX,
                beam_center_y_px = m.BeamCenterY,
                x_pixel_size_m = m.PixelSizeX,
                y_pixel_size_m = m.PixelSizeY,
                count_time_s = m.CountTimeSeconds,
                bit_depth_image = m.BitDepthImage,
                saturation_value = m.SaturationValue,
                nimages = m.NImages,
                ntrigger = m.NTrigger,
            },
            masked_pixels = masked,
            problems = scan.Problems.Select(p => p.ToString()).Concat(maskError is null ? [] : [maskError]),
        };

        if (asJson)
        {
            Console.WriteLine(JsonSerializer.Serialize(info, JsonOptions.Indented));
            return maskError is null ? ExitCodes.Ok : ExitCodes.BadData;
        }

        Console.WriteLine($"scan        {scan.MasterPath}");
        Console.WriteLine($"detector    {m.Description ?? "(no description)"}, {scan.Rows} rows × {scan.Columns} columns, {scan.ElementType}, {scan.Compression}");
        Console.WriteLine($"frames      {scan.PresentFrameCount} present of {m.ExpectedFrames?.ToString() ?? "?"} expected (nimages × ntrigger), in {scan.Sources.Count} dataset(s)");
        foreach (var s in scan.Sources.Take(20))
        {
            Console.WriteLine($"  {s.Name,-12} frames {s.FirstFrame,6}–{s.FirstFrame + s.FrameCount - 1,-6} {(s.IsPresent ? "ok     " : "MISSING")} {Path.GetFileName(s.FilePath)}:{s.DatasetPath}");
        }

        if (scan.Sources.Count > 20)
        {
            Console.WriteLine($"  … {scan.Sources.Count - 20} more ({scan.Sources.Count(s => !s.IsPresent)} missing in all)");
        }

        Console.WriteLine($"wavelength  {Fmt(m.WavelengthMetres * 1e10, "Å")}");
        Console.WriteLine($"distance    {Fmt(m.DistanceMetres, "m")}");
        Console.WriteLine($"beam centre x {Fmt(m.BeamCenterX, "px")}, y {Fmt(m.BeamCenterY, "px")}");
        Console.WriteLine($"pixel size  {Fmt(m.PixelSizeX * 1e6, "µm")} × {Fmt(m.PixelSizeY * 1e6, "µm")}");
        Console.WriteLine($"count time  {Fmt(m.CountTimeSeconds, "s")}; bit depth {m.BitDepthImage?.ToString() ?? "?"}; saturation {m.SaturationValue?.ToString() ?? "?"}");
        Console.WriteLine($"pixel_mask  {(masked is null ? maskError ?? "absent" : $"{masked} pixels masked")}");
        var problems = scan.Problems;
        foreach (var p in problems.Take(10))
        {
            Console.WriteLine(p);
        }

        if (problems.Count > 10)
        {
            Console.WriteLine($"… {problems.Count - 10} more problems (use --json for all)");
        }

        return maskError is null ? ExitCodes.Ok : ExitCodes.BadData;
    }

    private static string Fmt(double? v, string unit) => v is null ? "?" : $"{v.Value:G6} {unit}";
}
