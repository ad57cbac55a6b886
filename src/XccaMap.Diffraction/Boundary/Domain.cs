namespace XccaMap.Diffraction.Boundary;

/// <summary>One domain: a connected region of one SAXS class, with the thin rims and mixed points attached to it.</summary>
/// <param name="Id">Domain number (0-based, largest first).</param>
/// <param name="ClassLabel">SAXS class of its core (≥ 0).</param>
/// <param name="Points">Raster points in the domain (core class and attached points).</param>
/// <param name="CorePoints">Points of the domain's own class component.</param>
/// <param name="Cored">
/// True when the component reaches <see cref="DomainSegmentationOptions.MinCoreDepthUm"/> away from other labels (a
/// real domain); false for a thin region that could not be attached to a cored one.
/// </param>
/// <param name="Depth">Largest distance of a point of the component from another label, in distance units (µm, or steps when the step is unknown).</param>
public sealed record Domain(int Id, int ClassLabel, int Points, int CorePoints, bool Cored, double Depth);
