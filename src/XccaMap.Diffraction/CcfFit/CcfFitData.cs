using XccaMap.Crystallography.Simulation;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// A measured domain CCF and what the fit needs to know about it, as plain arrays (independent of how `process`
/// stores results). Convention: C(Δ) = ⟨I(q₁, φ)·I(q₂, φ + Δ)⟩_φ, Δ and φ in degrees (design.md §3, §4.7).
/// </summary>
public sealed record CcfFitData
{
    /// <summary>Δ of each value, degrees (any range, any spacing; e.g. 0, 1, …, 359).</summary>
    public required double[] DeltaDeg { get; init; }

    /// <summary>C(Δ), normally scaled to [0, 1]; NaN values (no mask overlap) are skipped.</summary>
    public required double[] Ccf { get; init; }

    /// <summary>q₁ (superlattice ring), Å⁻¹.</summary>
    public required double Q1 { get; init; }

    /// <summary>q₂ (atomic-lattice ring), Å⁻¹.</summary>
    public required double Q2 { get; init; }

    /// <summary>X-ray wavelength, Å.</summary>
    public required double WavelengthAngstrom { get; init; }

    /// <summary>W(q₁, φ): mask of ring 1; null = full ring.</summary>
    public AngularMask? Mask1 { get; init; }

    /// <summary>W(q₂, φ): mask of ring 2, e.g. the ≈ 90° arc of the WAXS ring on the detector (eq. 5); null = full ring.</summary>
    public AngularMask? Mask2 { get; init; }

    /// <summary>Optional measured profile of ring 1 (fixes ψ and σ₁).</summary>
    public RingProfile? Profile1 { get; init; }

    /// <summary>
    /// Optional measured azimuths (degrees) of the domain's SAXS peaks on any superlattice ring, e.g. the class's
    /// typical peak azimuths from <c>process</c>. They fix ψ (held at the best match, its error from their scatter)
    /// when neither a ring-1 profile nor a fixed ψ is given.
    /// </summary>
    public double[]? SaxsPeakPhiDeg { get; init; }

    /// <summary>Optional measured profile of ring 2.</summary>
    public RingProfile? Profile2 { get; init; }

    /// <summary>Label for reports (e.g. "domain 2").</summary>
    public string Label { get; init; } = "domain";

    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public void Validate()
    {
        if (DeltaDeg.Length != Ccf.Length || DeltaDeg.Length == 0)
        {
            throw new ArgumentException($"{Label}: Δ ({DeltaDeg.Length}) and C ({Ccf.Length}) must have the same non-zero length.");
        }

        if (Ccf.Count(double.IsFinite) < 8)
        {
            throw new ArgumentException($"{Label}: fewer than 8 finite CCF values.");
        }

        if (!(Q1 > 0) || !(Q2 > 0) || !(WavelengthAngstrom > 0))
        {
            throw new ArgumentException(FormattableString.Invariant($"{Label}: need q₁, q₂ > 0 Å⁻¹ and λ > 0 Å (got {Q1}, {Q2}, {WavelengthAngstrom})."));
        }
    }
}
