using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// Per-frame angular profiles I(φ) and masks W(φ) of the rings of a scan, on one φ grid of <see cref="PhiCount"/>
/// bins over 360° (design.md §3 convention) — what <see cref="DomainXcca"/> correlates. Implementations must allow
/// concurrent reads of different frames.
/// </summary>
public interface IRingProfileSource
{
    /// <summary>Frame slots (frame indices 0 … Frames − 1).</summary>
    int Frames { get; }

    /// <summary>φ bins N over 360°.</summary>
    int PhiCount { get; }

    /// <summary>The rings available (superlattice and atomic lattice).</summary>
    IReadOnlyList<Ring> Rings { get; }

    /// <summary>
    /// Writes frame <paramref name="frame"/>'s profile of ring <paramref name="ring"/>: I(φ) in any intensity unit and
    /// W(φ) ∈ [0, 1] (0 = not measured). Returns false when the frame has no data.
    /// </summary>
    bool TryRead(int frame, int ring, Span<double> intensity, Span<double> weight);
}
