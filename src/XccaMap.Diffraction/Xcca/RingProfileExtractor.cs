using XccaMap.Diffraction.Remap;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// I(φ) and W(φ) of one ring from a frame's remap sums, into caller buffers (no allocation per frame), as
/// <see cref="AngularProfile"/> defines them: I = Σ signal / Σ normalisation over the ring's q bins, W = the
/// covered fraction (pixel count in the window relative to the best-covered φ bin of the table, so detector gaps,
/// the beamstop and the detector edge give W &lt; 1 or 0, and so do a frame's invalid (all-ones) pixels).
/// </summary>
public sealed class RingProfileExtractor
{
    private readonly int _first;
    private readonly int _last;
    private readonly double _fullCount;
    private readonly double _minCoverage;

    /// <summary>Prepares the extraction of the q bins of <paramref name="table"/> whose centres lie in the window.</summary>
    /// <param name="table">A table with φ bins over the full circle.</param>
    /// <param name="qMin">Window start, Å⁻¹.</param>
    /// <param name="qMax">Window end, Å⁻¹.</param>
    /// <param name="minCoverage">φ bins covered less than this (0–1) get W = 0.</param>
    public RingProfileExtractor(RemapTable table, double qMin, double qMax, double minCoverage = 0)
    {
        ArgumentNullException.ThrowIfNull(table);
        var bins = table.Bins;
        if (!bins.IsFullCircle)
        {
            throw new ArgumentException($"the CCF needs φ bins over the full circle (table covers [{bins.PhiMin}, {bins.PhiMax})°)");
        }

        _first = -1;
        _last = -1;
        for (int iq = 0; iq < bins.QCount; iq++)
        {
            double q = bins.QCentre(iq);
            if (q >= qMin && q <= qMax)
            {
                _first = _first < 0 ? iq : _first;
                _last = iq;
            }
        }

        if (_first < 0)
        {
            throw new ArgumentException($"no q bin centre of the table [{bins.QMin}, {bins.QMax}] Å⁻¹ lies in the ring window [{qMin}, {qMax}] Å⁻¹");
        }

        Table = table;
        Bins = bins.PhiCount;
        _minCoverage = minCoverage;
        var count = table.CountSum;
        for (int j = 0; j < Bins; j++)
        {
            double c = 0;
            for (int iq = _first; iq <= _last; iq++)
            {
                c += count[(iq * Bins) + j];
            }

            _fullCount = Math.Max(_fullCount, c);
        }
    }

    /// <summary>The remap table.</summary>
    public RemapTable Table { get; }

    /// <summary>φ bins N.</summary>
    public int Bins { get; }

    /// <summary>Lower edge of the q bins used, Å⁻¹.</summary>
    public double QMin => Table.Bins.QEdge(_first);

    /// <summary>Upper edge of the q bins used, Å⁻¹.</summary>
    public double QMax => Table.Bins.QEdge(_last + 1);

    /// <summary>Writes I(φ) (0 where W = 0) and W(φ) ∈ [0, 1] of the sums in <paramref name="accumulator"/> (per frame).</summary>
    public void Extract(RemapAccumulator accumulator, Span<double> intensity, Span<double> weight)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        if (intensity.Length != Bins || weight.Length != Bins)
        {
            throw new ArgumentException($"profile buffers need {Bins} values");
        }

        var s = accumulator.Signal;
        var n = accumulator.Normalisation;
        var c = accumulator.Count;
        double full = _fullCount * Math.Max(accumulator.Frames, 1);
        for (int j = 0; j < Bins; j++)
        {
            double ss = 0, nn = 0, cc = 0;
            for (int iq = _first; iq <= _last; iq++)
            {
                int b = (iq * Bins) + j;
                ss += s[b];
                nn += n[b];
                cc += c[b];
            }

            double w = full > 0 ? cc / full : 0;
            bool ok = w > 0 && w >= _minCoverage && nn > 0;
            weight[j] = ok ? Math.Min(w, 1) : 0;
            intensity[j] = ok ? ss / nn : 0;
        }
    }
}
