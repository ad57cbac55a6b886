namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Quality flags of a q-map point (bits; 0 = good). A point is used in fits when none of
/// <see cref="Unusable"/> is set; <see cref="Mixed"/> is informative.
/// </summary>
[Flags]
public enum QualityFlags : byte
{
    /// <summary>A good value.</summary>
    None = 0,

    /// <summary>No value: no frame, or no significant peak in the fit window.</summary>
    NoValue = 1,

    /// <summary>Fit error above <see cref="QMapOptions.MaxErrorFactor"/> × the map's median error.</summary>
    LargeError = 2,

    /// <summary>The point is in no domain (empty, no data).</summary>
    OutsideDomain = 4,

    /// <summary>The point shows two classes at once (a boundary in the beam footprint): q is a blend.</summary>
    Mixed = 8,

    /// <summary>A spike: farther than <see cref="QMapOptions.SpikeRelative"/> from the median of its neighbours in the same domain.</summary>
    Spike = 16,

    /// <summary>Flags that exclude a point from fits.</summary>
    Unusable = NoValue | LargeError | OutsideDomain | Spike,
}
