using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Simulation;
using XccaMap.Crystallography.Symmetry;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>The best fit of one (zone axis, relation) candidate to a measured CCF.</summary>
public sealed record CcfFitResult
{
    /// <summary>The relation assumed.</summary>
    public required CcfModelKind Model { get; init; }

    /// <summary>Superlattice zone axis along the beam.</summary>
    public required ZoneAxis Zone { get; init; }

    /// <summary>Hkl family of ring 1 (superlattice), e.g. (2 0 0) or (3 1 1).</summary>
    public required Miller Ring1Family { get; init; }

    /// <summary>Hkl family of ring 2 (atomic lattice), e.g. (2 0 0).</summary>
    public required Miller Ring2Family { get; init; }

    /// <summary>
    /// Where ψ came from: "fitted" (ring-1 profile or the CCF and its masks), "given", or "SAXS peak azimuths"
    /// (held at the best match to <see cref="CcfFitData.SaxsPeakPhiDeg"/>).
    /// </summary>
    public string InPlaneSource { get; init; } = "fitted";

    /// <summary>All six nonlinear parameters (ψ, ω_x, ω_y, ω_z, σ₁, σ₂), fitted or fixed, degrees.</summary>
    public required IReadOnlyList<FitParameter> Parameters { get; init; }

    /// <summary>Superlattice orientation lab ← SL.</summary>
    public required Mat3 LabFromSl { get; init; }

    /// <summary>Atomic-lattice orientation lab ← AL (relation and misorientation applied).</summary>
    public required Mat3 LabFromAl { get; init; }

    /// <summary>
    /// Deviation from the nominal relation: angle |ω| (degrees) and axis in the superlattice frame, with the angle's
    /// standard error (NaN when ω is zero or not fitted).
    /// </summary>
    public required Misorientation Deviation { get; init; }

    /// <summary>Standard error of the deviation angle, degrees.</summary>
    public required double DeviationErrorDeg { get; init; }

    /// <summary>Cubic disorientation between SL and AL (angle ≤ 62.8°, axis in the standard triangle of the SL frame).</summary>
    public required Misorientation Disorientation { get; init; }

    /// <summary>Cubic disorientation of the nominal relation alone (e.g. 45° about [001] for Conf1).</summary>
    public required Misorientation NominalDisorientation { get; init; }

    /// <summary>Σ (C_measured − C_fit)² over the finite CCF values (the residual used for model selection with no profiles).</summary>
    public required double CcfRss { get; init; }

    /// <summary>Root-mean-square CCF residual √(RSS/n), in the CCF's units (normally of its [0, 1] range).</summary>
    public double CcfRmsResidual => Math.Sqrt(CcfRss / Math.Max(1, CcfPoints));

    /// <summary>Σ r² over every block (CCF and the weighted profiles): the quantity minimised and compared.</summary>
    public required double TotalRss { get; init; }

    /// <summary>Finite CCF values fitted.</summary>
    public required int CcfPoints { get; init; }

    /// <summary>Residuals minus free parameters (nonlinear and linear).</summary>
    public required int DegreesOfFreedom { get; init; }

    /// <summary>Coefficient of determination of the CCF block, 1 − RSS/Σ(C − C̄)².</summary>
    public required double CcfRSquared { get; init; }

    /// <summary>Fitted CCF c₀ + c·C_model(Δ) on the data's Δ grid.</summary>
    public required double[] FittedCcf { get; init; }

    /// <summary>The simulated CCF scaled to [0, 1] (eq. 6 and the S.I.'s normalisation) on the data's Δ grid.</summary>
    public required double[] SimulatedCcf { get; init; }

    /// <summary>CCF offset c₀ of the linear part.</summary>
    public required double Offset { get; init; }

    /// <summary>Linear amplitudes: one overall scale (physical amplitudes) or one per WAXS peak (free amplitudes).</summary>
    public required double[] Amplitudes { get; init; }

    /// <summary>
    /// Coefficients (≥ 0) of the background terms of the fitted CCF: SAXS peaks × flat WAXS background, then flat SAXS
    /// background × WAXS peak(s). They matter when a ring is only partly seen (the WAXS window).
    /// </summary>
    public required double[] BackgroundCoefficients { get; init; }

    /// <summary>SAXS peaks of the model (φ, relative amplitude, σ).</summary>
    public required IReadOnlyList<RingPeak> Ring1Peaks { get; init; }

    /// <summary>WAXS peaks of the model.</summary>
    public required IReadOnlyList<RingPeak> Ring2Peaks { get; init; }

    /// <summary>
    /// WAXS peaks of the fitted model inside the ring-2 mask (relative amplitude ≥ 5 % and a non-zero fitted amplitude).
    /// Zero means the fit rests on background and peak tails only: its misorientation is then barely measured.
    /// </summary>
    public required int Ring2PeaksInWindow { get; init; }

    /// <summary>True if the Levenberg–Marquardt refinement met a convergence test.</summary>
    public required bool Converged { get; init; }

    /// <summary>Iterations of the best refinement.</summary>
    public required int Iterations { get; init; }

    /// <summary>Parameter by name (see <see cref="CcfFitProblem.Names"/>).</summary>
    public FitParameter Parameter(string name) => Parameters.First(p => p.Name == name);

    /// <summary>In-plane rotation ψ of the superlattice, degrees.</summary>
    public FitParameter InPlane => Parameters[CcfFitProblem.InPlane];

    /// <summary>Misorientation ω (lab frame), degrees.</summary>
    public Vec3 MisorientationDeg => new(Parameters[CcfFitProblem.OmegaX].Value, Parameters[CcfFitProblem.OmegaY].Value, Parameters[CcfFitProblem.OmegaZ].Value);

    /// <summary>σ of the SAXS peaks, degrees.</summary>
    public FitParameter Sigma1 => Parameters[CcfFitProblem.Sigma1];

    /// <summary>σ of the WAXS peaks, degrees.</summary>
    public FitParameter Sigma2 => Parameters[CcfFitProblem.Sigma2];
}
