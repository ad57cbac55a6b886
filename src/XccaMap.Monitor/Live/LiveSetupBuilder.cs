using System.Collections.Concurrent;
using System.Globalization;
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
/// Builds the provisional <see cref="LiveSetup"/> from the first frames of a scan with <c>process</c>'s building blocks
/// and choices (mirrors <c>ScanProcessor.BuildMask</c>, <c>Survey</c>, <c>BandTable</c> and <c>QFitTargets</c>; keep
/// them in step), or rebuilds it exactly from what a checkpoint stored (mask, averaged profile, rings).
/// </summary>
public static class LiveSetupBuilder
{
    /// <summary>Learns the setup from <paramref name="frames"/> (read whole).</summary>
    /// <exception cref="InvalidDataException">None of the frames could be read.</exception>
    /// <param name="geometry">Per-pixel geometry (computed while waiting for the frames).</param>
    /// <param name="pixelMask">The master's pixel_mask, or null.</param>
    /// <param name="pixelMaskSource">Where it came from (for the mask's record).</param>
    /// <param name="maskFiles">Extra masks (.npy).</param>
    /// <param name="config">Processing settings.</param>
    /// <param name="frames">The setup frames (global indices).</param>
    /// <param name="access">Reads them.</param>
    public static LiveSetup Build(PixelGeometry geometry, uint[]? pixelMask, string pixelMaskSource, IReadOnlyList<string> maskFiles, ProcessingConfig config, IReadOnlyList<long> frames, IFrameAccess access)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var timing = new List<string>();
        void Lap(string what)
        {
            timing.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {clock.Elapsed.TotalSeconds:0.00} s"));
            clock.Restart();
        }

        var shape = geometry.Shape;
        var builder = new MaskBuilder(shape);
        if (pixelMask is not null)
        {
            builder.AddEigerPixelMask(pixelMask, shape, pixelMaskSource);
        }

        // Whole frames, copied: hot-pixel detection compares them pixel by pixel.
        var sample = EvenlySpaced(frames, Math.Max(1, config.DetectHotPixels ? config.HotPixelFrames : 1));
        var copies = new ConcurrentDictionary<long, uint[]>();
        access.Read(sample, null, () => 0, (_, index, pixels) => copies[index] = pixels.ToArray(), (_, _) => { });
        var ordered = copies.OrderBy(kv => kv.Key).ToList();
        if (ordered.Count == 0)
        {
            throw new InvalidDataException($"none of the {sample.Length} setup frames could be read");
        }

        builder.AddAllOnesPixels(ordered[0].Value, shape, $"all-ones pixels of frame {ordered[0].Key}");
        foreach (var path in maskFiles)
        {
            builder.AddNpy(path);
        }

        if (config.DetectHotPixels && ordered.Count >= 2)
        {
            builder.AddHotPixels(ordered.Select(c => (ReadOnlyMemory<uint>)c.Value).ToList());
        }

