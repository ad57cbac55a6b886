namespace XccaMap.Diffraction.Boundary;

/// <summary>How class maps are cut into domains (<see cref="DomainSegmentation"/>).</summary>
public sealed record DomainSegmentationOptions
{
    /// <summary>
    /// A class component is a domain of its own when some point of it lies at least this far (µm) from any other
    /// label; thinner components are rims (near an edge the lattice turns out of plane, the pattern changes and the
    /// classifier may give the rim its own class) and are attached to the nearest domain. Default 0.5 µm; never less
    /// than <see cref="MinCoreDepthSteps"/> raster steps.
    /// </summary>
    public double MinCoreDepthUm { get; init; } = 0.5;

    /// <summary>Lower bound of the core depth in raster steps (also used when the step is unknown). Default 2.</summary>
    public double MinCoreDepthSteps { get; init; } = 2;

    /// <summary>
    /// Where scattering stops, place the edge by the SAXS band intensity (default true): labelled points with less than
    /// half the film's intensity above the empty level count as empty (see <see cref="DomainSegmentation.Segment"/>).
    /// </summary>
    public bool IntensityEdge { get; init; } = true;

    /// <summary>Attach mixed points and rims to domains (default true); false keeps every class component as it is and mixed points as edges.</summary>
    public bool AttachRims { get; init; } = true;
}
