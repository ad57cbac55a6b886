using System.Collections.Concurrent;
using System.Diagnostics;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Disorder;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// Cross-correlation of any ring pair over any set of frames, straight from the detector frames (what
/// <c>xccamap ccf compute</c> runs, and the oracle path of the simulator tests): one remap table per ring (one q
/// bin × N φ bins, built once), optionally a (q, φ) table over the 200_AL ring for the disorder fit; frames are
/// streamed with only the compressed blocks holding those pixels decoded (<see cref="FrameRoi"/>) and processed on
/// all cores, each thread with its own accumulators, engine and buffers (no allocation per frame).
/// </summary>
public static class ScanXcca
{
    /// <summary>Runs the request.</summary>
    /// <param name="scan">The open scan.</param>
    /// <param name="geometry">Per-pixel geometry of the scan.</param>
    /// <param name="mask">The scan mask (true = excluded).</param>
    /// <param name="request">Rings, frames, domains.</param>
    /// <param name="progress">Called with the number of frames done, at most every 0.2 s and once at the end (one thread at a time), or null.</param>
    /// <param name="cancellation">Stops the pass.</param>
    public static ScanXccaResult Run(EigerScan scan, PixelGeometry geometry, DetectorMask mask, ScanXccaRequest request, Action<long>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(request);
        var setup = Stopwatch.StartNew();
        int n = request.Bins;
        var pair = request.Pair;
        var t1 = RemapTable.Build(geometry, mask, new RemapBins(pair.Q1.QMin, pair.Q1.QMax, 1, 0, 360, n), request.Remap);
        var t2 = pair.IsAutocorrelation ? t1 : RemapTable.Build(geometry, mask, new RemapBins(pair.Q2.QMin, pair.Q2.QMax, 1, 0, 360, n), request.Remap);
        var tp = request.PeakBand is { } pb ? RemapTable.Build(geometry, mask, new RemapBins(pb.QMin, pb.QMax, request.PeakQBins, 0, 360, request.PeakPhiBins), request.Remap) : null;
        var x1 = new RingProfileExtractor(t1, pair.Q1.QMin, pair.Q1.QMax, request.MinCoverage);
        var x2 = new RingProfileExtractor(t2, pair.Q2.QMin, pair.Q2.QMax, request.MinCoverage);
        var used = new RingPair(new QBand(x1.QMin, x1.QMax), new QBand(x2.QMin, x2.QMax), pair.Q1Label, pair.Q2Label);
        var runs = t1.PixelRanges.Concat(t2.PixelRanges).Concat(tp?.PixelRanges ?? []);
        var roi = FrameRoi.FromRuns(scan.PixelsPerFrame, runs);
        setup.Stop();

        var domainOf = request.DomainOf ?? (_ => 0);
        var frames = request.Frames.Where(f => request.KeepFrameCcfs || domainOf(f) >= 0).ToList();
        var rowOf = new Dictionary<long, int>();
        if (request.KeepFrameCcfs)
        {
            for (int i = 0; i < frames.Count; i++)
            {
                rowOf[frames[i]] = i;
            }
        }

        var frameCcfs = request.KeepFrameCcfs ? new double[checked(frames.Count * n)] : [];
        if (request.KeepFrameCcfs)
        {
            Array.Fill(frameCcfs, double.NaN);
        }

        var plan = new ComplexFft(n);
        var workers = new ConcurrentBag<Worker>();
        var skipped = new ConcurrentBag<(long, string)>();
        long done = 0;
        var pass = Stopwatch.StartNew();
        var options = new FrameStreamOptions { Roi = roi };
        options = request.MaxInFlight > 0 ? options with { MaxInFlight = request.MaxInFlight } : options;
        var stream = FrameStream.Read(scan, frames, options, cancellation);
        var progressLock = new object();
        long lastReport = 0;
        Parallel.ForEach(
            Partitioner.Create(stream, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation },
            () => new Worker(request, plan, t1, t2, tp, x1, x2),
            (result, _, worker) =>
            {
                using (result.Frame)
                {
                    if (result.Frame is not { } frame)
                    {
                        skipped.Add((result.Index, result.Error?.Message ?? "unreadable frame"));
                    }
                    else
                    {
                        var row = request.KeepFrameCcfs ? frameCcfs.AsSpan(rowOf[frame.Index] * n, n) : default;
                        worker.Process(frame, domainOf(frame.Index), row);
                    }
                }

                Interlocked.Increment(ref done);
                long now = pass.ElapsedMilliseconds;
                if (progress is not null && now - Interlocked.Read(ref lastReport) >= 200 && Monitor.TryEnter(progressLock))
                {
                    try
                    {
                        Interlocked.Exchange(ref lastReport, now);
                        progress(Interlocked.Read(ref done));
                    }
                    finally
                    {
                        Monitor.Exit(progressLock);
                    }
                }

                return worker;
            },
            workers.Add);
        pass.Stop();
        progress?.Invoke(done);

        var all = workers.ToList();
        var sums = DomainCcfSums.MergeAll(all.Select(w => w.Sums));
        var patches = MergePatches(all.Select(w => w.Patches));
        long processed = all.Sum(w => w.Frames);
        var engine = new MaskedCcfEngine(n, plan);
        var domains = sums.OrderBy(kv => kv.Key).Where(kv => kv.Value.Cross.Frames > 0).Select(kv => new DomainXccaResult
        {
            Domain = kv.Key,
            Name = request.DomainNames?.GetValueOrDefault(kv.Key),
            Pair = used,
            Ccf = CcfResult.From(kv.Value.Cross, engine),
            AutoQ1 = kv.Value.Auto1 is null ? null : CcfResult.From(kv.Value.Auto1, engine),
            AutoQ2 = kv.Value.Auto2 is null ? null : CcfResult.From(kv.Value.Auto2, engine),
            Disorder = patches.TryGetValue(kv.Key, out var p) ? DisorderFit.Fit(p.ToPatch(), request.Disorder) : null,
        }).ToList();
        double perFrame(Func<Worker, long> ticks) => processed > 0 ? all.Sum(ticks) * 1e6 / Stopwatch.Frequency / processed : double.NaN;
        return new ScanXccaResult
        {
            Domains = domains,
            Pair = used,
            Bins = n,
            FrameIndices = request.KeepFrameCcfs ? [.. frames] : [],
            FrameCcfs = frameCcfs,
            Skipped = [.. skipped.OrderBy(s => s.Item1)],
            Processed = processed,
            SetupSeconds = setup.Elapsed.TotalSeconds,
            PassSeconds = pass.Elapsed.TotalSeconds,
            CcfMicrosecondsPerFrame = perFrame(w => w.CcfTicks),
            RemapMicrosecondsPerFrame = perFrame(w => w.RemapTicks),
        };
    }

