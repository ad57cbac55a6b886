namespace XccaMap.Simulation.Scan;

/// <summary>Order of the raster points in the frame sequence (JSON: "row-major" or "snake").</summary>
public enum ScanOrder
{
    /// <summary>Frame f is point (f / cols, f % cols).</summary>
    RowMajor,

    /// <summary>Like <see cref="RowMajor"/>, but odd rows run backwards (col = cols − 1 − f % cols).</summary>
    Snake,
}
