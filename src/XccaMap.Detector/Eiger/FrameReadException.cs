namespace XccaMap.Detector.Eiger;

/// <summary>One frame could not be read or decoded; the message names file, dataset and frame.</summary>
public sealed class FrameReadException : IOException
{
    /// <summary>Creates the exception.</summary>
    public FrameReadException(string message, string file, string dataset, long frame, Exception? inner = null)
        : base($"frame {frame}: {message} [file {file}, dataset {dataset}]", inner)
    {
        File = file;
        Dataset = dataset;
        Frame = frame;
    }

    /// <summary>The data file.</summary>
    public string File { get; }

    /// <summary>The frames dataset.</summary>
    public string Dataset { get; }

    /// <summary>The global frame index.</summary>
    public long Frame { get; }
}
