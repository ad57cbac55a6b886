using System.Collections.Concurrent;
using XccaMap.Detector.Eiger;

namespace XccaMap.Monitor.Following;

/// <summary>
/// A complete data file (the DECTRIS writer and <see cref="NxmxWriter"/> rename a data file into place when it is
/// complete), read through <see cref="FrameStream"/> exactly as <c>process</c> reads it: one reader, parallel
/// decoding of only the ROI's compressed blocks, frames handed to workers on all cores.
/// </summary>
public sealed class EigerDataFile : IDataFileSource
{
    private readonly EigerScan _scan;

    private EigerDataFile(DataLink link, EigerScan scan, long? imageNumberLow)
    {
        Link = link;
        _scan = scan;
        ImageNumberLow = imageNumberLow;
    }

    /// <inheritdoc/>
    public DataLink Link { get; }

    /// <inheritdoc/>
    public long FrameCount => _scan.PresentFrameCount;

    /// <inheritdoc/>
    public bool Growing => false;

    /// <inheritdoc/>
    public long? ImageNumberLow { get; }

    /// <summary>Detector rows.</summary>
    public int Rows => _scan.Rows;

    /// <summary>Detector columns.</summary>
    public int Columns => _scan.Columns;

    /// <summary>Opens the link's file the ordinary (non-SWMR) way.</summary>
    /// <exception cref="IOException">Or another failure when the file is not readable (yet).</exception>
    public static EigerDataFile Open(DataLink link, long? imageNumberLow)
    {
        var scan = EigerScan.Open(link.FilePath + "::" + link.DatasetPath);
        if (scan.Sources.Count == 0 || !scan.Sources[0].IsPresent)
        {
            string reason = scan.Sources.Count == 0 ? "no frames dataset" : scan.Sources[0].MissingReason ?? "unreadable";
            scan.Dispose();
            throw new IOException($"{link.FilePath}: {reason}");
        }

        return new EigerDataFile(link, scan, imageNumberLow);
    }

    /// <inheritdoc/>
    public void Refresh()
    {
    }

    /// <summary>Reads one frame whole (for the dashboard's latest-frame view).</summary>
    public uint[] ReadWhole(long local)
    {
        using var frame = _scan.ReadFrame(local);
        return frame.Data.ToArray();
    }

    /// <inheritdoc/>
    public void Read<TState>(IReadOnlyList<long> locals, FrameRoi? roi, Func<TState> createState, FrameHandler<TState> handle, Action<long, string> failed, CancellationToken cancellation)
    {
        var stream = FrameStream.Read(_scan, locals, new FrameStreamOptions { Roi = roi }, cancellation);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellation };
        Parallel.ForEach(
            Partitioner.Create(stream, EnumerablePartitionerOptions.NoBuffering),
            parallel,
            createState,
            (result, _, state) =>
            {
                try
                {
                    if (result.Frame is { } frame)
                    {
                        handle(state, result.Index, frame.Data);
                    }
                    else
                    {
                        failed(result.Index, result.Error?.Message ?? "unreadable frame");
                    }
                }
                finally
                {
                    result.Frame?.Dispose();
                }

                return state;
            },
            _ => { });
    }

    /// <inheritdoc/>
    public void Dispose() => _scan.Dispose();
}
