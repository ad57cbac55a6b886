using System.Threading.Channels;

namespace XccaMap.Detector.Eiger;

/// <summary>Options for streaming frames.</summary>
public sealed record FrameStreamOptions
{
    /// <summary>Decode path (default: direct chunk reads with our decoders).</summary>
    public DecodePath Path { get; init; } = DecodePath.Direct;

    /// <summary>When set, decode only the compressed blocks covering these pixels (direct path).</summary>
    public FrameRoi? Roi { get; init; }

    /// <summary>Frames read but not yet consumed, at most; bounds memory. Default: 2 per core + 2.</summary>
    public int MaxInFlight { get; init; } = (2 * Environment.ProcessorCount) + 2;
}

/// <summary>The outcome of reading one frame: the frame, or the reason it was skipped.</summary>
/// <param name="Index">Global frame index.</param>
/// <param name="Frame">The decoded frame (dispose it), or null on error.</param>
/// <param name="Error">Why the frame could not be read, or null.</param>
public readonly record struct FrameResult(long Index, Frame? Frame, FrameReadException? Error);

/// <summary>
/// Streams frames in order through a bounded pipeline: one reader fetches raw chunks (the only step that
/// holds the HDF5 lock), decoding runs on the thread pool on all cores, results come back in frame order.
/// A frame that cannot be read is returned as an error result and the stream goes on.
/// </summary>
public static class FrameStream
{
    /// <summary>Streams the given frames (global indices) of <paramref name="scan"/>.</summary>
    public static IEnumerable<FrameResult> Read(EigerScan scan, IEnumerable<long> frames, FrameStreamOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new FrameStreamOptions();
        var channel = Channel.CreateBounded<Task<FrameResult>>(new BoundedChannelOptions(Math.Max(1, options.MaxInFlight))
        {
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var producer = Task.Run(() => Produce(scan, frames, options, channel.Writer, stop.Token), stop.Token);
        try
        {
            while (channel.Reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
            {
                while (channel.Reader.TryRead(out var task))
                {
                    yield return task.GetAwaiter().GetResult();
                }
            }

            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // Early exit by the consumer: stop the producer and free what is in flight.
            stop.Cancel();
            while (channel.Reader.TryRead(out var task))
            {
                try
                {
                    task.GetAwaiter().GetResult().Frame?.Dispose();
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
    }

    /// <summary>All frames that can be read (present data files), in order.</summary>
    public static IEnumerable<long> PresentFrames(EigerScan scan) =>
        scan.Sources.Where(s => s.IsPresent).SelectMany(s => LongRange(s.FirstFrame, s.FrameCount));

    private static IEnumerable<long> LongRange(long start, long count)
    {
        for (long i = 0; i < count; i++)
        {
            yield return start + i;
        }
    }

    private static async Task Produce(EigerScan scan, IEnumerable<long> frames, FrameStreamOptions options, ChannelWriter<Task<FrameResult>> writer, CancellationToken ct)
    {
        try
        {
            foreach (var index in frames)
            {
                ct.ThrowIfCancellationRequested();
                Task<FrameResult> task;
                try
                {
                    var reader = scan.ReaderFor(index, out var local);
                    if (options.Path == DecodePath.Direct && reader.Coding != ChunkCoding.Unsupported)
                    {
                        var chunk = ReadChunk(reader, index, local);
                        task = Task.Run(() => Decode(scan, reader, index, local, chunk, options.Roi), ct);
                    }
                    else
                    {
                        // The filter path runs inside HDF5 (under its lock): nothing to parallelise.
                        task = Task.FromResult(Decode(scan, reader, index, local, null, null));
                    }
                }
                catch (FrameReadException e)
                {
                    scan.Report(new ScanProblem(ProblemSeverity.Error, e.Message, e.File, e.Dataset, e.Frame));
                    task = Task.FromResult(new FrameResult(index, null, e));
                }

                await writer.WriteAsync(task, ct).ConfigureAwait(false);
            }

            writer.Complete();
        }
        catch (Exception e)
        {
            writer.TryComplete(e is OperationCanceledException ? null : e);
        }
    }

    private static RawChunk ReadChunk(FrameSourceReader reader, long index, long local)
    {
        try
        {
            return reader.ReadChunk(local);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            throw new FrameReadException(e.Message, reader.FilePath, reader.DatasetPath, index, e);
        }
    }

    private static FrameResult Decode(EigerScan scan, FrameSourceReader reader, long index, long local, RawChunk? chunk, FrameRoi? roi)
    {
        try
        {
            return new FrameResult(index, scan.DecodeFrame(reader, index, local, chunk, roi), null);
        }
        catch (FrameReadException e)
        {
            scan.Report(new ScanProblem(ProblemSeverity.Error, e.Message, e.File, e.Dataset, e.Frame));
            return new FrameResult(index, null, e);
        }
    }
}
