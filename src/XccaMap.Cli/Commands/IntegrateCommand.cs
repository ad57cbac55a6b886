using System.CommandLine;
using System.Diagnostics;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;
using XccaMap.Hdf5;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap integrate</c>: radial profiles (and optionally (q, φ) cakes) of frames to a NeXus file that
/// silx and h5py plot directly.
/// </summary>
internal static class IntegrateCommand
{
    public static Command Build()
    {
        var master = new Argument<string>("MASTER") { Description = "Eiger *_master.h5 (or data file, or FILE.h5::/dataset)" };
        var poni = new Option<string?>("--poni") { Description = "pyFAI PONI file (v1 or v2); default: geometry from the master's metadata, no tilts" };
        var masks = new Option<string[]>("--mask") { Description = "Extra mask (non-zero = excluded): NumPy .npy or FILE.h5::/dataset; repeatable", AllowMultipleArgumentsPerToken = false, DefaultValueFactory = _ => [] };
        var frames = new Option<string?>("--frames") { Description = "Frames to integrate, e.g. 0-99,120,200- (0-based, inclusive); default: all readable frames" };
        var qBins = new Option<int>("--q-bins") { Description = "Number of q bins", DefaultValueFactory = _ => 1000 };
        var qRange = new Option<string?>("--q-range") { Description = "q range in Å⁻¹ as MIN:MAX; default: 0 to the largest q on the detector" };
        var phiBins = new Option<int>("--phi-bins") { Description = "Azimuthal bins of a (q, φ) cake per frame; 0 = radial profiles only", DefaultValueFactory = _ => 0 };
        var split = new Option<string>("--split") { Description = "Pixel splitting: none, bbox or full", DefaultValueFactory = _ => "none" };
        split.AcceptOnlyFromAmong("none", "bbox", "full");
        var noSolid = new Option<bool>("--no-solid-angle") { Description = "Do not normalise by the pixels' solid angle" };
        var polarisation = new Option<double?>("--polarisation") { Description = "Polarisation factor in [-1, 1] (pyFAI convention, e.g. 0.99 at a synchrotron); default: no correction" };
        var output = new Option<string>("--out") { Description = "Output HDF5 file (NeXus NXdata)", Required = true };
        var cmd = new Command("integrate", "Azimuthal integration of frames: radial profiles I(q) (and (q, φ) cakes with --phi-bins) to a NeXus HDF5 file.")
        {
            master, poni, masks, frames, qBins, qRange, phiBins, split, noSolid, polarisation, output,
        };
        cmd.SetAction(r => CommandRunner.Run(() =>
        {
            var options = new RemapOptions
            {
                Split = r.GetValue(split) switch { "bbox" => PixelSplit.BoundingBox, "full" => PixelSplit.Full, _ => PixelSplit.None },
                CorrectSolidAngle = !r.GetValue(noSolid),
                PolarisationFactor = r.GetValue(polarisation),
            };
            return Execute(r.GetValue(master)!, r.GetValue(poni), r.GetValue(masks)!, r.GetValue(frames), r.GetValue(qBins), r.GetValue(qRange), r.GetValue(phiBins), options, r.GetValue(output)!);
        }));
        return cmd;
    }

    /// <summary>The scan's geometry: a PONI file, or the master's NXmx metadata (no tilts).</summary>
    internal static PoniGeometry Geometry(EigerScan scan, string? poniPath)
    {
        if (poniPath is not null)
        {
            return PoniGeometry.Read(poniPath);
        }

        var m = scan.Metadata;
        if (m.BeamCenterX is not { } bx || m.BeamCenterY is not { } by || m.DistanceMetres is not { } d || m.WavelengthMetres is not { } wl || m.PixelSizeX is not { } px)
        {
            throw new UsageException($"{scan.MasterPath} lacks beam centre, distance, wavelength or pixel size: give --poni");
        }

        return PoniGeometry.FromNxmx(bx, by, d, px, m.PixelSizeY ?? px, wl, new DetectorShape(scan.Rows, scan.Columns));
    }

