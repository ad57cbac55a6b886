namespace XccaMap.Detector.Eiger;

/// <summary>
/// One dataset of frames in a scan (a data file behind an external link, or a dataset in the master),
/// and where its frames sit in the scan's global frame order.
/// </summary>
/// <param name="Name">Link name, e.g. "data_000001".</param>
/// <param name="FilePath">Resolved path of the file holding the dataset.</param>
/// <param name="DatasetPath">Path of the frames dataset inside that file.</param>
/// <param name="FirstFrame">Global index of this source's first frame.</param>
/// <param name="FrameCount">Frames present (0 when missing).</param>
/// <param name="MissingReason">Why the source cannot be read, or null when it can.</param>
public sealed record FrameSource(string Name, string FilePath, string DatasetPath, long FirstFrame, long FrameCount, string? MissingReason)
{
    /// <summary>True when the source's file and dataset could be opened.</summary>
    public bool IsPresent => MissingReason is null;
}
