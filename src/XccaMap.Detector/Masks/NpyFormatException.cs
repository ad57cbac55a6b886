namespace XccaMap.Detector.Masks;

/// <summary>A <c>.npy</c> file that cannot be read; the message names the file and the problem.</summary>
public sealed class NpyFormatException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> (a file path or stream name).</summary>
    public NpyFormatException(string filePath, string problem)
        : base($"NumPy file '{filePath}': {problem}")
    {
        FilePath = filePath;
    }

    /// <summary>The file path or stream name that failed.</summary>
    public string FilePath { get; }
}
