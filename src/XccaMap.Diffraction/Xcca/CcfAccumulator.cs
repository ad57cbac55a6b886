using System.Numerics;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// The frame sums of a domain's masked CCF: Σ_frames num and Σ_frames den (as one packed spectrum, see
/// <see cref="MaskedCcfEngine"/>), so the domain average is
/// <code>
///   C̄(Δ) = Σ_f Σ_φ I1W1·I2W2(·+Δ)  /  Σ_f Σ_φ W1·W2(·+Δ)
/// </code>
/// — a ratio of sums, not the mean of per-frame ratios. Why: (1) it is the mean product over every (frame, φ)
/// where both rings were measured, so a frame with a small mask overlap at some Δ (a partly masked frame, hot
/// pixels turned all-ones) weighs less there instead of adding a noisy ratio with full weight; (2) when every frame
/// has the same masks — the usual case — it equals the mean of the per-frame CCFs exactly; (3) it is linear in the
/// frames, so spectra add and one inverse FFT per domain suffices. The tests check (2) and the unbiasedness under
/// frame-dependent masks.
/// <para>
/// Frames are also summed in <see cref="Groups"/> jackknife groups (by a hash of the frame index, so each group
/// samples the whole domain) for the uncertainty of quantities derived from C̄, such as its symmetry axis.
/// Not thread-safe: one per thread and domain, combined with <see cref="Merge"/>.
/// </para>
/// </summary>
public sealed class CcfAccumulator
{
    /// <summary>Default number of jackknife groups.</summary>
    public const int DefaultGroups = 10;

    private readonly Complex[][] _groups;
    private readonly long[] _groupFrames;

    /// <summary>Empty sums for <paramref name="bins"/> φ bins.</summary>
    /// <param name="bins">N, as the engine's.</param>
    /// <param name="groups">Jackknife groups (≥ 1).</param>
    public CcfAccumulator(int bins, int groups = DefaultGroups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        Bins = bins;
        _groups = new Complex[groups][];
        for (int g = 0; g < groups; g++)
        {
            _groups[g] = new Complex[bins];
        }

        _groupFrames = new long[groups];
    }

    /// <summary>φ bins N.</summary>
    public int Bins { get; }

    /// <summary>Jackknife groups.</summary>
    public int Groups => _groups.Length;

    /// <summary>Frames added.</summary>
    public long Frames { get; private set; }

    /// <summary>Frames in group <paramref name="group"/>.</summary>
    public long FramesInGroup(int group) => _groupFrames[group];

    /// <summary>Adds the sums of <paramref name="other"/> (same bins and groups).</summary>
    public void Merge(CcfAccumulator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Bins != Bins || other.Groups != Groups)
        {
            throw new ArgumentException($"cannot merge sums of {other.Bins} bins × {other.Groups} groups into {Bins} × {Groups}");
        }

        for (int g = 0; g < Groups; g++)
        {
            var dst = _groups[g];
            var src = other._groups[g];
            for (int k = 0; k < Bins; k++)
            {
                dst[k] += src[k];
            }

            _groupFrames[g] += other._groupFrames[g];
        }

        Frames += other.Frames;
    }

    /// <summary>The packed spectrum summed over all groups (or all but <paramref name="leaveOut"/>, ≥ 0).</summary>
    public void Sum(Span<Complex> destination, int leaveOut = -1)
    {
        if (destination.Length != Bins)
        {
            throw new ArgumentException($"destination needs {Bins} values");
        }

        destination.Clear();
        for (int g = 0; g < Groups; g++)
        {
            if (g == leaveOut)
            {
                continue;
            }

            var src = _groups[g];
            for (int k = 0; k < Bins; k++)
            {
                destination[k] += src[k];
            }
        }
    }

    /// <summary>The jackknife group of a frame: a multiplicative hash of its index, so groups interleave over the raster.</summary>
    public int GroupOf(long frameKey) => (int)((((ulong)frameKey * 0x9E3779B97F4A7C15UL) >> 33) % (ulong)Groups);

    internal void Add(ReadOnlySpan<Complex> packed, long frameKey)
    {
        int g = GroupOf(frameKey);
        var dst = _groups[g];
        for (int k = 0; k < dst.Length; k++)
        {
            dst[k] += packed[k];
        }

        _groupFrames[g]++;
        Frames++;
    }
}
