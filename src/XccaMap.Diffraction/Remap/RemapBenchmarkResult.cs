namespace XccaMap.Diffraction.Remap;

/// <summary>Timing of a remap table applied to one frame repeatedly.</summary>
/// <param name="Threads">Threads per frame.</param>
/// <param name="Frames">Frames timed (after warm-up).</param>
/// <param name="Seconds">Wall time of the timed frames, s.</param>
/// <param name="Entries">Non-zeros of the table.</param>
/// <param name="Pixels">Pixels read per frame.</param>
/// <param name="BuildSeconds">Time to build the table (0 if not measured), s.</param>
/// <param name="Description">What was measured (grid, splitting).</param>
/// <param name="BestMilliseconds">Fastest single frame, ms (the machine's best case; shared machines are noisy).</param>
/// <param name="MedianMilliseconds">Median frame, ms.</param>
public sealed record RemapBenchmarkResult(
    int Threads,
    int Frames,
    double Seconds,
    long Entries,
    int Pixels,
    double BuildSeconds,
    string Description,
    double BestMilliseconds,
    double MedianMilliseconds)
{
    /// <summary>Frames per second.</summary>
    public double FramesPerSecond => Frames / Seconds;

    /// <summary>Milliseconds per frame.</summary>
    public double MillisecondsPerFrame => 1000 * Seconds / Frames;

    /// <summary>One-line summary.</summary>
    public override string ToString() =>
        $"{Description}: {MillisecondsPerFrame:F2} ms/frame mean (best {BestMilliseconds:F2}, median {MedianMilliseconds:F2}), {FramesPerSecond:F1} frames/s on {Threads} thread(s); {Entries} entries, {Pixels} pixels read, built in {BuildSeconds:F2} s";
}
