namespace XccaMap.Diffraction.Boundary;

/// <summary>How the q map used for compression is chosen and flagged (<see cref="QMapBuilder"/>).</summary>
public sealed record QMapOptions
{
    /// <summary>
    /// Reflection: an fcc label of a mapped reflection ("200"), or "all" (default) to combine every mapped reflection
    /// into one lattice scale q/q_ref (weighted by the fit errors), shown as q of the lowest mapped reflection.
    /// Near an edge the lattice turns out of plane and single reflections leave the Ewald sphere; the combination
    /// keeps a value wherever any of them is seen.
    /// </summary>
    public string Reflection { get; init; } = "all";

    /// <summary>Errors above this multiple of the map's median error flag the point (<see cref="QualityFlags.LargeError"/>). Default 5.</summary>
    public double MaxErrorFactor { get; init; } = 5;

    /// <summary>A spike deviates from the median of its same-domain neighbours (at least two) by more than this fraction of q. Default 0.03.</summary>
    public double SpikeRelative { get; init; } = 0.03;

    /// <summary>Use mixed points in fits (default false: their q blends two domains).</summary>
    public bool UseMixed { get; init; }
}
