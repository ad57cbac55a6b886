namespace XccaMap.Monitor.Live;

/// <summary>A provisional classification of the frames processed so far.</summary>
/// <param name="Saxs">Per frame: SAXS class (≥ 0), −1 empty, −2 mixed, −3 no data yet; null without SL rings.</param>
/// <param name="Waxs">Per frame: WAXS class, same labels; null without AL rings.</param>
/// <param name="SaxsClasses">Number of SAXS classes.</param>
/// <param name="WaxsClasses">Number of WAXS classes.</param>
/// <param name="SaxsSignal">Per frame: the SAXS band shows angular peaks (q fits are only kept there, as in <c>process</c>).</param>
/// <param name="Frames">Frames the classification was learnt from.</param>
/// <param name="Seconds">Time it took, s.</param>
public sealed record ProvisionalClasses(int[]? Saxs, int[]? Waxs, int SaxsClasses, int WaxsClasses, bool[]? SaxsSignal, int Frames, double Seconds)
{
    /// <summary>Nothing classified yet.</summary>
    public static ProvisionalClasses None { get; } = new(null, null, 0, 0, null, 0, 0);
}
