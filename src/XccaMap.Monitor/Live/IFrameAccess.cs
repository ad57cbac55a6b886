using XccaMap.Detector.Eiger;
using XccaMap.Monitor.Following;

namespace XccaMap.Monitor.Live;

/// <summary>Reads frames of the followed scan by global index (whatever data file holds them).</summary>
public interface IFrameAccess
{
    /// <summary>
    /// Reads <paramref name="frames"/> (global indices); each readable frame goes to <paramref name="handle"/> (whose
    /// index argument is then the global index) on a worker thread; unreadable ones to <paramref name="failed"/>.
    /// </summary>
    void Read<TState>(IReadOnlyList<long> frames, FrameRoi? roi, Func<TState> createState, FrameHandler<TState> handle, Action<long, string> failed);
}
