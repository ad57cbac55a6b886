namespace XccaMap.Monitor.Following;

/// <summary>The follower's knowledge of one data file.</summary>
public sealed class LinkState
{
    /// <summary>A data file not seen yet.</summary>
    public LinkState(DataLink link) => Link = link;

    /// <summary>The link.</summary>
    public DataLink Link { get; }

    /// <summary>Where it stands.</summary>
    public LinkStatus Status { get; internal set; }

    /// <summary>Global index of its first frame, once known.</summary>
    public long? FirstFrame { get; internal set; }

    /// <summary>Frames it held when last looked at.</summary>
    public long FrameCount { get; internal set; }

    /// <summary>Frames it should hold when complete (from the master), or null when unknown.</summary>
    public long? ExpectedCount { get; internal set; }

    /// <summary>Failed attempts at opening it since it appeared.</summary>
    public int Failures { get; internal set; }

    /// <summary>Not before this time is it tried again (UTC).</summary>
    public DateTimeOffset NextAttempt { get; internal set; }

    /// <summary>Why it could not be read the last time, or null.</summary>
    public string? LastError { get; internal set; }

    /// <summary>When it was first readable (UTC), or null.</summary>
    public DateTimeOffset? ReadableSince { get; internal set; }

    /// <summary>Its modification time when it was first readable: when the writer completed it (UTC), or null.</summary>
    public DateTimeOffset? CompletedAt { get; internal set; }

    /// <summary>The open source of a growing (SWMR) file, kept between polls.</summary>
    internal IDataFileSource? Growing { get; set; }
}
