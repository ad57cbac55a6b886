namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// The mirror axis Δ0 of a CCF, where C(Δ0 + x) ≈ C(Δ0 − x) for all x (Fig. 2 of Mukharamova et al. 2019: 0° for
/// domains whose nanocrystals sit symmetrically to the ⟨110⟩_SL directions, 42° for the orange domain).
/// </summary>
/// <remarks>
/// Mirror axes come in families: with one at Δ0 there is another at Δ0 + 180°, and a CCF of period P (e.g. 90° when
/// the q1 ring has fourfold symmetry) has them every P/2. <see cref="AxisDeg"/> is the member of the family in
/// [−90°, 90°) nearest Δ = 0 (see <see cref="SymmetryAxisFinder.Find"/>).
/// </remarks>
/// <param name="AxisDeg">Δ0 in degrees, in [−90, 90): of equivalent axes the one nearest 0; NaN for a flat or undefined CCF.</param>
/// <param name="ErrorDeg">Standard error of Δ0, degrees (see <see cref="Method"/>).</param>
/// <param name="PeriodDeg">The CCF's period P found from its Fourier components (360/L for the largest L ≤ 12 whose harmonics hold all but a small fraction of the power), degrees.</param>
/// <param name="Asymmetry">Mirror residual at Δ0 relative to the CCF's variance, 0 (perfect mirror) … 1.</param>
/// <param name="Method">How <see cref="ErrorDeg"/> was found.</param>
public readonly record struct SymmetryAxis(double AxisDeg, double ErrorDeg, double PeriodDeg, double Asymmetry, SymmetryErrorMethod Method)
{
    /// <summary>No axis (flat or empty CCF).</summary>
    public static SymmetryAxis None => new(double.NaN, double.NaN, 360, double.NaN, SymmetryErrorMethod.None);
}
