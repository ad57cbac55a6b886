namespace XccaMap.Simulation.Scan;

/// <summary>
/// Beamstop: a disk on the direct beam plus the holder arm that runs from it to the detector edge. Pixels behind it
/// get zero counts (they are not in pixel_mask; the beamstop mask is written as NAME_beamstop.npy).
/// Alternatively a mask <see cref="File"/> (.npy, non-zero = beamstop, relative to the scan file).
/// </summary>
public sealed record BeamstopSettings
{
    /// <summary>Radius of the beamstop disk, pixels.</summary>
    public double RadiusPx { get; init; } = 14.0;

    /// <summary>Width of the holder arm, pixels.</summary>
    public double HolderWidthPx { get; init; } = 8.0;

    /// <summary>Direction of the holder arm from the beam, φ in degrees (from +column towards +row).</summary>
    public double HolderPhiDeg { get; init; } = 135.0;

    /// <summary>Optional beamstop mask file (.npy, detector shape, non-zero = blocked) instead of the shape above.</summary>
    public string? File { get; init; }
}
