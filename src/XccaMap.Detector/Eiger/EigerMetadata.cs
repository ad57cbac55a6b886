namespace XccaMap.Detector.Eiger;

/// <summary>
/// What a DECTRIS/NXmx master says about the experiment, converted to SI at read time.
/// Fields absent from the file are null. Beam centre stays in pixels (as NXmx stores it).
/// </summary>
public sealed record EigerMetadata
{
    /// <summary>X-ray wavelength in metres.</summary>
    public double? WavelengthMetres { get; init; }

    /// <summary>Sample–detector distance in metres.</summary>
    public double? DistanceMetres { get; init; }

    /// <summary>Beam centre along columns (fast axis), pixels.</summary>
    public double? BeamCenterX { get; init; }

    /// <summary>Beam centre along rows (slow axis), pixels.</summary>
    public double? BeamCenterY { get; init; }

    /// <summary>Pixel size along columns, metres.</summary>
    public double? PixelSizeX { get; init; }

    /// <summary>Pixel size along rows, metres.</summary>
    public double? PixelSizeY { get; init; }

    /// <summary>Exposure per frame, seconds.</summary>
    public double? CountTimeSeconds { get; init; }

    /// <summary>Bits per stored pixel value.</summary>
    public int? BitDepthImage { get; init; }

    /// <summary>Counts above which a pixel is saturated.</summary>
    public long? SaturationValue { get; init; }

    /// <summary>Images per trigger.</summary>
    public long? NImages { get; init; }

    /// <summary>Number of triggers.</summary>
    public long? NTrigger { get; init; }

    /// <summary>Detector columns from detectorSpecific/x_pixels_in_detector.</summary>
    public int? XPixelsInDetector { get; init; }

    /// <summary>Detector rows from detectorSpecific/y_pixels_in_detector.</summary>
    public int? YPixelsInDetector { get; init; }

    /// <summary>Detector description (e.g. "Dectris EIGER2 Si 4M").</summary>
    public string? Description { get; init; }

    /// <summary>Frames the detector was asked for: nimages × ntrigger (when both are known).</summary>
    public long? ExpectedFrames => NImages is { } n ? n * (NTrigger is > 0 ? NTrigger.Value : 1) : null;
}
