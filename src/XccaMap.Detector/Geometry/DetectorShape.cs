namespace XccaMap.Detector.Geometry;

/// <summary>
/// Size of a detector image in pixels: <see cref="Rows"/> along the slow axis (pyFAI dimension 1, "y")
/// and <see cref="Cols"/> along the fast axis (pyFAI dimension 2, "x"). Images are row-major:
/// element index = row × <see cref="Cols"/> + column.
/// </summary>
/// <param name="Rows">Number of rows (slow axis).</param>
/// <param name="Cols">Number of columns (fast axis).</param>
public readonly record struct DetectorShape(int Rows, int Cols)
{
    /// <summary>The Eiger 4M: 2167 rows × 2070 columns.</summary>
    public static DetectorShape Eiger4M => new(2167, 2070);

    /// <summary>Total number of pixels, Rows × Cols.</summary>
    public int PixelCount => checked(Rows * Cols);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless both dimensions are positive.</summary>
    public DetectorShape Validated()
    {
        if (Rows <= 0 || Cols <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Rows), $"detector shape must be positive, got {this}");
        }

        _ = PixelCount;
        return this;
    }

    /// <summary>"rows × cols", as used in error messages.</summary>
    public override string ToString() => $"{Rows} × {Cols}";
}
