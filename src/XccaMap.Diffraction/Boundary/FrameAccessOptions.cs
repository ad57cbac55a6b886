namespace XccaMap.Diffraction.Boundary;

/// <summary>Where the frames of a processed scan are and how to read them (<see cref="PatternReader"/>).</summary>
public sealed record FrameAccessOptions
{
    /// <summary>The Eiger master file; null = the one recorded in results.h5 (<c>/entry/process/master</c>).</summary>
    public string? MasterPath { get; init; }

    /// <summary>A PONI file; null = the geometry recorded in results.h5 with the master file's pixel size.</summary>
    public string? PoniPath { get; init; }

    /// <summary>Extra masks (.npy, non-zero = excluded); empty = the .npy masks process used (summary.json).</summary>
    public IReadOnlyList<string> MaskPaths { get; init; } = [];

    /// <summary>q bin width of the SAXS cake in units of the q step between neighbouring pixels near the beam (default 0.5, as process).</summary>
    public double QStepFactor { get; init; } = 0.5;

    /// <summary>Azimuthal bins of the SAXS cake over 360° (default 360: 1°, about the width of a superlattice spot).</summary>
    public int PhiBins { get; init; } = 360;

    /// <summary>Azimuthal bins of the atomic-lattice ring profiles over 360° (default 180).</summary>
    public int AtomicPhiBins { get; init; } = 180;

    /// <summary>Largest q of the SAXS cake relative to the highest superlattice ring's window (default 1.12: room for compressed edges).</summary>
    public double QMaxFactor { get; init; } = 1.12;

    /// <summary>A q range (Å⁻¹) the SAXS cake must cover besides the superlattice rings (e.g. a reflection to map), or null.</summary>
    public (double Min, double Max)? IncludeQ { get; init; }

    /// <summary>Detect hot pixels in up to this many of the frames read (0 = off). Default 8.</summary>
    public int HotPixelFrames { get; init; } = 8;
}
