namespace XccaMap.Simulation.Scan;

/// <summary>The raster: <see cref="Rows"/> × <see cref="Cols"/> points, <see cref="StepUm"/> apart, in <see cref="Order"/>.</summary>
public sealed record RasterSettings
{
    /// <summary>Raster rows (slow motor).</summary>
    public int Rows { get; init; } = 12;

    /// <summary>Raster columns (fast motor).</summary>
    public int Cols { get; init; } = 12;

    /// <summary>Step between neighbouring points, micrometres (same along rows and columns).</summary>
    public double StepUm { get; init; } = 0.5;

    /// <summary>Order in which the points were exposed.</summary>
    public ScanOrder Order { get; init; } = ScanOrder.Snake;
}
