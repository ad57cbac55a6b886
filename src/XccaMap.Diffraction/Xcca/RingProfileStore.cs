using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// Angular profiles I(φ) of a few rings for every frame of a scan on a fine φ grid (the superlattice rings of
/// <c>process</c> at 1° for the CCFs, design.md §4.7), filled during the feature pass and read after the
/// classification. Each ring has its own remap table, one q bin over its window × N φ bins, so a frame costs only the
/// window's pixels. I(φ) is the window's mean intensity per pixel, background included, as in eq. 3 of the S.I. and
/// in <c>xccamap ccf compute</c> (<see cref="RingProfileExtractor"/>); W(φ) its pixel count relative to the
/// best-covered bin. Profiles are stored as IEEE half floats (2 bytes; 3 significant digits, far finer than the Poisson
/// noise of one frame's bin; a value beyond 65 504 counts per pixel reads as infinite, i.e. unmeasured).
/// </summary>
public sealed class RingProfileStore
{
    private readonly RemapTable[] _tables;
    private readonly double[][] _coverage;
    private readonly bool[][] _valid;
    private readonly Half[] _intensity;

    /// <summary>Builds the tables (once per scan) and allocates storage for <paramref name="frames"/> frames.</summary>
    /// <param name="geometry">Per-pixel geometry.</param>
    /// <param name="mask">Scan mask (true = excluded).</param>
    /// <param name="rings">The rings (their windows [QMin, QMax] are used).</param>
    /// <param name="phiBins">φ bins over 360°.</param>
    /// <param name="frames">Frame slots.</param>
    /// <param name="remap">Remap options (pixel splitting, solid angle, polarisation); <see cref="RemapOptions.Bands"/> is ignored.</param>
    /// <param name="minCoverage">φ bins holding less than this fraction (0–1) of the best-covered bin's pixels are unmeasured.</param>
    public RingProfileStore(PixelGeometry geometry, DetectorMask? mask, IReadOnlyList<Ring> rings, int phiBins, int frames, RemapOptions remap, double minCoverage)
    {
        ArgumentNullException.ThrowIfNull(rings);
        ArgumentNullException.ThrowIfNull(remap);
        ArgumentOutOfRangeException.ThrowIfLessThan(phiBins, 4);
        Rings = rings;
        PhiCount = phiBins;
        Frames = frames;
        _tables = rings.Select(r => RemapTable.Build(geometry, mask, new RemapBins(r.QMin, r.QMax, 1, 0, 360, phiBins), remap with { Bands = null })).ToArray();
        _coverage = new double[rings.Count][];
        _valid = new bool[rings.Count][];
        for (int r = 0; r < rings.Count; r++)
        {
            var count = _tables[r].CountSum;
            double max = 0;
            foreach (double c in count)
            {
                max = Math.Max(max, c);
            }

            _coverage[r] = new double[phiBins];
            _valid[r] = new bool[phiBins];
            for (int j = 0; j < phiBins; j++)
            {
                _coverage[r][j] = max > 0 ? count[j] / max : 0;
                _valid[r][j] = _coverage[r][j] > 0 && _coverage[r][j] >= minCoverage;
            }
        }

        _intensity = new Half[checked(frames * rings.Count * phiBins)];
        _intensity.AsSpan().Fill(Half.NaN);
    }

    /// <summary>The rings, in order.</summary>
    public IReadOnlyList<Ring> Rings { get; }

    /// <summary>φ bins over 360°.</summary>
    public int PhiCount { get; }

    /// <summary>Frame slots.</summary>
    public int Frames { get; }

    /// <summary>Bytes of profile storage.</summary>
    public long Bytes => 2L * _intensity.Length;

    /// <summary>Entries of all ring tables (pixel–bin pairs remapped per frame).</summary>
    public long Entries => _tables.Sum(t => t.EntryCount);

    /// <summary>Detector pixel runs the tables read (for region-of-interest decoding).</summary>
    public IEnumerable<(int Start, int Length)> PixelRanges => _tables.SelectMany(t => t.PixelRanges);

    /// <summary>Measured φ bins of ring <paramref name="ring"/> (coverage ≥ the minimum).</summary>
    public ReadOnlySpan<bool> Valid(int ring) => _valid[ring];

    /// <summary>Coverage W(φ) of ring <paramref name="ring"/>'s window, 0–1.</summary>
    public ReadOnlySpan<double> Coverage(int ring) => _coverage[ring];

    /// <summary>The stored I(φ) of ring <paramref name="ring"/> in frame <paramref name="frame"/> (NaN where unmeasured or not filled).</summary>
    public ReadOnlySpan<Half> Intensity(int frame, int ring) => _intensity.AsSpan(((frame * Rings.Count) + ring) * PhiCount, PhiCount);

    /// <summary>Per-thread state for filling the store (one accumulator per ring; nothing allocated per frame).</summary>
    public Worker CreateWorker() => new(this);

    /// <summary>Remaps the rings of one frame into its slot (disjoint slots may be filled concurrently by different workers).</summary>
    public sealed class Worker
    {
        private readonly RingProfileStore _store;
        private readonly RemapAccumulator[] _accumulators;

        internal Worker(RingProfileStore store)
        {
            _store = store;
            _accumulators = store._tables.Select(t => new RemapAccumulator(t)).ToArray();
        }

        /// <summary>Processes one frame into slot <paramref name="index"/>.</summary>
        public void Process(ReadOnlySpan<uint> frame, int index)
        {
            int np = _store.PhiCount;
            for (int r = 0; r < _accumulators.Length; r++)
            {
                var acc = _accumulators[r];
                _store._tables[r].Integrate(frame, acc);
                var s = acc.Signal;
                var n = acc.Normalisation;
                var valid = _store._valid[r];
                var slot = _store._intensity.AsSpan(((index * _accumulators.Length) + r) * np, np);
                for (int j = 0; j < np; j++)
                {
                    slot[j] = valid[j] && n[j] > 0 ? (Half)(s[j] / n[j]) : Half.NaN;
                }
            }
        }
    }
}
