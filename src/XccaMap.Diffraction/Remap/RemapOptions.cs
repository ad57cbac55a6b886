namespace XccaMap.Diffraction.Remap;

/// <summary>Options of a <see cref="RemapTable"/>.</summary>
public sealed record RemapOptions
{
    /// <summary>Pixel splitting; <see cref="PixelSplit.None"/> by default.</summary>
    public PixelSplit Split { get; init; } = PixelSplit.None;

    /// <summary>Divide by pyFAI's normalised solid angle cos³α (part of the per-pixel normalisation). On by default, as in pyFAI.</summary>
    public bool CorrectSolidAngle { get; init; } = true;

    /// <summary>Polarisation fraction f ∈ [−1, 1] to correct for (pyFAI <c>polarization_factor</c>), or null for none.</summary>
    public double? PolarisationFactor { get; init; }

    /// <summary>
    /// Restrict the table to these q bands: only q bins overlapping a band get contributions (their values equal
    /// the full table's), and only pixels feeding them are read. Null for the whole q range.
    /// </summary>
    public IReadOnlyList<QBand>? Bands { get; init; }

    /// <summary>Threads used to build the table; −1 for all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
