using XccaMap.Diffraction.Disorder;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// The ring profiles <c>process</c> correlates, on one grid of <see cref="PhiCount"/> φ bins: the superlattice rings
/// from a <see cref="RingProfileStore"/> filled at that resolution during the feature pass, then one atomic-lattice
/// ring (q2, normally AL 200) from the per-frame (q, φ) patches the pass cut from its WAXS cake
/// (<see cref="FramePatchStore"/>): the mean over the patch's q bins inside the ring window, on the cake's coarser φ
/// grid, each bin repeated <see cref="AtomicRepeat"/> times. Repeating loses nothing the CCF can show — an
/// atomic-lattice spot is far broader than the 2° cake bin (FWHM_az ≥ FWHM_rad ≈ 2.5°, plus the orientational
/// disorder; design.md §6) — and keeps the bin centres (no shift of Δ). I(φ) is the window's mean intensity per
/// pixel, background included (eq. 3 of the S.I., as <c>ccf compute</c>); W(φ) the window's pixel count relative to
/// its best-covered bin.
/// </summary>
public sealed class ProcessRingProfiles : IRingProfileSource
{
    private readonly RingProfileStore? _superlattice;
    private readonly FramePatchStore _patch;
    private readonly bool[]? _hasData;
    private readonly int _slRings;
    private readonly int[][] _windowBins;
    private readonly double[] _coverage;

    /// <summary>Wraps the stores.</summary>
    /// <param name="superlattice">SL ring profiles at the CCF resolution, or null.</param>
    /// <param name="patch">Per-frame patches holding the q2 ring; its φ bins must divide <paramref name="phiBins"/>.</param>
    /// <param name="q2">The atomic-lattice ring inside the patch (its window [QMin, QMax] is averaged).</param>
    /// <param name="hasData">Per frame: read and analysed (null = all).</param>
    /// <param name="phiBins">φ bins of the CCF grid (that of <paramref name="superlattice"/> when given).</param>
    /// <param name="minCoverage">q2 φ bins covered less than this (0–1) get W = 0.</param>
    public ProcessRingProfiles(RingProfileStore? superlattice, FramePatchStore patch, Ring q2, bool[]? hasData, int phiBins, double minCoverage = 0)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(q2);
        int coarse = patch.Bins.PhiCount;
        if (superlattice is not null && superlattice.PhiCount != phiBins)
        {
            throw new ArgumentException($"the SL profiles have {superlattice.PhiCount} φ bins, not {phiBins}");
        }

        if (phiBins % coarse != 0)
        {
            throw new ArgumentException($"{phiBins} φ bins are not a multiple of the patch's {coarse}");
        }

        _superlattice = superlattice;
        _patch = patch;
        _hasData = hasData;
        _slRings = superlattice?.Rings.Count ?? 0;
        AtomicRepeat = phiBins / coarse;
        PhiCount = phiBins;
        Frames = patch.Frames;
        Rings = [.. superlattice?.Rings ?? [], q2];

        // Per coarse φ bin, the kept patch bins whose q centre lies in the q2 window, and the window's coverage.
        var bins = patch.Bins;
        var lists = Enumerable.Range(0, coarse).Select(_ => new List<int>()).ToArray();
        var count = new double[coarse];
        for (int k = 0; k < patch.PatchBin.Length; k++)
        {
            int b = patch.PatchBin[k];
            double q = bins.QCentre(b / coarse);
            if (q >= q2.QMin && q <= q2.QMax)
            {
                lists[b % coarse].Add(k);
                count[b % coarse] += patch.PixelCount[k];
            }
        }

        double max = count.Max();
        _coverage = count.Select(c => max > 0 && c / max >= minCoverage ? c / max : 0).ToArray();
        _windowBins = lists.Select(l => l.ToArray()).ToArray();
    }

    /// <inheritdoc/>
    public int Frames { get; }

    /// <inheritdoc/>
    public int PhiCount { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Ring> Rings { get; }

    /// <summary>φ bins of the CCF grid per φ bin of the q2 profile (1 when the patch already has the CCF's).</summary>
    public int AtomicRepeat { get; }

    /// <inheritdoc/>
    public bool TryRead(int frame, int ring, Span<double> intensity, Span<double> weight)
    {
        if (_hasData is not null && !_hasData[frame])
        {
            return false;
        }

        if (ring < _slRings)
        {
            var values = _superlattice!.Intensity(frame, ring);
            var coverage = _superlattice.Coverage(ring);
            for (int j = 0; j < PhiCount; j++)
            {
                double v = (double)values[j];
                bool ok = double.IsFinite(v);
                weight[j] = ok ? Math.Clamp(coverage[j], 0, 1) : 0;
                intensity[j] = ok ? v : 0;
            }

            return true;
        }

        var means = _patch.Means(frame);
        var norm = _patch.Normalisation;
        for (int c = 0; c < _windowBins.Length; c++)
        {
            double s = 0, n = 0;
            foreach (int k in _windowBins[c])
            {
                double m = (double)means[k];
                if (double.IsFinite(m))
                {
                    s += m * norm[k];
                    n += norm[k];
                }
            }

            bool ok = n > 0 && _coverage[c] > 0;
            for (int j = c * AtomicRepeat, end = j + AtomicRepeat; j < end; j++)
            {
                weight[j] = ok ? Math.Min(_coverage[c], 1) : 0;
                intensity[j] = ok ? s / n : 0;
            }
        }

        return true;
    }
}
