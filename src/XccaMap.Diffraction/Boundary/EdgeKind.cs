namespace XccaMap.Diffraction.Boundary;

/// <summary>What lies beyond a domain edge crossed by a line.</summary>
public enum EdgeKind
{
    /// <summary>The line does not leave the domain.</summary>
    NotFound = 0,

    /// <summary>Superlattice scattering stops (empty points or no domain): the edge of the film or of ordered material.</summary>
    ScatteringStops = 1,

    /// <summary>Another domain begins (a grain boundary).</summary>
    ClassChange = 2,
}
