namespace XccaMap.Diffraction.Disorder;

/// <summary>Options of <see cref="DisorderFit"/>.</summary>
public sealed record DisorderFitOptions
{
    /// <summary>Azimuth of the peak to fit, degrees; null = the strongest peak of the patch's azimuthal profile.</summary>
    public double? PhiDeg { get; init; }

    /// <summary>The fit window extends ± this many azimuthal σ from the peak (after a first fit). Default 3.</summary>
    public double WindowSigmas { get; init; } = 3;

    /// <summary>Smallest and largest half-width of the azimuthal window, degrees. Defaults 8 and 60.</summary>
    public (double Min, double Max) PhiHalfWidthDeg { get; init; } = (8, 60);

    /// <summary>Points needed in the window. Default 30.</summary>
    public int MinPoints { get; init; } = 30;
}
