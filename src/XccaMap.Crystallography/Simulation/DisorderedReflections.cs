using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Reflections;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// Atomic-lattice (WAXS) spots of nanocrystals whose orientations scatter about a mean: which reflections appear, at
/// which φ, and how strongly, given the Ewald condition and the orientational spread (<see cref="BraggProbability"/>).
/// </summary>
/// <remarks>
/// Intensity = |F|²·P with P the population-averaged rocking-curve weight; radial σ = the Scherrer width σ_s;
/// azimuthal σ = √((σ_D/cos θ_B)² + (σ_s/q)²). Lorentz and polarisation factors are not included.
/// At 13.8 keV and q₂₀₀ = 2.12 Å⁻¹ the Bragg tilt is θ_B ≈ 8.7°, so even an in-plane 200 only diffracts from the
/// tail of a ≈ 7° disorder distribution — the reason the WAXS intensities carry out-of-plane information.
/// </remarks>
public sealed class DisorderedReflections
{
    private readonly ReflectionCalculator _calculator;

    /// <summary>Wraps a reflection list (structure and q_max) that is enumerated once.</summary>
    public DisorderedReflections(ReflectionCalculator calculator) =>
        _calculator = calculator ?? throw new ArgumentNullException(nameof(calculator));

    /// <summary>The underlying calculator.</summary>
    public ReflectionCalculator Calculator => _calculator;

    /// <summary>
    /// The spots of the mean orientation <paramref name="labFromCrystal"/> whose probability P is at least
    /// <paramref name="minProbability"/> × the largest P over the list, strongest first.
    /// </summary>
    /// <param name="labFromCrystal">Mean orientation lab ← crystal.</param>
    /// <param name="wavelengthAngstrom">λ in Å.</param>
    /// <param name="disorderSigmaDeg">σ of the rotation about any fixed axis, degrees (&gt; 0 unless the size is finite).</param>
    /// <param name="crystalSizeAngstrom">Coherent size L in Å (Scherrer; e.g. 65 Å nanocrystals).</param>
    /// <param name="scherrerK">Scherrer constant K.</param>
    /// <param name="minProbability">Relative cut (0 keeps every reflection).</param>
    public PatternSpot[] Compute(Mat3 labFromCrystal, double wavelengthAngstrom, double disorderSigmaDeg, double crystalSizeAngstrom,
        double scherrerK = 0.9, double minProbability = 1e-3)
    {
        var broadening = new SpotBroadening(disorderSigmaDeg, crystalSizeAngstrom, scherrerK);
        broadening.Validate();
        double sizeSigma = broadening.SizeSigma;
        double k = LabFrame.WaveNumber(wavelengthAngstrom);
        Reflection[] all = _calculator.Compute(labFromCrystal, wavelengthAngstrom, broadening);
        var spots = new PatternSpot[all.Length];
        double maxP = 0;
        for (int i = 0; i < all.Length; i++)
        {
            Reflection r = all[i];
            double p = sizeSigma > 0
                ? BraggProbability.Probability(r.GLab, k, disorderSigmaDeg, sizeSigma)
                : BraggProbability.RelativeToIdeal(r.GLab, k, disorderSigmaDeg, 0);
            maxP = Math.Max(maxP, p);
            double sigmaPhi = BraggProbability.AzimuthalSigmaDeg(r.Q, k, disorderSigmaDeg, sizeSigma);
            spots[i] = new PatternSpot(r.Hkl, r.Q, r.PhiDeg, Math.Max(sizeSigma, 1e-6 * r.Q), sigmaPhi, r.StructureFactorSquared * p, p);
        }

        double cut = minProbability * maxP;
        return spots.Where(s => s.Excitation >= cut && s.Excitation > 0).OrderByDescending(s => s.Intensity).ToArray();
    }
}
