using System.CommandLine;
using System.Globalization;
using XccaMap.Detector.Eiger;
using XccaMap.Diffraction.Boundary;
using XccaMap.Hdf5;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap boundary --results DIR/results.h5 [--from r,c --to r,c [--um]] [--reflection all|200] [--out DIR]</c>:
/// compression and rotation of the superlattice at domain boundaries (issue 8; outputs in docs/boundary-outputs.md).
/// </summary>
internal static class BoundaryCommand
{
    public static Command Build()
    {
        var results = new Option<string>("--results") { Description = "results.h5 written by 'xccamap process'", Required = true };
        var from = new Option<string?>("--from") { Description = "Line start 'row,col' (raster indices, fractional allowed; with --um: 'y,x' in µm), inside the domain" };
        var to = new Option<string?>("--to") { Description = "Line end 'row,col' (or 'y,x' in µm with --um), across the domain edge" };
        var um = new Option<bool>("--um") { Description = "--from/--to are positions in µm (y along rows, x along columns; needs the raster step in results.h5)" };
        var reflection = new Option<string>("--reflection") { Description = "SL reflection whose q map is used ('200', '311', … as mapped by process), or 'all' to combine every mapped reflection into one lattice scale", DefaultValueFactory = _ => "all" };
        var sampling = new Option<string>("--sampling") { Description = "Line sampling: 'nearest' (raster points nearest the line, no interpolation) or 'bilinear' (even spacing, interpolated)", DefaultValueFactory = _ => "nearest" };
        var noRotation = new Option<bool>("--no-rotation") { Description = "Skip the rotation analysis of the line (which reads frames)" };
        var master = new Option<string?>("--master") { Description = "Eiger master file (default: the one recorded in results.h5)" };
        var poni = new Option<string?>("--poni") { Description = "PONI geometry (default: the geometry recorded in results.h5)" };
        var masks = new Option<string[]>("--mask") { Description = "Masks (.npy, non-zero = excluded) for the rotation analysis; repeatable (default: the .npy masks process used)", DefaultValueFactory = _ => [] };
        var maxTilt = new Option<double>("--max-tilt") { Description = "Largest out-of-plane tilt searched, degrees", DefaultValueFactory = _ => 25.0 };
        var outDir = new Option<string?>("--out") { Description = "Output folder (default: boundary/ beside results.h5)" };
        var cmd = new Command("boundary", "Compression and rotation of the superlattice at domain boundaries: q map with errors and quality flags, compression against distance to the domain edge (whole scan, per domain and along a line), rotation along a line from pattern matching.")
        {
            results, from, to, um, reflection, sampling, noRotation, master, poni, masks, maxTilt, outDir,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(new BoundaryRequest(
            r.GetValue(results)!, r.GetValue(from), r.GetValue(to), r.GetValue(um), r.GetValue(reflection)!, r.GetValue(sampling)!, !r.GetValue(noRotation),
            r.GetValue(master), r.GetValue(poni), r.GetValue(masks) ?? [], r.GetValue(maxTilt), r.GetValue(outDir)))));
        return cmd;
    }

    private static int Execute(BoundaryRequest q)
    {
        if ((q.From is null) != (q.To is null))
        {
            throw new UsageException("give both --from and --to for a line (or neither for the whole-scan statistics only)");
        }

        var sampling = q.Sampling.ToLowerInvariant() switch
        {
            "nearest" => LineSampling.Nearest,
            "bilinear" => LineSampling.Bilinear,
            _ => throw new UsageException($"--sampling must be 'nearest' or 'bilinear', not '{q.Sampling}'"),
        };
        if (!(q.MaxTilt > 0 && q.MaxTilt <= 60))
        {
            throw new UsageException("--max-tilt must be in (0, 60] degrees");
        }

        var maps = ResultsMapsReader.Read(q.Results);
        var frames = new FrameAccessOptions { MasterPath = q.Master, PoniPath = q.Poni, MaskPaths = q.Masks };
        var refitNotes = new List<string>();
        if (!string.Equals(q.Reflection, "all", StringComparison.OrdinalIgnoreCase) && maps.QMap(q.Reflection) is null)
        {
            maps = Refit(maps, q.Reflection, frames);
            refitNotes.Add($"reflection {q.Reflection} is not mapped in results.h5: its q map was fitted from the frames (Gaussian + linear background per frame)");
        }

        BoundaryResult result;
        try
        {
            result = BoundaryResult.Analyse(maps, new QMapOptions { Reflection = q.Reflection });
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        var notes = result.Notes.Concat(refitNotes).ToList();
        if (q.From is not null)
        {
            var (r0, c0) = Point(q.From, "--from", q.Um, maps);
            var (r1, c1) = Point(q.To!, "--to", q.Um, maps);
            LineProfile line;
            try
            {
                line = LineProfiler.Profile(maps, result.Domains, result.Distances, result.QMap, r0, c0, r1, c1, new LineOptions { Sampling = sampling });
            }
            catch (ArgumentException e)
            {
                throw new UsageException(e.Message);
            }

            result = result with { Line = line };
            if (q.Rotation && line.Domain >= 0)
            {
                var rotationLine = sampling == LineSampling.Nearest ? line
                    : LineProfiler.Profile(maps, result.Domains, result.Distances, result.QMap, line.FromRow, line.FromCol, line.ToRow, line.ToCol);
                try
                {
                    result = result with { Rotation = RotationAnalysis.Run(maps, result.Domains, result.Distances, rotationLine, frames, new RotationOptions { MaxTiltDeg = q.MaxTilt }) };
                }
                catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidDataException or ScanFormatException or H5Exception or IOException)
                {
                    // The compression results stand on their own: report the failure and write them.
                    notes.Add("rotation analysis skipped: " + e.Message);
                    Console.Error.WriteLine($"xccamap: warning: rotation analysis skipped: {e.Message} (give --master/--poni, or --no-rotation)");
                }
            }
            else if (q.Rotation)
            {
                notes.Add("no rotation analysis: the line starts in no domain");
            }
        }

        result = result with { Notes = notes };
        string outDir = q.Out ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(q.Results)) ?? ".", "boundary");
        Directory.CreateDirectory(outDir);
        var files = new List<string>();
        BoundaryJson.Write(Path.Combine(outDir, "boundary.json"), result);
        BoundaryHdf5.Write(Path.Combine(outDir, "boundary.h5"), result);
        files.Add("boundary.json");
        files.Add("boundary.h5");
        files.AddRange(BoundaryTables.Write(outDir, result));
        files.AddRange(BoundaryFigures.Write(outDir, result));
        BoundaryConsole.Print(result, outDir, files);
        return ExitCodes.Ok;
    }

    /// <summary>Fits the q map of a reflection process did not map from the frames (a pass over the scan's SAXS band).</summary>
    private static ResultsMaps Refit(ResultsMaps maps, string reflection, FrameAccessOptions frames)
    {
        if (!Millers.IsFccLabel(reflection) || !(maps.LatticeConstant > 0))
        {
            throw new UsageException($"reflection {reflection} is not mapped in {maps.Source} (mapped: {string.Join(", ", maps.QMaps.Select(m => m.Hkl ?? m.Name))}) and is not an fcc reflection label that could be fitted from the frames");
        }

        var (lo, hi) = QMapRefit.Window(Millers.SumOfSquares(reflection), maps.LatticeConstant, maps.Rings.Where(r => r.Superlattice).Select(r => r.Q));
        double band = maps.Rings.Where(r => r.Superlattice).Select(r => r.QMax).DefaultIfEmpty(0).Max();
        if (hi > 1.5 * band)
        {
            throw new UsageException(FormattableString.Invariant($"reflection {reflection} (q up to {hi:0.000} Å⁻¹) lies far beyond the superlattice rings of {maps.Source} (up to {band:0.000} Å⁻¹)"));
        }

        var sample = Enumerable.Range(0, maps.Points).Where(i => maps.SaxsClass[i] >= 0).Select(i => (i / maps.Cols, i % maps.Cols)).ToList();
        var hot = sample.Count == 0 ? [] : Enumerable.Range(0, 8).Select(k => sample[k * sample.Count / 8]).Distinct().ToList();
        Console.Error.WriteLine($"xccamap: fitting q of {reflection} on every frame (not mapped by process)…");
        using var reader = PatternReader.Open(maps, frames with { IncludeQ = (0.98 * lo, 1.02 * hi) }, hot);
        try
        {
            return maps with { QMaps = [.. maps.QMaps, QMapRefit.Compute(maps, reflection, reader)] };
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>Parses "a,b" into raster (row, col); with <paramref name="um"/> a and b are y and x in µm.</summary>
    private static (double Row, double Col) Point(string text, string option, bool um, ResultsMaps maps)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double a)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double b))
        {
            throw new UsageException($"{option} '{text}': expected two numbers 'row,col' (e.g. 12,40)");
        }

        if (!um)
        {
            return (a, b);
        }

        if (!maps.HasStep)
        {
            throw new UsageException($"{option} in µm needs the raster step, but {maps.Source} gives none; give raster indices instead");
        }

        return (a / maps.StepUm, b / maps.StepUm); // µm → raster steps at this boundary
    }
}
