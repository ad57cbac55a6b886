namespace XccaMap.Diffraction.Features;

/// <summary>Which angular profiles make a band's fingerprint and decide whether a frame has signal.</summary>
public enum FingerprintSource
{
    /// <summary>The whole-band profile B(φ) (<see cref="BandProfile"/>): robust to radial shifts of the peaks.</summary>
    Band,

    /// <summary>The net profiles of the rings, concatenated: keeps which ring a peak is on.</summary>
    Rings,
}
