using XccaMap.Diffraction.Remap;

namespace XccaMap.Diffraction.Disorder;

/// <summary>
/// Every frame's (q, φ) patch around one ring (the 200 ring of the atomic lattice), cut from a cake the frame pass
/// computes anyway (<c>process</c>'s WAXS feature cake), so that domain-averaged patches for <see cref="DisorderFit"/>
/// can be summed once the domains are known, without reading a frame again. Only bins that hold pixels are kept
/// (a WAXS ring is seen over ~90° on the P10 geometry); each frame's mean Σ signal / Σ normalisation per bin is
/// stored as an IEEE half float (3 significant digits, far finer than one frame's Poisson noise).
/// </summary>
public sealed class FramePatchStore
{
    private readonly int[] _tableBin;
    private readonly int[] _patchBin;
    private readonly double[] _normalisation;
    private readonly double[] _count;
    private readonly Half[] _means;

    /// <summary>Keeps the q bins of <paramref name="table"/> whose centres lie in [<paramref name="qMin"/>, <paramref name="qMax"/>] (Å⁻¹).</summary>
    /// <param name="table">A cake over the full circle.</param>
    /// <param name="qMin">Lower q of the patch, Å⁻¹.</param>
    /// <param name="qMax">Upper q of the patch, Å⁻¹.</param>
    /// <param name="frames">Frame slots.</param>
    /// <exception cref="ArgumentException">The table is not a full-circle cake, or no q bin lies in the range.</exception>
    public FramePatchStore(RemapTable table, double qMin, double qMax, int frames)
    {
        ArgumentNullException.ThrowIfNull(table);
        var bins = table.Bins;
        if (!bins.IsFullCircle || bins.PhiCount < 4)
        {
            throw new ArgumentException("the patch needs a cake over the full circle");
        }

        var qs = Enumerable.Range(0, bins.QCount).Where(iq => bins.QCentre(iq) >= qMin && bins.QCentre(iq) <= qMax).ToArray();
        if (qs.Length == 0)
        {
            throw new ArgumentException(FormattableString.Invariant($"no q bin of the table lies in [{qMin}, {qMax}] Å⁻¹"));
        }

        int first = qs[0], count = qs[^1] - first + 1, np = bins.PhiCount;
        Bins = new RemapBins(bins.QEdge(first), bins.QEdge(first + count), count, bins.PhiMin, bins.PhiMax, np);
        var norm = table.NormalisationSum.ToArray();
        var kept = Enumerable.Range(0, count * np).Where(b => norm[(first * np) + b] > 0).ToArray();
        _patchBin = kept;
        _tableBin = kept.Select(b => (first * np) + b).ToArray();
        _normalisation = _tableBin.Select(b => norm[b]).ToArray();
        var pixels = table.CountSum.ToArray();
        _count = _tableBin.Select(b => pixels[b]).ToArray();
        Frames = frames;
        _means = new Half[checked(frames * kept.Length)];
        _means.AsSpan().Fill(Half.NaN);
    }

    /// <summary>The (q, φ) grid of the patch (a sub-range of the table's q bins, all its φ bins).</summary>
    public RemapBins Bins { get; }

    /// <summary>Frame slots.</summary>
    public int Frames { get; }

    /// <summary>Bins kept per frame (those holding pixels).</summary>
    public int BinsPerFrame => _patchBin.Length;

    /// <summary>Per kept bin k: its index in <see cref="Bins"/> (q-major).</summary>
    public ReadOnlySpan<int> PatchBin => _patchBin;

    /// <summary>Per kept bin: Σ normalisation of its pixels (one frame without invalid pixels).</summary>
    public ReadOnlySpan<double> Normalisation => _normalisation;

    /// <summary>Per kept bin: its (fractional) pixel count.</summary>
    public ReadOnlySpan<double> PixelCount => _count;

    /// <summary>Frame <paramref name="frame"/>'s means per kept bin (NaN where unmeasured or not stored).</summary>
    public ReadOnlySpan<Half> Means(int frame) => _means.AsSpan(frame * _tableBin.Length, _tableBin.Length);

    /// <summary>Bytes of storage.</summary>
    public long Bytes => 2L * _means.Length;

    /// <summary>Stores frame <paramref name="frame"/>'s means from its sums on the table (disjoint slots may be filled concurrently).</summary>
    public void Store(int frame, RemapAccumulator accumulator)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        var s = accumulator.Signal;
        var n = accumulator.Normalisation;
        var slot = _means.AsSpan(frame * _tableBin.Length, _tableBin.Length);
        for (int k = 0; k < _tableBin.Length; k++)
        {
            int b = _tableBin[k];
            slot[k] = n[b] > 0 ? (Half)(s[b] / n[b]) : Half.NaN;
        }
    }

    /// <summary>
    /// The sums of <paramref name="frames"/>: per bin Σ mean·N and Σ N over the frames where it was measured, N the
    /// bin's full normalisation — i.e. Σ signal / Σ normalisation as if every frame had all its pixels, and the
    /// Poisson error of <see cref="PatchSums.ToPatch"/> from the implied counts.
    /// </summary>
    public PatchSums Sum(IEnumerable<int> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var sums = new PatchSums(Bins);
        foreach (int f in frames)
        {
            var slot = _means.AsSpan(f * _tableBin.Length, _tableBin.Length);
            bool any = false;
            for (int k = 0; k < slot.Length; k++)
            {
                double m = (double)slot[k];
                if (double.IsFinite(m))
                {
                    sums.AddBin(_patchBin[k], m * _normalisation[k], _normalisation[k]);
                    any = true;
                }
            }

            if (any)
            {
                sums.CountFrame();
            }
        }

        return sums;
    }
}
