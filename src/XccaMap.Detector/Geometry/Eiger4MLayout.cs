namespace XccaMap.Detector.Geometry;

/// <summary>
/// Module layout of the Eiger 4M (design.md §2): 8 modules of 514 × 1030 pixels in 4 rows × 2 columns,
/// separated by 37-row and 10-column gaps (2167 × 2070 in all). Gap pixels read as all-ones in frames.
/// </summary>
public static class Eiger4MLayout
{
    /// <summary>Module height, rows.</summary>
    public const int ModuleRows = 514;

    /// <summary>Module width, columns.</summary>
    public const int ModuleCols = 1030;

    /// <summary>Gap between module rows, rows.</summary>
    public const int RowGap = 37;

    /// <summary>Gap between module columns, columns.</summary>
    public const int ColGap = 10;

    /// <summary>Whether pixel (<paramref name="row"/>, <paramref name="col"/>) lies in an inter-module gap.</summary>
    public static bool IsGap(int row, int col) =>
        row % (ModuleRows + RowGap) >= ModuleRows || col % (ModuleCols + ColGap) >= ModuleCols;

    /// <summary>The gap pixels of a full Eiger 4M frame (true = gap), row-major.</summary>
    public static bool[] GapMask()
    {
        var shape = DetectorShape.Eiger4M;
        var mask = new bool[shape.PixelCount];
        for (int r = 0; r < shape.Rows; r++)
        {
            for (int c = 0; c < shape.Cols; c++)
            {
                mask[r * shape.Cols + c] = IsGap(r, c);
            }
        }

        return mask;
    }
}
