using XccaMap.Detector.Eiger;

namespace XccaMap.Monitor.Following;

/// <summary>An opened data file of a scan being followed: how many frames it holds now, and reading them.</summary>
public interface IDataFileSource : IDisposable
{
    /// <summary>The link it serves.</summary>
    DataLink Link { get; }

    /// <summary>Frames readable now.</summary>
    long FrameCount { get; }

    /// <summary>True for a file still being written in SWMR mode (it may grow; call <see cref="Refresh"/>).</summary>
    bool Growing { get; }

    /// <summary>The file's own number of its first image (DECTRIS <c>image_nr_low</c>, 1-based), when it says.</summary>
    long? ImageNumberLow { get; }

    /// <summary>Re-reads the frame count (SWMR).</summary>
    void Refresh();

    /// <summary>
    /// Reads frames <paramref name="locals"/> (indices in this file); each readable frame goes to <paramref name="handle"/>
    /// on a worker thread, each unreadable one to <paramref name="failed"/> with the reason. Returns when all are done.
    /// </summary>
    void Read<TState>(IReadOnlyList<long> locals, FrameRoi? roi, Func<TState> createState, FrameHandler<TState> handle, Action<long, string> failed, CancellationToken cancellation);
}
