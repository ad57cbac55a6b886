using XccaMap.Detector.Geometry;

namespace XccaMap.Detector.Masks;

/// <summary>
/// An immutable pixel mask, row-major, with XccaMap's polarity: <c>true</c> = excluded (design.md §4.1).
/// Built by <see cref="MaskBuilder"/>; shared by every frame of a scan.
/// </summary>
public sealed class DetectorMask
{
    private readonly bool[] _excluded;

    internal DetectorMask(DetectorShape shape, bool[] excluded)
    {
        Shape = shape;
        _excluded = excluded;
        int n = 0;
        foreach (bool b in excluded)
        {
            n += b ? 1 : 0;
        }

        ExcludedCount = n;
    }

    /// <summary>Image shape.</summary>
    public DetectorShape Shape { get; }

    /// <summary>Per-pixel flags, true = excluded.</summary>
    public ReadOnlySpan<bool> Excluded => _excluded;

    /// <summary>Number of excluded pixels.</summary>
    public int ExcludedCount { get; }

    /// <summary>Number of usable pixels.</summary>
    public int ValidCount => _excluded.Length - ExcludedCount;

    /// <summary>Fraction of pixels excluded, 0–1.</summary>
    public double ExcludedFraction => (double)ExcludedCount / _excluded.Length;

    /// <summary>A mask excluding nothing.</summary>
    public static DetectorMask None(DetectorShape shape) => new(shape.Validated(), new bool[shape.PixelCount]);

    /// <summary>Copies <paramref name="excluded"/> (true = excluded) into a mask.</summary>
    /// <exception cref="MaskShapeException">Length differs from the shape's pixel count.</exception>
    public static DetectorMask FromArray(ReadOnlySpan<bool> excluded, DetectorShape shape, string source = "array")
    {
        shape = shape.Validated();
        if (excluded.Length != shape.PixelCount)
        {
            throw new MaskShapeException(source, shape, $"{excluded.Length} elements");
        }

        return new DetectorMask(shape, excluded.ToArray());
    }

    /// <summary>Whether pixel (<paramref name="row"/>, <paramref name="col"/>) is excluded.</summary>
    public bool IsExcluded(int row, int col) => _excluded[row * Shape.Cols + col];

    /// <summary>Whether the pixel at row-major <paramref name="index"/> is excluded.</summary>
    public bool IsExcluded(int index) => _excluded[index];

    /// <summary>The union (pixels excluded by either mask).</summary>
    public DetectorMask Union(DetectorMask other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Shape != Shape)
        {
            throw new MaskShapeException("union operand", Shape, other.Shape.ToString());
        }

        var result = new bool[_excluded.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = _excluded[i] | other._excluded[i];
        }

        return new DetectorMask(Shape, result);
    }

    /// <summary>Saves the mask as a 2-D numpy bool array (true = excluded), atomically.</summary>
    public void Save(string path) => NpyWriter.WriteMask(path, _excluded, Shape.Rows, Shape.Cols);

    /// <summary>Loads a mask saved by <see cref="Save"/> or any 2-D numeric .npy (non-zero = excluded).</summary>
    public static DetectorMask Load(string path, DetectorShape shape) => new MaskBuilder(shape).AddNpy(path).Build();
}
