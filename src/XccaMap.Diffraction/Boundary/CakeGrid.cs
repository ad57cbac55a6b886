namespace XccaMap.Diffraction.Boundary;

/// <summary>Bins of a (q, φ) cake: q from <paramref name="QMin"/> in steps of <paramref name="QStep"/>, φ over [0, 360) in equal bins (row-major q × φ).</summary>
/// <param name="QMin">Lower edge, Å⁻¹.</param>
/// <param name="QStep">Bin width in q, Å⁻¹.</param>
/// <param name="QCount">q bins.</param>
/// <param name="PhiCount">φ bins over 360°.</param>
public sealed record CakeGrid(double QMin, double QStep, int QCount, int PhiCount)
{
    /// <summary>Bin width in φ, degrees.</summary>
    public double PhiStep => 360.0 / PhiCount;

    /// <summary>Upper edge, Å⁻¹.</summary>
    public double QMax => QMin + (QCount * QStep);

    /// <summary>Bins.</summary>
    public int BinCount => QCount * PhiCount;

    /// <summary>Centre of q bin <paramref name="iq"/>, Å⁻¹.</summary>
    public double Q(int iq) => QMin + ((iq + 0.5) * QStep);

    /// <summary>Centre of φ bin <paramref name="j"/>, degrees.</summary>
    public double Phi(int j) => (j + 0.5) * PhiStep;
}
