namespace XccaMap.Monitor.Following;

/// <summary>Where a data file of the followed scan stands.</summary>
public enum LinkStatus
{
    /// <summary>Not there yet.</summary>
    Absent,

    /// <summary>There but not readable (yet): retried with backoff.</summary>
    Unreadable,

    /// <summary>Readable; frames may still be to do (or it is still growing, SWMR).</summary>
    Open,

    /// <summary>All its frames are done (processed, or skipped for a reason).</summary>
    Done,
}
