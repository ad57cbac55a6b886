namespace XccaMap.Diffraction.Processing;

/// <summary>Receives progress of a <see cref="ScanProcessor"/> run (called from the processing thread).</summary>
public interface IProcessingProgress
{
    /// <summary>A stage that reads <paramref name="totalFrames"/> frames begins (0 for stages without frames).</summary>
    void BeginStage(string name, long totalFrames);

    /// <summary><paramref name="framesDone"/> frames of the current stage are done.</summary>
    void Report(long framesDone);

    /// <summary>The current stage is over.</summary>
    void EndStage();

    /// <summary>A remark for the user (a choice made, a problem met).</summary>
    void Note(string message);
}
