namespace XccaMap.Detector.Geometry;

/// <summary>A PONI file that cannot be understood; the message names the file and what was wrong.</summary>
public sealed class PoniFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public PoniFormatException(string path, string problem)
        : base($"PONI file '{path}': {problem}")
    {
        FilePath = path;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public PoniFormatException(string path, string problem, Exception inner)
        : base($"PONI file '{path}': {problem}", inner)
    {
        FilePath = path;
    }

    /// <summary>The file (or source name) that failed to parse.</summary>
    public string FilePath { get; }
}
