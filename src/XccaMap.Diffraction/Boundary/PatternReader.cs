using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Reads the frames of chosen raster points of a processed scan and reduces them (<see cref="PatternReducer"/>):
/// the master file and geometry recorded in results.h5 (or given), the Eiger pixel mask, the masks process used and
/// hot pixels found in the frames read. Only the compressed blocks holding the analysed pixels are decoded.
/// </summary>
public sealed class PatternReader : IDisposable
{
    private readonly EigerScan _scan;
    private readonly ResultsMaps _maps;
    private readonly FrameRoi _roi;

    private PatternReader(EigerScan scan, ResultsMaps maps, PatternReducer reducer, FrameRoi roi, IReadOnlyList<string> notes)
    {
        _scan = scan;
        _maps = maps;
        Reducer = reducer;
        _roi = roi;
        Notes = notes;
    }

    /// <summary>The reducer (tables, grid).</summary>
    public PatternReducer Reducer { get; }

    /// <summary>What was used (master, geometry, masks).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Opens the scan of <paramref name="maps"/>.</summary>
    /// <param name="maps">The results.</param>
    /// <param name="options">Where the frames are; defaults when null.</param>
    /// <param name="hotPixelPoints">Raster points whose frames are used to find hot pixels.</param>
    /// <exception cref="FileNotFoundException">The master file is not found.</exception>
    /// <exception cref="InvalidDataException">No geometry, or no superlattice ring to build the cake on.</exception>
    public static PatternReader Open(ResultsMaps maps, FrameAccessOptions? options = null, IReadOnlyList<(int Row, int Col)>? hotPixelPoints = null)
    {
        options ??= new FrameAccessOptions();
        string master = options.MasterPath ?? maps.MasterPath
            ?? throw new InvalidDataException($"{maps.Source} records no master file; give it with --master");
        var notes = new List<string> { $"frames from {master}" };
        var scan = EigerScan.Open(master);
        try
        {
            var shape = new DetectorShape(scan.Rows, scan.Columns);
            PoniGeometry poni;
            if (options.PoniPath is not null)
            {
                poni = PoniGeometry.Read(options.PoniPath);
                notes.Add($"geometry from {options.PoniPath}");
            }
            else
            {
                var g = maps.Geometry ?? throw new InvalidDataException($"{maps.Source} records no geometry (/entry/process); give a PONI file with --poni");
                double p1 = scan.Metadata.PixelSizeY ?? DetectorSpec.EigerPixelSize, p2 = scan.Metadata.PixelSizeX ?? DetectorSpec.EigerPixelSize;
                poni = new PoniGeometry(g.Distance, g.Poni1, g.Poni2, g.Rot1, g.Rot2, g.Rot3, g.WavelengthAngstrom * 1e-10, DetectorSpec.Generic(p1, p2, shape)); // Å → m at this boundary
                notes.Add("geometry from results.h5 (/entry/process) with the master file's pixel size");
            }

            var geometry = PixelGeometry.Create(poni, shape);
            var builder = new MaskBuilder(shape);
            if (scan.ReadPixelMask() is { } pixelMask)
            {
                builder.AddEigerPixelMask(pixelMask, shape, $"{master}:{EigerScan.PixelMaskPath}");
            }

            var masks = options.MaskPaths.Count > 0 ? options.MaskPaths : maps.MaskFiles;
            foreach (var path in masks)
            {
                builder.AddNpy(path);
                notes.Add($"mask {path}");
            }

            var (qMin, qMax) = SaxsRange(maps, options);
            var atomic = maps.Rings.Where(r => !r.Superlattice && r.QMax > r.QMin)
                .Select(r => new Ring(RingKind.AtomicLattice, r.Q, r.QMin, r.QMax, r.Fwhm, 0) { Hkl = r.Hkl }).ToList();

            // Hot pixels: judged on the analysed pixels of a few of the frames to be read.
            var provisional = new PatternReducer(geometry, builder.Build(), qMin, qMax, atomic, options);
            var roi = FrameRoi.FromRuns(scan.PixelsPerFrame, provisional.PixelRanges);
            var hotFrames = (hotPixelPoints ?? []).Select(p => maps.FrameOf(p.Row, p.Col)).Where(f => f < scan.FrameCount && scan.IsFramePresent(f))
                .Distinct().Take(Math.Max(0, options.HotPixelFrames)).ToList();
            if (hotFrames.Count >= 2)
            {
                var copies = new List<ReadOnlyMemory<uint>>();
                foreach (var r in FrameStream.Read(scan, hotFrames, new FrameStreamOptions { Roi = roi }))
                {
                    using (r.Frame)
                    {
                        if (r.Frame is { } frame)
                        {
                            copies.Add(frame.Data.ToArray());
                        }
                    }
                }

                if (copies.Count >= 2)
                {
                    int before = builder.ExcludedCount;
                    builder.AddHotPixels(copies);
                    notes.Add($"{builder.ExcludedCount - before} hot pixels found in {copies.Count} frames");
                }
            }

            var reducer = new PatternReducer(geometry, builder.Build(), qMin, qMax, atomic, options);
            return new PatternReader(scan, maps, reducer, FrameRoi.FromRuns(scan.PixelsPerFrame, reducer.PixelRanges), notes);
        }
        catch
        {
            scan.Dispose();
            throw;
        }
    }

