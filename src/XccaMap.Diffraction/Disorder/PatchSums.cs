using XccaMap.Diffraction.Remap;

namespace XccaMap.Diffraction.Disorder;

/// <summary>
/// Sums of a (q, φ) remap over the frames of a domain (Σ signal, Σ normalisation per bin), for the domain-averaged
/// peak that <see cref="DisorderFit"/> fits. Adding a frame is one pass over the table's bins (no allocation); one
/// instance per thread and domain, combined with <see cref="Merge"/>.
/// </summary>
public sealed class PatchSums
{
    private readonly double[] _signal;
    private readonly double[] _norm;

    /// <summary>Empty sums for <paramref name="bins"/> (a cake over the ring, several φ bins over the full circle).</summary>
    public PatchSums(RemapBins bins)
    {
        ArgumentNullException.ThrowIfNull(bins);
        if (!bins.IsFullCircle || bins.PhiCount < 4)
        {
            throw new ArgumentException($"the patch needs φ bins over the full circle (got [{bins.PhiMin}, {bins.PhiMax})° in {bins.PhiCount} bins)");
        }

        Bins = bins;
        _signal = new double[bins.BinCount];
        _norm = new double[bins.BinCount];
    }

    /// <summary>The (q, φ) grid.</summary>
    public RemapBins Bins { get; }

    /// <summary>Frames added.</summary>
    public long Frames { get; private set; }

    /// <summary>Adds one frame's remap sums (its accumulator must be on a table with the same bins).</summary>
    public void Add(RemapAccumulator frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Table.Bins != Bins)
        {
            throw new ArgumentException("the frame's remap table has other bins than these sums");
        }

        var s = frame.Signal;
        var n = frame.Normalisation;
        for (int b = 0; b < _signal.Length; b++)
        {
            _signal[b] += s[b];
            _norm[b] += n[b];
        }

        Frames += frame.Frames;
    }

    /// <summary>Adds Σ signal and Σ normalisation of one bin (e.g. a frame's stored mean × the bin's normalisation, see <see cref="FramePatchStore"/>).</summary>
    /// <param name="bin">Bin index, q-major (iq × PhiCount + jφ).</param>
    /// <param name="signal">Signal (counts).</param>
    /// <param name="normalisation">Normalisation of the same pixels.</param>
    public void AddBin(int bin, double signal, double normalisation)
    {
        _signal[bin] += signal;
        _norm[bin] += normalisation;
    }

    /// <summary>Counts one more frame in <see cref="Frames"/> (after its bins were added with <see cref="AddBin"/>).</summary>
    public void CountFrame() => Frames++;

    /// <summary>Adds another instance's sums.</summary>
    public void Merge(PatchSums other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Bins != Bins)
        {
            throw new ArgumentException("cannot merge sums of other bins");
        }

        for (int b = 0; b < _signal.Length; b++)
        {
            _signal[b] += other._signal[b];
            _norm[b] += other._norm[b];
        }

        Frames += other.Frames;
    }

    /// <summary>
    /// The mean pattern Σ signal / Σ normalisation with its Poisson error √Σ signal / Σ normalisation (at least the
    /// error of one count, so empty-looking bins keep a finite weight); NaN where nothing was measured.
    /// </summary>
    public PeakPatch ToPatch()
    {
        int n = _signal.Length;
        var intensity = new double[n];
        var sigma = new double[n];
        for (int b = 0; b < n; b++)
        {
            bool ok = _norm[b] > 0;
            intensity[b] = ok ? _signal[b] / _norm[b] : double.NaN;
            sigma[b] = ok ? Math.Sqrt(Math.Max(_signal[b], 1)) / _norm[b] : double.NaN;
        }

        return new PeakPatch(Bins.QCentres(), Bins.PhiCentres(), intensity, sigma);
    }
}
