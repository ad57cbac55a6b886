namespace XccaMap.Simulation.Truth;

/// <summary>
/// Masked CCF C(q1, q2, Δ) of a class's noise-free bulk pattern (design.md §4.7), computed with the scan's real mask
/// (pixel_mask ∪ beamstop) through the polar remap (full pixel splitting, solid-angle and polarisation corrected),
/// normalised by the mask overlap and scaled to [0, 1] (<see cref="Diffraction.Ccf.MaskedCcf"/>).
/// </summary>
public sealed record CcfTruth
{
    /// <summary>q1: the strongest SL ring of the class (on the detector), Å⁻¹.</summary>
    public required double Q1 { get; init; }

    /// <summary>Half-width of the q1 window, Å⁻¹.</summary>
    public required double Q1HalfWidth { get; init; }

    /// <summary>Miller indices of the reflection that set q1.</summary>
    public required string Q1Reflection { get; init; }

    /// <summary>q2: the 200 ring of the atomic lattice, Å⁻¹.</summary>
    public required double Q2 { get; init; }

    /// <summary>Half-width of the q2 window, Å⁻¹.</summary>
    public required double Q2HalfWidth { get; init; }

    /// <summary>Δ of each value, degrees (0, 1, …, 359).</summary>
    public required double[] DeltaDeg { get; init; }

    /// <summary>C(Δ) of the whole noise-free pattern (spots and backgrounds), scaled to [0, 1].</summary>
    public required double[] Values { get; init; }

    /// <summary>C(Δ) of the spots alone (no backgrounds), scaled to [0, 1].</summary>
    public required double[] SpotsOnly { get; init; }

    /// <summary>φ-bin centres of the angular profiles, degrees.</summary>
    public required double[] PhiDeg { get; init; }

    /// <summary>I(q1, φ) of the whole pattern (corrected counts).</summary>
    public required double[] Profile1 { get; init; }

    /// <summary>W(q1, φ).</summary>
    public required double[] Weight1 { get; init; }

    /// <summary>I(q2, φ).</summary>
    public required double[] Profile2 { get; init; }

    /// <summary>W(q2, φ).</summary>
    public required double[] Weight2 { get; init; }
}