    /// <summary>
    /// q range of the SAXS cake: from 0.85 × q₁₁₁ of the scan's lattice (the lowest fcc reflection: rims turned out
    /// of plane show reflections the bulk does not) to <see cref="FrameAccessOptions.QMaxFactor"/> × the highest
    /// superlattice ring window, widened to <see cref="FrameAccessOptions.IncludeQ"/>, Å⁻¹.
    /// </summary>
    public static (double Min, double Max) SaxsRange(ResultsMaps maps, FrameAccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var sl = maps.Rings.Where(r => r.Superlattice).Select(r => (r.Q, r.QMax)).ToList();
        if (sl.Count == 0)
        {
            throw new InvalidDataException($"{maps.Source} lists no superlattice ring: nothing to match");
        }

        return SaxsRange(sl, maps.LatticeConstant, options);
    }

    /// <summary>The same from the superlattice rings (centre and upper window edge, Å⁻¹, at least one) and lattice constant (Å; NaN when unknown).</summary>
    public static (double Min, double Max) SaxsRange(IReadOnlyList<(double Q, double QMax)> superlattice, double latticeConstant, FrameAccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(superlattice);
        ArgumentNullException.ThrowIfNull(options);
        double q111 = double.IsFinite(latticeConstant) && latticeConstant > 0 ? 2 * Math.PI * Math.Sqrt(3) / latticeConstant : superlattice.Min(r => r.Q);
        double lo = 0.85 * Math.Min(q111, superlattice.Min(r => r.Q));
        double hi = options.QMaxFactor * superlattice.Max(r => Math.Max(r.QMax, r.Q));
        if (options.IncludeQ is { } extra)
        {
            (lo, hi) = (Math.Min(lo, extra.Min), Math.Max(hi, extra.Max));
        }

        return (Math.Max(lo, 1e-4), hi);
    }

    /// <summary>Reads and reduces the frames of <paramref name="points"/> (in the given order); unreadable frames give patterns without data.</summary>
    public IReadOnlyList<PointPattern> Read(IReadOnlyList<(int Row, int Col)> points, CancellationToken cancellation = default)
    {
        var result = new PointPattern[points.Count];
        Stream(points, (i, p) => result[i] = p, cancellation);
        return result;
    }

    /// <summary>
    /// Reads and reduces the frames of <paramref name="points"/> one by one, handing each pattern (with the point's
    /// index) to <paramref name="consume"/> without keeping it — for whole scans. Unreadable frames give patterns
    /// without data (with the reason).
    /// </summary>
    public void Stream(IReadOnlyList<(int Row, int Col)> points, Action<int, PointPattern> consume, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(consume);
        var byFrame = new Dictionary<long, List<int>>();
        var done = new bool[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            long f = _maps.FrameOf(points[i].Row, points[i].Col);
            if (f >= _scan.FrameCount || !_scan.IsFramePresent(f))
            {
                consume(i, Missing(points[i], f >= _scan.FrameCount ? "the scan has no frame for this point" : "the data file of this frame is missing"));
                done[i] = true;
                continue;
            }

            if (!byFrame.TryGetValue(f, out var list))
            {
                byFrame[f] = list = [];
            }

            list.Add(i);
        }

        var frames = byFrame.Keys.OrderBy(f => f).ToList();
        foreach (var r in FrameStream.Read(_scan, frames, new FrameStreamOptions { Roi = _roi }, cancellation))
        {
            using (r.Frame)
            {
                foreach (int i in byFrame[r.Index])
                {
                    consume(i, r.Frame is { } frame
                        ? Reducer.Reduce(frame.Data, points[i].Row, points[i].Col)
                        : Missing(points[i], r.Error?.Message ?? "unreadable frame"));
                    done[i] = true;
                }
            }
        }

        for (int i = 0; i < points.Count; i++)
        {
            if (!done[i])
            {
                consume(i, Missing(points[i], "not read"));
            }
        }
    }

    /// <summary>Closes the scan.</summary>
    public void Dispose() => _scan.Dispose();

    private PointPattern Missing((int Row, int Col) p, string why) =>
        new(p.Row, p.Col, 0, new float[Reducer.Grid.BinCount], new float[Reducer.Grid.BinCount], [], [], why);
}
