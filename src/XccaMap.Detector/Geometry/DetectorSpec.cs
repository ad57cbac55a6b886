namespace XccaMap.Detector.Geometry;

/// <summary>
/// The detector a PONI geometry refers to: its pyFAI class name, pixel pitch and (when known) its shape.
/// </summary>
/// <param name="Name">pyFAI detector class name as written in a PONI file ("Detector" for a generic one, "Eiger4M", …).</param>
/// <param name="PixelSize1">Pixel pitch along rows (slow axis, pyFAI "pixel1"), metres.</param>
/// <param name="PixelSize2">Pixel pitch along columns (fast axis, pyFAI "pixel2"), metres.</param>
/// <param name="Shape">Image shape, or null when the file does not say (PONI version 1 with a generic detector).</param>
public sealed record DetectorSpec(string Name, double PixelSize1, double PixelSize2, DetectorShape? Shape)
{
    /// <summary>Pixel pitch of the DECTRIS Eiger detectors, metres.</summary>
    public const double EigerPixelSize = 75e-6;

    /// <summary>The DECTRIS Eiger 4M (pyFAI class "Eiger4M"): 2167 × 2070 pixels of 75 µm.</summary>
    public static DetectorSpec Eiger4M { get; } = new("Eiger4M", EigerPixelSize, EigerPixelSize, DetectorShape.Eiger4M);

    /// <summary>A generic pyFAI "Detector" with the given pixel pitch (metres) and shape.</summary>
    public static DetectorSpec Generic(double pixelSize1, double pixelSize2, DetectorShape? shape) =>
        new("Detector", pixelSize1, pixelSize2, shape);

    /// <summary>
    /// The spec of a detector known by name (pyFAI class names and aliases, case and spaces ignored), or null.
    /// Only detectors this project meets are known; others must carry their pixel sizes in the PONI file.
    /// </summary>
    public static DetectorSpec? FromKnownName(string name)
    {
        var key = name.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal).ToLowerInvariant();
        return key switch
        {
            "eiger4m" => Eiger4M,
            _ => null,
        };
    }
}