    private static int Execute(string masterPath, string? poniPath, string[] maskFiles, string? frameText, int qBins, string? qRangeText, int phiBins, RemapOptions options, string outPath)
    {
        if (qBins <= 0 || phiBins < 0)
        {
            throw new UsageException("--q-bins must be positive and --phi-bins zero or positive");
        }

        using var scan = EigerScan.Open(masterPath);
        var frames = FrameSelection.Parse(frameText, FrameStream.PresentFrames(scan).ToList());
        var poni = Geometry(scan, poniPath);
        var setup = Stopwatch.StartNew();
        var geometry = PixelGeometry.Create(poni, new DetectorShape(scan.Rows, scan.Columns));
        using var first = scan.ReadFrame(frames[0]);
        var mask = ScanMask.Start(scan, first, maskFiles).Build();
        var (qMin, qMax) = ParseRange(qRangeText, geometry);
        var radial = RemapTable.Build(geometry, mask, RemapBins.Radial(qMin, qMax, qBins), options);
        var cake = phiBins > 0 ? RemapTable.Build(geometry, mask, RemapBins.Cake(qMin, qMax, qBins, phiBins), options) : null;
        Console.Error.WriteLine($"integrate: {frames.Count} frames, {qBins} q bins in [{qMin:G4}, {qMax:G4}] Å⁻¹{(cake is null ? string.Empty : $", cakes {phiBins} φ bins")}, {mask.ExcludedCount} pixels masked; setup {setup.Elapsed.TotalSeconds:F1} s");

        var sw = Stopwatch.StartNew();
        int skipped = 0;
        AtomicFile.Write(outPath, tmp =>
        {
            using var writer = new IntegrationWriter(tmp, scan, poni, radial, cake, mask, frames.Count);
            var acc = new RemapAccumulator(radial);
            var cakeAcc = cake is null ? null : new RemapAccumulator(cake);
            int row = 0;
            foreach (var result in FrameStream.Read(scan, frames))
            {
                using (result.Frame)
                {
                    if (result.Frame is not { } frame)
                    {
                        Console.Error.WriteLine($"integrate: skipped {result.Error!.Message}");
                        skipped++;
                        continue;
                    }

                    radial.Integrate(frame.Data, acc, Environment.ProcessorCount);
                    if (cakeAcc is not null)
                    {
                        cake!.Integrate(frame.Data, cakeAcc, Environment.ProcessorCount);
                    }

                    writer.Append(row++, result.Index, RadialProfile.From(acc), cakeAcc is null ? null : Cake.From(cakeAcc));
                }

                if (row % 50 == 0)
                {
                    Console.Error.Write($"\rintegrate: {row}/{frames.Count} frames, {row / sw.Elapsed.TotalSeconds:F1} frames/s");
                }
            }

            writer.Finish(row, skipped);
        });
        Console.Error.WriteLine();
        Console.WriteLine($"wrote {Path.GetFullPath(outPath)}: {frames.Count - skipped} frames integrated, {skipped} skipped, {(frames.Count - skipped) / sw.Elapsed.TotalSeconds:F1} frames/s");
        return ExitCodes.Ok;
    }

    private static (double Min, double Max) ParseRange(string? text, PixelGeometry geometry)
    {
        if (text is null)
        {
            var q = geometry.Q.Span;
            float max = 0;
            foreach (var v in q)
            {
                max = Math.Max(max, v);
            }

            return (0, max * 1.0001);
        }

        var parts = text.Split(':');
        if (parts.Length != 2 || !double.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var a)
            || !double.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var b) || !(b > a) || a < 0)
        {
            throw new UsageException($"--q-range '{text}': expected MIN:MAX in Å⁻¹ with 0 ≤ MIN < MAX");
        }

        return (a, b);
    }
}
