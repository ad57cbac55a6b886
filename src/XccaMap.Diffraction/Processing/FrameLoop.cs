using System.Collections.Concurrent;
using System.Diagnostics;
using XccaMap.Detector.Eiger;

namespace XccaMap.Diffraction.Processing;

/// <summary>
/// Streams frames through <see cref="FrameStream"/> (one reader, parallel decoding, bounded frames in flight) and
/// hands each decoded frame to a worker on the thread pool, each worker with its own state (accumulators, scratch),
/// so per-frame work runs on all cores without locks. A frame that cannot be read is reported and skipped.
/// Progress is reported from one thread at most every 0.2 s.
/// </summary>
internal static class FrameLoop
{
    /// <summary>Runs <paramref name="process"/> on every readable frame; returns the distinct worker states (to merge).</summary>
    public static List<TState> Run<TState>(
        EigerScan scan,
        IReadOnlyList<long> frames,
        FrameRoi? roi,
        int maxInFlight,
        Func<TState> createState,
        Action<TState, Frame> process,
        Action<long, string> skipped,
        IProcessingProgress progress,
        CancellationToken cancellation)
    {
        var options = new FrameStreamOptions { Roi = roi };
        if (maxInFlight > 0)
        {
            options = options with { MaxInFlight = maxInFlight };
        }

        // Parallel.ForEach starts a new task replica (and calls localInit) again and again over a long stream; worker
        // states are pooled so there are only as many as ever ran at once, and each keeps accumulating across replicas.
        var states = new ConcurrentBag<TState>();
        var created = new ConcurrentBag<TState>();
        long done = 0;
        var clock = Stopwatch.StartNew();
        long lastReport = 0;
        var progressLock = new object();
        var stream = FrameStream.Read(scan, frames, options, cancellation);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation };
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(stream, EnumerablePartitionerOptions.NoBuffering),
            parallel,
            () =>
            {
                if (states.TryTake(out var idle))
                {
                    return idle;
                }

                var fresh = createState();
                created.Add(fresh);
                return fresh;
            },
            (result, _, state) =>
            {
                try
                {
                    if (result.Frame is { } frame)
                    {
                        process(state, frame);
                    }
                    else
                    {
                        skipped(result.Index, result.Error?.Message ?? "unreadable frame");
                    }
                }
                finally
                {
                    result.Frame?.Dispose();
                }

                long n = Interlocked.Increment(ref done);
                if (n % 512 == 0)
                {
                    // Frame and chunk buffers live on the large-object heap, which only a full collection frees; on a
                    // machine with much memory the GC would otherwise let it grow to gigabytes over a 14 641-frame scan.
                    GC.Collect(2, GCCollectionMode.Forced, blocking: false);
                }

                long now = clock.ElapsedMilliseconds;
                if (now - Interlocked.Read(ref lastReport) >= 200 && Monitor.TryEnter(progressLock))
                {
                    try
                    {
                        Interlocked.Exchange(ref lastReport, now);
                        progress.Report(n);
                    }
                    finally
                    {
                        Monitor.Exit(progressLock);
                    }
                }

                return state;
            },
            states.Add);
        lock (progressLock)
        {
            progress.Report(Interlocked.Read(ref done));
        }

        return [.. created];
    }

    /// <summary>At most <paramref name="count"/> of <paramref name="frames"/>, evenly spaced (all when count ≤ 0 or enough).</summary>
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
}
