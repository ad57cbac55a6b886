namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// What the boundary analysis needs from a <c>results.h5</c> of <c>xccamap process</c> (docs/process-outputs.md):
/// the raster, the class maps, the q maps of the superlattice reflections, the ring intensity maps, the rings,
/// the lattice constants and the geometry. Maps are row-major over the raster (index = row × Cols + col).
/// Class labels: ≥ 0 class, −1 empty, −2 mixed, −3 no data.
/// </summary>
public sealed record ResultsMaps
{
    /// <summary>Label of a point without angular peaks (no superlattice scattering).</summary>
    public const int Empty = -1;

    /// <summary>Label of a point showing two classes.</summary>
    public const int Mixed = -2;

    /// <summary>Label of a raster point without a frame.</summary>
    public const int NoData = -3;

    /// <summary>The file read (for messages), or a description of an in-memory source.</summary>
    public required string Source { get; init; }

    /// <summary>Raster rows.</summary>
    public required int Rows { get; init; }

    /// <summary>Raster columns.</summary>
    public required int Cols { get; init; }

    /// <summary>Raster step, µm (NaN when the scan description did not give it).</summary>
    public double StepUm { get; init; } = double.NaN;

    /// <summary>Odd rows were scanned backwards (frame order; matters when frames are read).</summary>
    public bool Snake { get; init; }

    /// <summary>SAXS (superlattice) class per point.</summary>
    public required int[] SaxsClass { get; init; }

    /// <summary>WAXS (atomic-lattice) class per point, or null.</summary>
    public int[]? WaxsClass { get; init; }

    /// <summary>Mean intensity over the SAXS band per point (counts/pixel), or null.</summary>
    public float[]? SaxsIntensity { get; init; }

    /// <summary>q maps of the mapped superlattice reflections.</summary>
    public IReadOnlyList<ResultsQMap> QMaps { get; init; } = [];

    /// <summary>Mean net ring intensity per point, by ring name (counts/pixel).</summary>
    public IReadOnlyDictionary<string, float[]> RingIntensity { get; init; } = new Dictionary<string, float[]>();

    /// <summary>Rings of interest.</summary>
    public IReadOnlyList<ResultsRing> Rings { get; init; } = [];

    /// <summary>Superlattice constant of the scan's indexing (least squares), Å; NaN when unknown.</summary>
    public double LatticeConstant { get; init; } = double.NaN;

    /// <summary>Core lattice constant ⟨a⟩ per SAXS class label (Table S1), Å.</summary>
    public IReadOnlyDictionary<int, double> ClassLatticeConstant { get; init; } = new Dictionary<int, double>();

    /// <summary>Geometry used by process, or null.</summary>
    public ResultsGeometry? Geometry { get; init; }

    /// <summary>The master file process read, or null.</summary>
    public string? MasterPath { get; init; }

    /// <summary>Mask files (.npy) process used, from the summary.json beside results.h5 (existing files only).</summary>
    public IReadOnlyList<string> MaskFiles { get; init; } = [];

    /// <summary>Number of raster points.</summary>
    public int Points => Rows * Cols;

    /// <summary>True when the raster step is known (distances in µm); otherwise distances are in raster steps.</summary>
    public bool HasStep => double.IsFinite(StepUm) && StepUm > 0;

    /// <summary>The step used for distances: µm when known, else 1 (distances in raster steps).</summary>
    public double DistanceUnit => HasStep ? StepUm : 1.0;

    /// <summary>Unit name of distances.</summary>
    public string DistanceUnitName => HasStep ? "um" : "steps";

    /// <summary>The q map of reflection <paramref name="hkl"/> ("200"), or null.</summary>
    public ResultsQMap? QMap(string hkl) =>
        QMaps.FirstOrDefault(m => string.Equals(m.Hkl, hkl, StringComparison.Ordinal) || string.Equals(m.Name, hkl, StringComparison.Ordinal) || string.Equals(m.Name, "q_sl_" + hkl, StringComparison.Ordinal));

    /// <summary>Frame index (0-based) of raster point (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public long FrameOf(int row, int col) => ((long)row * Cols) + (Snake && (row & 1) == 1 ? Cols - 1 - col : col);

    /// <summary>Throws when the maps do not have the raster's size.</summary>
    public void Validate()
    {
        if (Rows < 1 || Cols < 1)
        {
            throw new InvalidDataException($"{Source}: raster {Rows} x {Cols} has no points");
        }

        void Check(int length, string name)
        {
            if (length != Points)
            {
                throw new InvalidDataException($"{Source}: {name} has {length} values, expected {Rows} x {Cols} = {Points}");
            }
        }

        Check(SaxsClass.Length, "saxs_class");
        if (WaxsClass is not null)
        {
            Check(WaxsClass.Length, "waxs_class");
        }

        if (SaxsIntensity is not null)
        {
            Check(SaxsIntensity.Length, "saxs_intensity");
        }

        foreach (var q in QMaps)
        {
            Check(q.Values.Length, q.Name);
            Check(q.Errors.Length, q.Name + "_error");
        }

        foreach (var (name, map) in RingIntensity)
        {
            Check(map.Length, "intensity_" + name);
        }
    }
}
