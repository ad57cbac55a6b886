namespace XccaMap.Detector.Compression;

/// <summary>
/// A run of consecutive elements of one chunk, addressed by the row-major flattened element
/// index (for a frame of <c>rows × columns</c> pixels, pixel (y, x) is element <c>y·columns + x</c>).
/// </summary>
/// <param name="Start">Index of the first element (elements, not bytes).</param>
/// <param name="Count">Number of elements; 0 is allowed and selects nothing.</param>
public readonly record struct ElementRange(int Start, int Count)
{
    /// <summary>Index one past the last element.</summary>
    public int End => Start + Count;

    /// <summary>The elements of whole rows <c>firstRow .. firstRow + rowCount − 1</c> of a
    /// row-major image with <paramref name="columns"/> pixels per row.</summary>
    /// <param name="firstRow">First row (pixels from the top).</param>
    /// <param name="rowCount">Number of rows.</param>
    /// <param name="columns">Pixels per row.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative argument.</exception>
    /// <exception cref="OverflowException">The range does not fit in <see cref="int"/>.</exception>
    public static ElementRange FromRows(int firstRow, int rowCount, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstRow);
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        return new ElementRange(checked(firstRow * columns), checked(rowCount * columns));
    }
}
