namespace XccaMap.Simulation.Scan;

/// <summary>
/// Everything a simulated scan is made of, as read from <c>scans/NAME.json</c>. JSON keys are the snake_case
/// property names and carry their unit (<c>step_um</c>, <c>wavelength_angstrom</c>, …); every value has a default
/// (documented in <c>scans/README.md</c>), so a scan file only lists what differs.
/// </summary>
public sealed record ScanDefinition
{
    /// <summary>Scan name: output files are NAME_master.h5, NAME_data_00000N.h5, NAME_scan.json, …</summary>
    public string Name { get; init; } = "scan";

    /// <summary>Free text for people.</summary>
    public string? Description { get; init; }

    /// <summary>Seed of the sample (grains, classes, thickness) and of the counting noise.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Raster shape, step and order.</summary>
    public RasterSettings Raster { get; init; } = new();

    /// <summary>X-ray beam.</summary>
    public BeamSettings Beam { get; init; } = new();

    /// <summary>Detector geometry and defects.</summary>
    public DetectorSettings Detector { get; init; } = new();

    /// <summary>Beamstop and its holder arm.</summary>
    public BeamstopSettings Beamstop { get; init; } = new();

    /// <summary>The superlattice film: lattices, nanocrystals, grains, boundaries, intensities.</summary>
    public SampleSettings Sample { get; init; } = new();

    /// <summary>Diffuse and flat backgrounds.</summary>
    public BackgroundSettings Background { get; init; } = new();

    /// <summary>Domain classes (at least one).</summary>
    public IReadOnlyList<ClassSettings> Classes { get; init; } = [];
}
