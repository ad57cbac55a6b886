using XccaMap.Diffraction.Boundary;

namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Frames of a scan read again as SAXS cakes, for the rotation-aware re-assignment of rim points
/// (<see cref="RotationReassignment"/>).
/// </summary>
internal interface IRimFrames
{
    /// <summary>The (q, φ) bins of the cakes.</summary>
    CakeGrid Grid { get; }

    /// <summary>
    /// Reads <paramref name="frames"/> and hands each one's cake to <paramref name="consume"/>, concurrently from several
    /// threads; a frame that cannot be read is left out.
    /// </summary>
    void Read(IReadOnlyList<int> frames, Action<int, PointPattern> consume);
}
