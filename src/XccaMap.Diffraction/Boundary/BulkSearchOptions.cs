namespace XccaMap.Diffraction.Boundary;

/// <summary>Settings of the bulk orientation search (<see cref="BulkOrientationSearch"/>).</summary>
public sealed record BulkSearchOptions
{
    /// <summary>Largest Miller index of the zone-axis candidates (default 4).</summary>
    public int MaxZoneIndex { get; init; } = 4;

    /// <summary>Step of the in-plane angle ψ on the grid, degrees (default 1).</summary>
    public double InPlaneStepDeg { get; init; } = 1;

    /// <summary>Grid candidates refined (default 6).</summary>
    public int Refine { get; init; } = 6;

    /// <summary>Spot widths to start from (default mosaic 1°, radial σ 0.0012 Å⁻¹).</summary>
    public SpotShape InitialShape { get; init; } = new(1.0, 0.0012);

    /// <summary>Refine the spot widths too (default true).</summary>
    public bool RefineShape { get; init; } = true;

    /// <summary>Lattice-scale search range around the model lattice (default 0.9–1.1).</summary>
    public (double Min, double Max) ScaleRange { get; init; } = (0.9, 1.1);
}
