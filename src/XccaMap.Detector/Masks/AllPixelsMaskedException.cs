namespace XccaMap.Detector.Masks;

/// <summary>A mask that excludes every pixel: nothing would be left to analyse. The message lists the sources.</summary>
public sealed class AllPixelsMaskedException : InvalidOperationException
{
    /// <summary>Creates the exception; <paramref name="sources"/> describes what was combined.</summary>
    public AllPixelsMaskedException(string sources)
        : base($"the combined mask excludes every pixel; sources: {sources}")
    {
    }
}
