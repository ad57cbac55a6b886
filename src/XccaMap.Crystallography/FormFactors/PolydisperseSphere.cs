using XccaMap.Crystallography.Structures;

namespace XccaMap.Crystallography.FormFactors;

/// <summary>
/// Spheres with normally distributed radii R ~ N(mean, σ²) (Å), e.g. 65 ± 5 Å as in the simulation of
/// Mukharamova et al. 2019 (S.I., Fig. S4).
/// </summary>
/// <remarks>
/// <para>
/// Volume weighting: each sphere scatters an amplitude ∝ V(R)·F(q, R), so its intensity is ∝ V² ∝ R⁶.
/// The size-averaged intensity is therefore
/// ⟨P⟩(q) = ∫ N(R) R⁶ F(q, R)² dR / ∫ N(R) R⁶ dR, normalised to 1 at q = 0 (<see cref="MeanIntensity"/>).
/// The R⁶ weight shifts the weighted mean radius above the number mean (≈ 67.3 Å for 65 ± 5 Å).
/// </para>
/// <para>
/// Quadrature: composite Simpson's rule on a fixed grid over [max(0, mean − 6σ), mean + 6σ] (the normal density
/// truncated at R ≥ 0 and renormalised). Nodes and weights (including R⁶) are computed once here.
/// With the default 401 nodes and σ = 5 Å the step is 0.15 Å, i.e. ≥ 20 nodes per oscillation of F² up to
/// q ≈ 2 Å⁻¹ — far beyond the SAXS range where this is used.
/// </para>
/// <para>
/// As an <see cref="IScatterer"/> (site scatterer in a superlattice) the amplitude is the effective
/// √⟨P⟩(q) (decoupling approximation: sizes uncorrelated with position, exact for |F|² of a one-species lattice).
/// </para>
/// </remarks>
public sealed class PolydisperseSphere : IScatterer
{
    private readonly double[] _radii;
    private readonly double[] _weights;

    /// <summary>Creates the size distribution and its quadrature.</summary>
    /// <param name="meanRadius">Mean radius in Å (&gt; 0).</param>
    /// <param name="sigmaRadius">Standard deviation of the radius in Å (≥ 0; 0 gives the monodisperse sphere).</param>
    /// <param name="nodes">Number of Simpson nodes (odd, ≥ 3; even values are rounded up).</param>
    public PolydisperseSphere(double meanRadius, double sigmaRadius, int nodes = 401)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(meanRadius);
        ArgumentOutOfRangeException.ThrowIfNegative(sigmaRadius);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 3);
        MeanRadius = meanRadius;
        SigmaRadius = sigmaRadius;
        if (sigmaRadius == 0)
        {
            _radii = [meanRadius];
            _weights = [1.0];
            return;
        }

        int n = nodes | 1;
        double lo = Math.Max(0, meanRadius - (6 * sigmaRadius)), hi = meanRadius + (6 * sigmaRadius);
        double h = (hi - lo) / (n - 1);
        _radii = new double[n];
        _weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            double r = lo + (i * h);
            double z = (r - meanRadius) / sigmaRadius;
            double simpson = i == 0 || i == n - 1 ? 1 : (i % 2 == 1 ? 4 : 2);
            double r3 = r * r * r;
            double w = simpson * Math.Exp(-0.5 * z * z) * r3 * r3;
            _radii[i] = r;
            _weights[i] = w;
            sum += w;
        }

        for (int i = 0; i < n; i++)
        {
            _weights[i] /= sum;
        }
    }

    /// <summary>Mean radius (Å).</summary>
    public double MeanRadius { get; }

    /// <summary>Standard deviation of the radius (Å).</summary>
    public double SigmaRadius { get; }

    /// <inheritdoc />
    public string Label => FormattableString.Invariant($"spheres R={MeanRadius:G4}±{SigmaRadius:G3} Å");

    /// <summary>Volume-weighted (R⁶) mean of the normalised sphere intensity ⟨P⟩(q), 1 at q = 0; q in Å⁻¹.</summary>
    public double MeanIntensity(double q)
    {
        double sum = 0;
        for (int i = 0; i < _radii.Length; i++)
        {
            sum += _weights[i] * SphereFormFactor.Intensity(q, _radii[i]);
        }

        return sum;
    }

    /// <summary>Effective amplitude √⟨P⟩(q) (see remarks).</summary>
    public double Amplitude(double q) => Math.Sqrt(MeanIntensity(q));
}
