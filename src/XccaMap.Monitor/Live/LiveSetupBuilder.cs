using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Monitor.Live;

/// <summary>
/// Builds the <see cref="LiveSetup"/> of a monitored scan with <c>process</c>'s building blocks and choices (the survey
/// bins and band cakes are <see cref="ProcessingTables"/>'s, as in <c>process</c>; mirrors <c>ScanProcessor.BuildMask</c>
/// and <c>QFitTargets</c>; keep those in step), in two
/// parts: <see cref="Prepare"/> needs no frame and runs in the background while the first data files are written;
/// <see cref="Build"/> learns the rest from frames (all-ones and hot pixels, the averaged profile, rings, band cakes).
/// <see cref="Restore"/> rebuilds a setup exactly from what a checkpoint stored (mask, averaged profile, rings).
/// </summary>
public static class LiveSetupBuilder
{
    /// <summary>
    /// The part that needs neither a frame nor the master: geometry, the mask files' mask, the survey grid (0.18 s of
    /// CPU for an Eiger 4M), and the survey table, whose build (0.13 s of CPU) goes on on a thread of its own after
    /// this returns. Started as soon as the geometry and the detector shape are known, which with a PONI file
    /// naming its detector is before the master appears.
    /// </summary>
    /// <param name="poni">Geometry.</param>
    /// <param name="shape">Detector shape.</param>
    /// <param name="maskFiles">Beamstop and user masks (.npy or FILE.h5::/dataset).</param>
    /// <param name="config">Processing settings.</param>
    public static StaticSetup Prepare(PoniGeometry poni, DetectorShape shape, IReadOnlyList<string> maskFiles, ProcessingConfig config)
    {
        var lap = new LapTimer();
        var geometry = PixelGeometry.Create(poni, shape);
        lap.Lap("geometry");
        var builder = new MaskBuilder(shape);
        foreach (var path in maskFiles)
        {
            ScanMask.Add(builder, path);
        }

        var mask = builder.Build();
        lap.Lap("mask files");
        var bins = ProcessingTables.SurveyBins(geometry, mask, config);
        var options = ProcessingTables.RemapOptions(config);

        // On one thread (its own): built beside the first frames, it must not hold the thread pool, whose few threads
        // (as many as cores) the frame reader's producer and decoders need. The same table whatever the threads.
        var table = Task.Factory.StartNew(() => RemapTable.Build(geometry, mask, bins, options with { MaxDegreeOfParallelism = 1 }), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        lap.Lap("survey grid");
        return new StaticSetup(geometry, mask, bins, options, table, lap.ToString());
    }

    /// <summary>Learns the setup from <paramref name="frames"/> (read whole) on top of <paramref name="prepared"/>.</summary>
    /// <exception cref="InvalidDataException">None of the frames could be read.</exception>
    /// <param name="prepared">The frame-independent part.</param>
    /// <param name="pixelMask">The master's pixel_mask, or null.</param>
    /// <param name="pixelMaskSource">Where it came from (for the mask's record).</param>
    /// <param name="config">Processing settings.</param>
    /// <param name="frames">The setup frames (global indices, ascending).</param>
    /// <param name="access">Reads them.</param>
    /// <param name="quick">A quick setup (shown until the setup from the first <c>SetupFrames</c> frames is ready).</param>
    /// <param name="maxThreads">Threads for the band tables (−1: all; 1 for a setup built beside the live frames).</param>
    /// <param name="cancel">Stops between steps.</param>
    public static LiveSetup Build(StaticSetup prepared, uint[]? pixelMask, string pixelMaskSource, ProcessingConfig config, IReadOnlyList<long> frames, IFrameAccess access, bool quick = false, int maxThreads = -1, CancellationToken cancel = default)
    {
        var lap = new LapTimer();
        var shape = prepared.Geometry.Shape;

        // Whole frames, copied: hot-pixel detection compares them pixel by pixel; they go into the survey too. A quick
        // setup (from the first frame) leaves hot pixels to the setup proper: it has to be quick.
        bool hot = config.DetectHotPixels && !quick;
        var sample = EvenlySpaced(frames, Math.Max(1, hot ? config.HotPixelFrames : 1));
        var copies = new ConcurrentDictionary<long, uint[]>();
        access.Read(sample, null, () => 0, (_, index, pixels) => copies[index] = pixels.ToArray(), (_, _) => { });
        var ordered = copies.OrderBy(kv => kv.Key).ToList();
        if (ordered.Count == 0)
        {
            throw new InvalidDataException($"none of the {sample.Length} setup frames could be read");
        }

        lap.Lap($"{ordered.Count} whole frame(s) read");

        // process's union (pixel_mask, all-ones of the first frame, mask files, hot pixels); hot pixels are judged with
        // everything else already excluded, whatever the order it was added in.
        var builder = new MaskBuilder(shape);
        if (pixelMask is not null)
        {
            builder.AddEigerPixelMask(pixelMask, shape, pixelMaskSource);
        }

        builder.AddMask(prepared.Mask, "mask files");
        builder.AddAllOnesPixels(ordered[0].Value, shape, $"all-ones pixels of frame {ordered[0].Key}");
        if (hot && ordered.Count >= 2)
        {
            builder.AddHotPixels(ordered.Select(c => (ReadOnlyMemory<uint>)c.Value).ToList());
        }

        var mask = builder.Build();
        var exclusions = FrameExclusions(prepared.Mask, mask);
        lap.Lap("mask");
        cancel.ThrowIfCancellationRequested();

        // One survey per frame, summed in frame order: the same frames always give the same profile (and rings),
        // whichever thread read which frame. The survey has the mask files only: the other exclusions (pixel_mask,
        // all-ones, hot) are set to all-ones in each frame, which the survey skips (zero signal, normalisation and
        // count). A quick setup that comes before the survey table uses its plain twin; the setup proper always the
        // table, so that it does not depend on timing (a restarted run must set up exactly the same way).
        bool viaTable = !quick || prepared.HasSurveyTable;
        var table = viaTable ? prepared.SurveyTable : null;
        var perFrameSums = new ConcurrentDictionary<long, SurveySums>();
        void Survey(long index, Span<uint> pixels)
        {
            foreach (int i in exclusions)
            {
                pixels[i] = uint.MaxValue;
            }

            perFrameSums[index] = table is null ? SurveySums.FromPixels(prepared, pixels) : SurveySums.FromTable(table, pixels);
        }

        foreach (var (index, copy) in ordered)
        {
            Survey(index, copy);
        }

        var rest = frames.Where(f => !copies.ContainsKey(f)).ToList();
        if (rest.Count > 0)
        {
            access.Read(rest, null, () => new uint[shape.PixelCount], (scratch, index, pixels) =>
            {
                pixels.CopyTo(scratch);
                Survey(index, scratch);
            }, (_, _) => { });
        }

        int binCount = prepared.SurveyBins.BinCount;
        var signal = new double[binCount];
        var norm = new double[binCount];
        var count = new double[binCount];
        long n = 0;
        foreach (var acc in perFrameSums.OrderBy(kv => kv.Key).Select(kv => kv.Value))
        {
            for (int b = 0; b < signal.Length; b++)
            {
                signal[b] += acc.Signal[b];
                norm[b] += acc.Normalisation[b];
                count[b] += acc.Count[b];
            }

            n += acc.Frames;
        }

        if (n == 0)
        {
            throw new InvalidDataException($"none of the {frames.Count} setup frames could be read");
        }

        var intensity = signal.Select((s, b) => RemapAccumulator.MeanOf(s, norm[b])).ToArray();
        var perFrame = count.Select(c => c / n).ToArray();
        var rings = RingFinder.Find(prepared.SurveyQ, intensity, perFrame, config.Rings);
        lap.Lap(viaTable ? "survey and rings" : "survey (without the table, not built yet) and rings");
        cancel.ThrowIfCancellationRequested();
        var setup = Complete(prepared, mask, exclusions, intensity, perFrame, (int)n, rings, config, maxThreads);
        lap.Lap("band tables");
        return setup with { Quick = quick, Timing = lap.ToString() };
    }

    /// <summary>Rebuilds a setup from a checkpoint: the same mask, profile and rings give the same cakes.</summary>
    public static LiveSetup Restore(StaticSetup prepared, bool[] excluded, double[] intensity, double[] count, int frames, IReadOnlyList<Ring> superlattice, IReadOnlyList<Ring> atomic, ProcessingConfig config)
    {
        var mask = DetectorMask.FromArray(excluded, prepared.Geometry.Shape, "checkpoint");
        var rings = new RingSet(superlattice, atomic, config.Rings.SplitQ, null);
        return Complete(prepared, mask, FrameExclusions(prepared.Mask, mask), intensity, count, frames, rings, config, maxThreads: -1, relabel: false);
    }

    /// <summary>At most <paramref name="count"/> of <paramref name="frames"/>, evenly spaced (as <c>process</c> picks its samples).</summary>
    public static long[] EvenlySpaced(IReadOnlyList<long> frames, int count)
    {
        if (count <= 0 || frames.Count <= count)
        {
            return [.. frames];
        }

        var result = new long[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = frames[(int)(((long)i * frames.Count) + (frames.Count / 2)) / count];
        }

        return result.Distinct().ToArray();
    }

    private static LiveSetup Complete(StaticSetup prepared, DetectorMask mask, int[] exclusions, double[] intensity, double[] count, int frames, RingSet rings, ProcessingConfig config, int maxThreads, bool relabel = true)
    {
        var sl = FccIndexer.Index(rings.Superlattice.Select(r => r.Q).ToList(), config.Indexing);
        var al = FccIndexer.Index(rings.AtomicLattice.Select(r => r.Q).ToList(), config.AtomicIndexing);
        if (relabel)
        {
            rings = rings with { Superlattice = Label(rings.Superlattice, sl), AtomicLattice = Label(rings.AtomicLattice, al) };
        }

        var geometry = prepared.Geometry;
        var bandOptions = ProcessingTables.RemapOptions(config, maxThreads);
        var saxs = ProcessingTables.BandCake(geometry, mask, rings.Superlattice, saxs: true, config, bandOptions);
        var waxs = ProcessingTables.BandCake(geometry, mask, rings.AtomicLattice, saxs: false, config, bandOptions);
        var runs = (saxs?.Table.PixelRanges ?? []).Concat(waxs?.Table.PixelRanges ?? []).ToList();
        var roi = runs.Count > 0 ? FrameRoi.FromRuns(geometry.Shape.PixelCount, runs) : null;
        return new LiveSetup
        {
            Geometry = geometry,
            Mask = mask,
            FrameExclusions = exclusions,
            Static = prepared,
            SurveyQ = prepared.SurveyQ,
            SurveyIntensity = intensity,
            SurveyCount = count,
            SurveyFrames = frames,
            Rings = rings,
            Superlattice = sl,
            Atomic = al,
            Saxs = saxs,
            Waxs = waxs,
            Roi = roi,
            QTargets = saxs is null ? [] : QFitTargets(saxs, config),
        };
    }

    /// <summary>Pixels excluded by <paramref name="full"/> but not by <paramref name="static"/> (the master's pixel_mask, what the frames showed), ascending.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // on the first frame's latency: no tier-0 loop over every pixel
    private static int[] FrameExclusions(DetectorMask @static, DetectorMask full)
    {
        var s = @static.Excluded;
        var f = full.Excluded;
        var result = new List<int>();
        for (int i = 0; i < f.Length; i++)
        {
            if (f[i] && !s[i])
            {
                result.Add(i);
            }
        }

        return [.. result];
    }

    /// <summary>The SL reflections to map and their fit windows (mirrors <c>ScanProcessor.QFitTargets</c>).</summary>
    private static List<QFitTarget> QFitTargets(BandCake cake, ProcessingConfig config)
    {
        var sl = cake.Rings;
        IEnumerable<Ring> chosen;
        if (config.QFit.Reflections is { Count: > 0 } wanted)
        {
            chosen = wanted
                .Select(item => sl.FirstOrDefault(r => r.Hkl == item)
                    ?? (double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double q) ? sl.MinBy(r => Math.Abs(r.Q - q)) : null))
                .OfType<Ring>().Distinct().ToList();
        }
        else
        {
            chosen = sl.Where(r => r.Hkl is not null).OrderByDescending(r => r.RelativeHeight).Take(config.QFit.MaxReflections);
        }

        var targets = new List<QFitTarget>();
        foreach (var ring in chosen.OrderBy(r => r.Q))
        {
            double half = Math.Max(config.QFit.WindowRelativeHalfWidth * ring.Q, 1.5 * ring.Fwhm);
            foreach (var other in sl.Where(o => !ReferenceEquals(o, ring)))
            {
                half = Math.Min(half, 0.6 * Math.Abs(other.Q - ring.Q));
            }

            double lo = Math.Max(ring.Q - half, cake.Q[0]), hi = Math.Min(ring.Q + half, cake.Q[^1]);
            int first = Array.FindIndex(cake.Q, x => x >= lo), last = Array.FindLastIndex(cake.Q, x => x <= hi);
            if (first >= 0 && last - first + 1 >= 8)
            {
                targets.Add(new QFitTarget(ring, lo, hi, first, last - first + 1));
            }
        }

        return targets;
    }

    private static List<Ring> Label(IReadOnlyList<Ring> rings, FccIndexing indexing)
    {
        var byQ = indexing.Peaks.Where(p => p.IsIndexed).ToDictionary(p => p.Q, p => p.Hkl);
        var used = new HashSet<string>();
        return rings.Select(r =>
        {
            string? hkl = byQ.TryGetValue(r.Q, out var h) && h is not null && used.Add(h) ? h : null;
            return r with { Hkl = hkl };
        }).ToList();
    }
}
