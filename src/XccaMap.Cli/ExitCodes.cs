namespace XccaMap.Cli;

/// <summary>Process exit codes, distinct per failure class so scripts can react.</summary>
public static class ExitCodes
{
    /// <summary>Success (skipped frames, if any, are reported in the output and summary).</summary>
    public const int Ok = 0;

    /// <summary>Bad command line: unknown option, missing argument, invalid value.</summary>
    public const int Usage = 1;

    /// <summary>Input data is not what was expected (not HDF5, no frames dataset, wrong shape, bad PONI…).</summary>
    public const int BadData = 2;

    /// <summary>A file is missing or cannot be read or written.</summary>
    public const int IoError = 3;

    /// <summary>An unexpected internal error (a bug: please report it with the message).</summary>
    public const int Internal = 70;
}
