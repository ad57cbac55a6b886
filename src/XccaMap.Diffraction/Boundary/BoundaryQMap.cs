namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// The q map the compression analysis works on, with its errors and quality flags (row-major over the raster).
/// </summary>
/// <param name="Label">Reflection label ("200"), or "all" for the combination of all mapped reflections.</param>
/// <param name="Reflection">Reflection whose q the values are (for "all": the q the combined lattice scale gives for this reflection).</param>
/// <param name="Q">q per point, Å⁻¹ (NaN where no value).</param>
/// <param name="Error">1-σ error of q per point, Å⁻¹.</param>
/// <param name="Flags">Quality flags per point.</param>
/// <param name="ReferenceQ">q of <see cref="Reflection"/> for the scan's indexed lattice constant, Å⁻¹ (scale = q / ReferenceQ).</param>
/// <param name="Sources">The results.h5 maps used.</param>
public sealed record BoundaryQMap(string Label, string Reflection, double[] Q, double[] Error, QualityFlags[] Flags, double ReferenceQ, IReadOnlyList<string> Sources)
{
    /// <summary>True when point <paramref name="index"/> may enter a fit.</summary>
    public bool Usable(int index, bool useMixed = false) =>
        (Flags[index] & QualityFlags.Unusable) == 0 && (useMixed || (Flags[index] & QualityFlags.Mixed) == 0);

    /// <summary>Number of points with each flag set.</summary>
    public IReadOnlyDictionary<QualityFlags, int> FlagCounts() =>
        Enum.GetValues<QualityFlags>().Where(f => f is not QualityFlags.None and not QualityFlags.Unusable)
            .ToDictionary(f => f, f => Flags.Count(x => (x & f) != 0));
}
