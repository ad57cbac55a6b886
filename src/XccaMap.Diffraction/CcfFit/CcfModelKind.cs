namespace XccaMap.Diffraction.CcfFit;

/// <summary>Which orientation relation between superlattice and atomic lattice a CCF fit assumes (design.md §4.11).</summary>
public enum CcfModelKind
{
    /// <summary>Conf1 ([110]SL ∥ [100]AL, [001]SL ∥ [001]AL) plus a small misorientation.</summary>
    Conf1 = 0,

    /// <summary>Conf2 ([110]SL ∥ [100]AL, [001]SL ∥ [011]AL) plus a small misorientation.</summary>
    Conf2 = 1,

    /// <summary>Any relation: the full rotation SL ← AL is fitted (multi-start over Conf1, Conf2 and random rotations).</summary>
    Free = 2,
}
