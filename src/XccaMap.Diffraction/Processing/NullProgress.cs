namespace XccaMap.Diffraction.Processing;

/// <summary>Progress that goes nowhere.</summary>
public sealed class NullProgress : IProcessingProgress
{
    /// <summary>The shared instance.</summary>
    public static NullProgress Instance { get; } = new();

    /// <inheritdoc/>
    public void BeginStage(string name, long totalFrames)
    {
    }

    /// <inheritdoc/>
    public void Report(long framesDone)
    {
    }

    /// <inheritdoc/>
    public void EndStage()
    {
    }

    /// <inheritdoc/>
    public void Note(string message)
    {
    }
}
