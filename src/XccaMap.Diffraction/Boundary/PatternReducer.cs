using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Reduces detector frames to <see cref="PointPattern"/>s: a (q, φ) cake of the SAXS band (half a pixel step in q
/// near the beam, 1° in φ; the remap tables are built once) and the net angular profiles of the atomic-lattice rings
/// (<see cref="BandCake"/>). One reducer serves all frames; <see cref="Reduce(ReadOnlySpan{uint}, int, int)"/> is
/// thread-safe only with one reducer per thread (it owns its accumulators).
/// </summary>
public sealed class PatternReducer
{
    private readonly RemapAccumulator _saxsAcc;
    private readonly RemapAccumulator? _alAcc;
    private readonly double[] _scratch;

    /// <summary>Builds the tables.</summary>
    /// <param name="geometry">Pixel geometry.</param>
    /// <param name="mask">Excluded pixels.</param>
    /// <param name="qMin">Lower edge of the SAXS cake, Å⁻¹.</param>
    /// <param name="qMax">Upper edge of the SAXS cake, Å⁻¹.</param>
    /// <param name="atomicRings">Atomic-lattice rings (may be empty).</param>
    /// <param name="options">Binning; defaults when null.</param>
    public PatternReducer(PixelGeometry geometry, DetectorMask mask, double qMin, double qMax, IReadOnlyList<Ring> atomicRings, FrameAccessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        options ??= new FrameAccessOptions();
        var poni = geometry.Poni;
        double lambdaAngstrom = poni.Wavelength * 1e10; // metres → Å at this boundary
        double pixelStep = 2 * Math.PI * Math.Min(poni.PixelSize1, poni.PixelSize2) / (lambdaAngstrom * poni.Distance);
        double qStep = Math.Clamp(options.QStepFactor, 0.1, 4) * pixelStep;
        int nq = Math.Max(8, (int)Math.Ceiling((qMax - qMin) / qStep));
        WavelengthAngstrom = lambdaAngstrom;
        Grid = new CakeGrid(qMin, qStep, nq, Math.Max(36, options.PhiBins));
        SaxsTable = RemapTable.Build(geometry, mask, RemapBins.Cake(qMin, qMin + (nq * qStep), nq, Grid.PhiCount));
        _saxsAcc = new RemapAccumulator(SaxsTable);
        AtomicRings = atomicRings;
        if (atomicRings.Count > 0)
        {
            double lo = Math.Max(0, atomicRings.Min(r => r.LowerBand.Min)), hi = atomicRings.Max(r => r.UpperBand.Max);
            double fwhm = atomicRings.Where(r => r.Fwhm > 0).Select(r => r.Fwhm).DefaultIfEmpty(0).Min();
            double step = Math.Max(pixelStep, fwhm / 8);
            int n = Math.Max(4, (int)Math.Ceiling((hi - lo) / step));
            var bands = atomicRings.Select(r => new QBand(r.LowerBand.Min, r.UpperBand.Max)).ToList();
            var table = RemapTable.Build(geometry, mask, RemapBins.Cake(lo, lo + (n * step), n, Math.Max(36, options.AtomicPhiBins)), new RemapOptions { Bands = bands });
            AtomicCake = new BandCake(table, atomicRings, 0.5, bandProfile: false);
            _alAcc = new RemapAccumulator(table);
        }

        _scratch = new double[AtomicCake?.ScratchLength ?? 0];
    }

    private PatternReducer(PatternReducer other)
    {
        WavelengthAngstrom = other.WavelengthAngstrom;
        Grid = other.Grid;
        SaxsTable = other.SaxsTable;
        AtomicRings = other.AtomicRings;
        AtomicCake = other.AtomicCake;
        _saxsAcc = new RemapAccumulator(SaxsTable);
        _alAcc = AtomicCake is null ? null : new RemapAccumulator(AtomicCake.Table);
        _scratch = new double[other._scratch.Length];
    }

    /// <summary>λ, Å.</summary>
    public double WavelengthAngstrom { get; }

    /// <summary>The SAXS cake's bins.</summary>
    public CakeGrid Grid { get; }

    /// <summary>The SAXS remap table.</summary>
    public RemapTable SaxsTable { get; }

    /// <summary>Atomic-lattice rings analysed.</summary>
    public IReadOnlyList<Ring> AtomicRings { get; }

    /// <summary>The atomic-lattice ring extraction, or null without rings.</summary>
    public BandCake? AtomicCake { get; }

    /// <summary>Pixel runs the tables read (for a region-of-interest decode).</summary>
    public IEnumerable<(int Start, int Length)> PixelRanges => SaxsTable.PixelRanges.Concat(AtomicCake?.Table.PixelRanges ?? []);

    /// <summary>A reducer sharing the tables, with its own accumulators (one per thread).</summary>
    public PatternReducer Clone() => new(this);

    /// <summary>Reduces a uint32 frame (all-ones pixels are invalid).</summary>
    public PointPattern Reduce(ReadOnlySpan<uint> frame, int row, int col)
    {
        SaxsTable.Integrate(frame, _saxsAcc);
        if (_alAcc is not null)
        {
            AtomicCake!.Table.Integrate(frame, _alAcc);
        }

        return Collect(row, col);
    }

    /// <summary>Reduces a float frame (simulated data; NaN = missing).</summary>
    public PointPattern Reduce(ReadOnlySpan<float> frame, int row, int col)
    {
        SaxsTable.Integrate(frame, _saxsAcc);
        if (_alAcc is not null)
        {
            AtomicCake!.Table.Integrate(frame, _alAcc);
        }

        return Collect(row, col);
    }

    private PointPattern Collect(int row, int col)
    {
        int n = SaxsTable.BinCount;
        var mean = new float[n];
        var weight = new float[n];
        var s = _saxsAcc.Signal;
        var w = _saxsAcc.Normalisation;
        for (int b = 0; b < n; b++)
        {
            mean[b] = w[b] > 0 ? (float)(s[b] / w[b]) : float.NaN;
            weight[b] = (float)w[b];
        }

        float[] net = [], intensity = [];
        if (AtomicCake is { } cake && _alAcc is not null)
        {
            int rings = cake.Rings.Count;
            net = new float[rings * cake.PhiCount];
            intensity = new float[rings];
            var radial = new float[cake.QCount];
            var background = new float[rings];
            cake.Extract(_alAcc, radial, net, background, intensity, Span<float>.Empty, Span<float>.Empty, _scratch);
        }

        return new PointPattern(row, col, 1, mean, weight, net, intensity);
    }
}
