using XccaMap.Detector.Geometry;

namespace XccaMap.Detector.Masks;

/// <summary>A mask source whose shape does not match the detector; the message names the source and both shapes.</summary>
public sealed class MaskShapeException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="maskSource">The mask source: a file path, a dataset or a short description.</param>
    /// <param name="expected">The detector shape the mask must have.</param>
    /// <param name="actual">The shape found, as text (for example "(2167, 2070)" or "4485000 elements").</param>
    public MaskShapeException(string maskSource, DetectorShape expected, string actual)
        : base($"mask source '{maskSource}': expected shape {expected.Rows} × {expected.Cols} ({expected.PixelCount} pixels), got {actual}")
    {
        MaskSource = maskSource;
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The file path or description of the offending source.</summary>
    public string MaskSource { get; }

    /// <summary>The detector shape that was expected.</summary>
    public DetectorShape Expected { get; }

    /// <summary>The shape that was found, as text.</summary>
    public string Actual { get; }
}
