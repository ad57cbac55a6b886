namespace XccaMap.Diffraction.Indexing;

/// <summary>One peak of an fcc indexing (a row of Table S1 of Mukharamova et al. 2019).</summary>
/// <param name="Q">Measured peak position, Å⁻¹.</param>
/// <param name="N">h² + k² + l² of the assigned line, or 0 when not indexed.</param>
/// <param name="Hkl">Family label ("200"), or null when not indexed.</param>
/// <param name="A">Lattice constant implied by this peak alone, a = 2π√N / q, Å (NaN when not indexed).</param>
/// <param name="RelativeResidual">|q / q_N(⟨a⟩) − 1| for the refined lattice constant (NaN when not indexed).</param>
public readonly record struct IndexedPeak(double Q, int N, string? Hkl, double A, double RelativeResidual)
{
    /// <summary>True when the peak was assigned an fcc line.</summary>
    public bool IsIndexed => N > 0;
}
