namespace XccaMap.Diffraction.Remap;

/// <summary>A q interval [<see cref="QMin"/>, <see cref="QMax"/>] in Å⁻¹, e.g. a ring to be analysed on every frame.</summary>
/// <param name="QMin">Lower edge, Å⁻¹.</param>
/// <param name="QMax">Upper edge, Å⁻¹.</param>
public readonly record struct QBand(double QMin, double QMax)
{
    /// <summary>Whether the bin [lo, hi) overlaps this band.</summary>
    public bool Overlaps(double lo, double hi) => hi > QMin && lo < QMax;
}
