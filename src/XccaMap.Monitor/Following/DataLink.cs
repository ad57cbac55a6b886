namespace XccaMap.Monitor.Following;

/// <summary>One frames dataset of a scan: a data file the master links to (or the master itself for a one-file scan).</summary>
/// <param name="Number">1-based position among the master's links (data_000001 is 1).</param>
/// <param name="Name">Link name, e.g. "data_000001".</param>
/// <param name="FilePath">Resolved path of the data file (it may not exist yet).</param>
/// <param name="DatasetPath">Frames dataset inside that file.</param>
public sealed record DataLink(int Number, string Name, string FilePath, string DatasetPath);
