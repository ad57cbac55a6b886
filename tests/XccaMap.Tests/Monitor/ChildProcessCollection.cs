namespace XccaMap.Tests.Monitor;

/// <summary>
/// Tests that start child processes (h5py, Chromium) while HDF5 files may be open: HDF5 opens files without
/// close-on-exec, so a child forked while another test writes a file would inherit its lock. These run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChildProcessCollection
{
    public const string Name = "Monitor tests with child processes";
}