    private static Dictionary<int, PatchSums> MergePatches(IEnumerable<Dictionary<int, PatchSums>> parts)
    {
        var total = new Dictionary<int, PatchSums>();
        foreach (var part in parts)
        {
            foreach (var (d, p) in part)
            {
                if (total.TryGetValue(d, out var t))
                {
                    t.Merge(p);
                }
                else
                {
                    total[d] = p;
                }
            }
        }

        return total;
    }

    /// <summary>One thread's state: remap accumulators, CCF engine, profile buffers and per-domain sums.</summary>
    private sealed class Worker(ScanXccaRequest request, ComplexFft plan, RemapTable t1, RemapTable t2, RemapTable? tp, RingProfileExtractor x1, RingProfileExtractor x2)
    {
        private readonly RemapAccumulator _a1 = new(t1);
        private readonly RemapAccumulator? _a2 = ReferenceEquals(t1, t2) ? null : new(t2);
        private readonly RemapAccumulator? _ap = tp is null ? null : new(tp);
        private readonly MaskedCcfEngine _engine = new(plan.Length, plan);
        private readonly double[] _buffer = new double[4 * plan.Length];

        public Dictionary<int, DomainCcfSums> Sums { get; } = [];

        public Dictionary<int, PatchSums> Patches { get; } = [];

        public long Frames { get; private set; }

        public long CcfTicks { get; private set; }

        public long RemapTicks { get; private set; }

        public void Process(Frame frame, int domain, Span<double> frameCcf)
        {
            long t0 = Stopwatch.GetTimestamp();
            var data = frame.Data;
            t1.Integrate(data, _a1);
            var a2 = _a2 ?? _a1; // an autocorrelation reads one table
            if (_a2 is not null)
            {
                t2.Integrate(data, _a2);
            }

            if (_ap is not null && domain >= 0)
            {
                tp!.Integrate(data, _ap);
                if (!Patches.TryGetValue(domain, out var patch))
                {
                    patch = new PatchSums(tp.Bins);
                    Patches[domain] = patch;
                }

                patch.Add(_ap);
            }

            long t1Ticks = Stopwatch.GetTimestamp();
            int n = plan.Length;
            var b = _buffer.AsSpan();
            Span<double> i1 = b[..n], w1 = b.Slice(n, n), i2 = b.Slice(2 * n, n), w2 = b.Slice(3 * n, n);
            x1.Extract(_a1, i1, w1);
            x2.Extract(a2, i2, w2);
            if (!frameCcf.IsEmpty)
            {
                _engine.Compute(i1, w1, i2, w2, frameCcf);
            }

            if (domain >= 0)
            {
                if (!Sums.TryGetValue(domain, out var sums))
                {
                    sums = new DomainCcfSums(n, request.JackknifeGroups, request.Autocorrelations);
                    Sums[domain] = sums;
                }

                sums.Add(_engine, i1, w1, i2, w2, frame.Index);
            }

            long t2Ticks = Stopwatch.GetTimestamp();
            RemapTicks += t1Ticks - t0;
            CcfTicks += t2Ticks - t1Ticks;
            Frames++;
        }
    }
}
