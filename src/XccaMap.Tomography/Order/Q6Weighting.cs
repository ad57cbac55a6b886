namespace XccaMap.Tomography.Order;

/// <summary>How neighbours enter q₆ₘ (eq. 1 of Friedrich et al. 2009 SI).</summary>
public enum Q6Weighting
{
    /// <summary>Every Voronoi neighbour counts once, as in eq. 1 of the paper (fcc 0.57452, bcc 0.51069, …).</summary>
    Equal,

    /// <summary>Neighbours weighted by their facet area (Mickel et al. 2013); insensitive to tiny facets, not the paper's choice.</summary>
    FacetArea,
}
