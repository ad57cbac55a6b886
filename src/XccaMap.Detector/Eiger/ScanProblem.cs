namespace XccaMap.Detector.Eiger;

/// <summary>How serious a problem found in a scan's files is.</summary>
public enum ProblemSeverity
{
    /// <summary>Worth knowing; results are complete.</summary>
    Warning,

    /// <summary>Some data could not be used (reported, skipped and counted).</summary>
    Error,
}

/// <summary>
/// A problem with a scan's files, naming where it is: file, dataset and frame (global index) when known.
/// </summary>
/// <param name="Severity">Warning or error.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="File">File path, if known.</param>
/// <param name="Dataset">Dataset or link path inside the file, if known.</param>
/// <param name="Frame">Global frame index, if the problem is one frame.</param>
public sealed record ScanProblem(ProblemSeverity Severity, string Message, string? File = null, string? Dataset = null, long? Frame = null)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        var where = string.Join(", ", new[]
        {
            File is null ? null : $"file {File}",
            Dataset is null ? null : $"dataset {Dataset}",
            Frame is null ? null : $"frame {Frame}",
        }.Where(s => s is not null));
        return $"{Severity.ToString().ToLowerInvariant()}: {Message}" + (where.Length > 0 ? $" [{where}]" : string.Empty);
    }
}

/// <summary>The scan's files are not what an NXmx/Eiger reader expects (exit code "bad input data").</summary>
public sealed class ScanFormatException : Exception
{
    /// <summary>Creates the exception with a message naming file and dataset.</summary>
    public ScanFormatException(string message, string? file = null, string? dataset = null)
        : base(file is null ? message : $"{message} [file {file}{(dataset is null ? string.Empty : $", dataset {dataset}")}]")
    {
        File = file;
        Dataset = dataset;
    }

    /// <summary>The file concerned.</summary>
    public string? File { get; }

    /// <summary>The dataset concerned.</summary>
    public string? Dataset { get; }
}
