namespace XccaMap.Simulation.Scan;

/// <summary>
/// The Eiger 4M (2167 × 2070 pixels of 75 µm, module gaps) and its geometry. Either the inline geometry
/// (<see cref="DistanceM"/>, beam centre, rotations) or a pyFAI <see cref="PoniFile"/> (then the inline geometry keys
/// must be left out; the wavelength still comes from the beam section and must agree with the file).
/// </summary>
public sealed record DetectorSettings
{
    /// <summary>Sample–detector distance (PONI distance), metres.</summary>
    public double DistanceM { get; init; } = 0.41;

    /// <summary>Direct beam along columns (fast axis), pixels from the detector corner (NXmx beam_center_x).</summary>
    public double BeamCenterXPx { get; init; } = 180.0;

    /// <summary>Direct beam along rows (slow axis), pixels (NXmx beam_center_y).</summary>
    public double BeamCenterYPx { get; init; } = 1990.0;

    /// <summary>pyFAI rot1, radians.</summary>
    public double Rot1Rad { get; init; }

    /// <summary>pyFAI rot2, radians.</summary>
    public double Rot2Rad { get; init; }

    /// <summary>pyFAI rot3, radians.</summary>
    public double Rot3Rad { get; init; }

    /// <summary>Optional PONI file (relative to the scan file) instead of the inline geometry.</summary>
    public string? PoniFile { get; init; }

    /// <summary>Fraction of pixels that are dead (pixel_mask bit 1, read as all-ones).</summary>
    public double DeadPixelFraction { get; init; } = 1e-4;

    /// <summary>Number of hot pixels flagged in pixel_mask (bit 3, read as all-ones).</summary>
    public int HotPixelsMasked { get; init; } = 40;

    /// <summary>Number of hot pixels the mask does not know about (they count every frame).</summary>
    public int HotPixelsUnmasked { get; init; } = 5;

    /// <summary>Mean counts per frame of an unmasked hot pixel.</summary>
    public double HotPixelCounts { get; init; } = 3000;

    /// <summary>Seed of the dead/hot pixel positions (a property of the detector, not of the scan).</summary>
    public int DefectSeed { get; init; } = 4242;
}