        var mask = builder.Build();
        Lap("mask");
        var table = SurveyTable(geometry, mask, config);
        Lap("survey table");
        // One accumulator per frame, summed in frame order: the same frames always give the same profile (and rings),
        // whichever thread read which frame.
        var perFrameSums = new ConcurrentDictionary<long, RemapAccumulator>();
        access.Read(frames, null, () => 0, (_, index, pixels) =>
        {
            var a = new RemapAccumulator(table);
            table.Accumulate(pixels, a);
            perFrameSums[index] = a;
        }, (_, _) => { });
        var signal = new double[table.BinCount];
        var norm = new double[table.BinCount];
        var count = new double[table.BinCount];
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
        var q = table.Bins.QCentres();
        var rings = RingFinder.Find(q, intensity, perFrame, config.Rings);
        Lap("survey and rings");
        var setup = Complete(geometry, mask, table, q, intensity, perFrame, (int)n, rings, config);
        Lap("band tables");
        return setup with { Timing = string.Join(", ", timing) };
    }

    /// <summary>Rebuilds a setup from a checkpoint: the same mask, profile and rings give the same cakes.</summary>
    public static LiveSetup Restore(PixelGeometry geometry, bool[] excluded, double[] intensity, double[] count, int frames, IReadOnlyList<Ring> superlattice, IReadOnlyList<Ring> atomic, ProcessingConfig config)
    {
        var mask = DetectorMask.FromArray(excluded, geometry.Shape, "checkpoint");
        var table = SurveyTable(geometry, mask, config);
        var rings = new RingSet(superlattice, atomic, config.Rings.SplitQ, null);
        return Complete(geometry, mask, table, table.Bins.QCentres(), intensity, count, frames, rings, config, relabel: false);
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

    private static LiveSetup Complete(PixelGeometry geometry, DetectorMask mask, RemapTable table, double[] q, double[] intensity, double[] count, int frames, RingSet rings, ProcessingConfig config, bool relabel = true)
    {
        var sl = FccIndexer.Index(rings.Superlattice.Select(r => r.Q).ToList(), config.Indexing);
        var al = FccIndexer.Index(rings.AtomicLattice.Select(r => r.Q).ToList(), config.Indexing);
        if (relabel)
        {
            rings = rings with { Superlattice = Label(rings.Superlattice, sl), AtomicLattice = Label(rings.AtomicLattice, al) };
        }

        var saxs = BandTable(geometry, mask, rings.Superlattice, saxs: true, config);
        var waxs = BandTable(geometry, mask, rings.AtomicLattice, saxs: false, config);
        var runs = (saxs?.Table.PixelRanges ?? []).Concat(waxs?.Table.PixelRanges ?? []).ToList();
        var roi = runs.Count > 0 ? FrameRoi.FromRuns(geometry.Shape.PixelCount, runs) : null;
        return new LiveSetup
        {
            Geometry = geometry,
            Mask = mask,
            SurveyTable = table,
            SurveyQ = q,
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

    private static RemapTable SurveyTable(PixelGeometry geometry, DetectorMask mask, ProcessingConfig config)
    {
        double qMax = 0;
        var q = geometry.Q.Span;
        var excluded = mask.Excluded;
        for (int i = 0; i < q.Length; i++)
        {
            if (!excluded[i] && q[i] > qMax)
            {
                qMax = q[i];
            }
        }

        double step = config.QStepFactor * PixelQStep(geometry);
        int nq = Math.Max(8, (int)Math.Ceiling(qMax * 1.0001 / step));
        return RemapTable.Build(geometry, mask, RemapBins.Radial(0, nq * step, nq), Options(config));
    }

    private static RemapOptions Options(ProcessingConfig config) => new()
    {
        CorrectSolidAngle = config.CorrectSolidAngle,
        PolarisationFactor = config.PolarisationFactor,
    };

    /// <summary>q step between neighbouring pixels near the beam, Å⁻¹: 2π·pixel/(λ·distance), λ in Å.</summary>
    private static double PixelQStep(PixelGeometry geometry)
    {
        var poni = geometry.Poni;
        double lambdaAngstrom = poni.Wavelength * 1e10; // metres → Å at this boundary
        return 2 * Math.PI * Math.Min(poni.PixelSize1, poni.PixelSize2) / (lambdaAngstrom * poni.Distance);
    }

    /// <summary>The band's cake (mirrors <c>ScanProcessor.BandTable</c>), or null without rings.</summary>
    private static BandCake? BandTable(PixelGeometry geometry, DetectorMask mask, IReadOnlyList<Ring> rings, bool saxs, ProcessingConfig config)
    {
        if (rings.Count == 0)
        {
            return null;
        }

        double split = config.Rings.SplitQ;
        var fingerprint = saxs ? config.Angular.SaxsFingerprint : config.Angular.WaxsFingerprint;
        bool continuous = fingerprint == FingerprintSource.Band;
        double w = saxs ? config.QFit.WindowRelativeHalfWidth : 0;
        double lo = rings.Min(r => Math.Min(r.LowerBand.Min, r.Q * (1 - w)));
        double hi = rings.Max(r => Math.Max(r.UpperBand.Max, r.Q * (1 + w)));
        (lo, hi) = saxs ? (0.9 * lo, Math.Min(split, 1.15 * hi)) : (Math.Max(split, 0.97 * lo), 1.03 * hi);
        lo = Math.Max(lo, 0);
        double fwhm = rings.Where(r => r.Fwhm > 0).Select(r => r.Fwhm).DefaultIfEmpty(0).Min();
        double step = Math.Max(config.QStepFactor * PixelQStep(geometry), fwhm / 8);
        int nq = Math.Max(4, (int)Math.Ceiling((hi - lo) / step));
        var bins = RemapBins.Cake(lo, lo + (nq * step), nq, Math.Max(4, config.PhiBins));
        var bands = continuous ? null : rings.Select(r => new QBand(r.LowerBand.Min, r.UpperBand.Max)).ToList();
        var table = RemapTable.Build(geometry, mask, bins, Options(config) with { Bands = bands });
        return new BandCake(table, rings, config.MinCoverage, continuous);
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
