namespace XccaMap.Diffraction.Rings;

/// <summary>The rings of interest of a scan.</summary>
/// <param name="Superlattice">SL rings (SAXS), increasing q.</param>
/// <param name="AtomicLattice">AL rings (WAXS), increasing q.</param>
/// <param name="SplitQ">q separating the SAXS from the WAXS range, Å⁻¹.</param>
/// <param name="Search">The radial peak search they came from (for plots), or null when all rings were configured.</param>
public sealed record RingSet(IReadOnlyList<Ring> Superlattice, IReadOnlyList<Ring> AtomicLattice, double SplitQ, RadialPeakSearch? Search)
{
    /// <summary>All rings, SL first.</summary>
    public IEnumerable<Ring> All => Superlattice.Concat(AtomicLattice);
}
