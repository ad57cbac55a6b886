namespace XccaMap.Diffraction.Rings;

/// <summary>Which lattice a diffraction ring belongs to.</summary>
public enum RingKind
{
    /// <summary>A superlattice (SL) reflection, small-angle range (SAXS).</summary>
    Superlattice,

    /// <summary>An atomic-lattice (AL) reflection of the nanocrystals, wide-angle range (WAXS).</summary>
    AtomicLattice,
}
