using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Features;

/// <summary>
/// The per-frame features of one q range (the SAXS or the WAXS band) from a (q, φ) remap of that range only:
/// the radial profile I(q) over the range, and on each ring the net angular profile
/// I_net(φ) = I_window(φ) − B(φ), where the local background B(φ) is the mean of the two side bands just inside
/// and outside the ring window (<see cref="Ring.LowerBand"/>, <see cref="Ring.UpperBand"/>) at the same φ,
/// smoothed along φ. Subtracting B at each φ removes the isotropic diffuse scattering and, unlike one constant
/// per ring, also the bias where a mask cuts a φ bin so that it sees only part of a steep background.
/// Static per-ring sums (normalisation, coverage W(φ)) are computed once from the table.
/// </summary>
public sealed class BandCake
{
    private readonly RingBins[] _rings;

    /// <summary>Prepares the extraction for <paramref name="rings"/> on <paramref name="table"/>.</summary>
    /// <param name="table">A cake over this band (several φ bins over the full circle).</param>
    /// <param name="rings">Rings whose windows lie in the table's q range.</param>
    /// <param name="minCoverage">φ bins whose window coverage W(φ) is below this (0–1) are invalid.</param>
    /// <param name="bandProfile">Compute the whole-band profiles B_k(φ) of every frame (needed when they are the fingerprint).</param>
    /// <param name="subBands">q sub-bands of the band profile.</param>
    public BandCake(RemapTable table, IReadOnlyList<Ring> rings, double minCoverage = 0.5, bool bandProfile = true, int subBands = 1)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rings);
        Table = table;
        Rings = rings;
        var bins = table.Bins;
        PhiCount = bins.PhiCount;
        QCount = bins.QCount;
        Q = bins.QCentres();
        Phi = bins.PhiCentres();
        _rings = rings.Select(r => RingBins.Create(table, r, minCoverage)).ToArray();
        Band = new BandProfile(table, minCoverage, subBands);
        ComputesBandProfile = bandProfile;
        var norm = table.NormalisationSum;
        RadialNormalisation = new double[QCount];
        for (int iq = 0; iq < QCount; iq++)
        {
            for (int j = 0; j < PhiCount; j++)
            {
                RadialNormalisation[iq] += norm[(iq * PhiCount) + j];
            }
        }
    }

    /// <summary>The remap table of this band.</summary>
    public RemapTable Table { get; }

    /// <summary>The whole-band angular profiles B_k(φ).</summary>
    public BandProfile Band { get; }

    /// <summary>Whether <see cref="Extract"/> fills the band profile (otherwise it is left zero).</summary>
    public bool ComputesBandProfile { get; }

    /// <summary>The rings analysed in this band.</summary>
    public IReadOnlyList<Ring> Rings { get; }

    /// <summary>q bins of the band.</summary>
    public int QCount { get; }

    /// <summary>φ bins.</summary>
    public int PhiCount { get; }

    /// <summary>q-bin centres, Å⁻¹.</summary>
    public double[] Q { get; }

    /// <summary>φ-bin centres, degrees.</summary>
    public double[] Phi { get; }

    /// <summary>Σ normalisation per q bin for a frame without invalid pixels (for Poisson σ of the radial profile).</summary>
    public double[] RadialNormalisation { get; }

    /// <summary>Scratch doubles <see cref="Extract"/> needs.</summary>
    public int ScratchLength => Math.Max(5 * PhiCount, Band.ScratchLength);

    /// <summary>Valid φ bins of ring <paramref name="ring"/> (coverage high enough and a background band present).</summary>
    public ReadOnlySpan<bool> Valid(int ring) => _rings[ring].Valid;

    /// <summary>Coverage W(φ) of ring <paramref name="ring"/>'s window, 0–1.</summary>
    public ReadOnlySpan<double> Coverage(int ring) => _rings[ring].Coverage;

    /// <summary>
    /// Poisson σ of the net profile of ring <paramref name="ring"/> at each φ, from the net profile and the
    /// background level: σ² = (net + B)/N_window + B/N_bands/4 (the background is smoothed over ~4 bins).
    /// </summary>
    public void Sigma(int ring, ReadOnlySpan<float> net, float background, Span<float> sigma)
    {
        var r = _rings[ring];
        for (int j = 0; j < PhiCount; j++)
        {
            if (!r.Valid[j])
            {
                sigma[j] = 0;
                continue;
            }

            double total = Math.Max(net[j] + background, 0);
            double v = (total / r.WindowNorm[j]) + (Math.Max(background, 0) / Math.Max(r.BandNorm[j], 1e-12) / 4);
            sigma[j] = (float)Math.Sqrt(v);
        }
    }

    /// <summary>
    /// Extracts one frame's features from its remap sums.
    /// </summary>
    /// <param name="accumulator">The frame's sums on <see cref="Table"/>.</param>
    /// <param name="radial">Receives I(q), <see cref="QCount"/> values (NaN where no pixel).</param>
    /// <param name="ringNet">Receives the net angular profiles, rings × <see cref="PhiCount"/> (0 where invalid).</param>
    /// <param name="ringBackground">Receives the mean local background B of each ring.</param>
    /// <param name="ringIntensity">Receives the mean net intensity of each ring over its valid φ bins.</param>
    /// <param name="bandNet">Receives the whole-band profiles B_k(φ), <see cref="BandProfile.Length"/> values.</param>
    /// <param name="bandSigma">Receives its Poisson σ.</param>
    /// <param name="scratch">At least <see cref="ScratchLength"/> doubles of scratch.</param>
    public void Extract(RemapAccumulator accumulator, Span<float> radial, Span<float> ringNet, Span<float> ringBackground, Span<float> ringIntensity, Span<float> bandNet, Span<float> bandSigma, Span<double> scratch)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        var s = accumulator.Signal;
        var n = accumulator.Normalisation;
        if (ComputesBandProfile)
        {
            Band.Compute(s, n, bandNet, bandSigma, scratch);
        }
        int np = PhiCount;
        for (int iq = 0; iq < QCount; iq++)
        {
            double ss = 0, nn = 0;
            for (int j = 0; j < np; j++)
            {
                ss += s[(iq * np) + j];
                nn += n[(iq * np) + j];
            }

            radial[iq] = nn > 0 ? (float)(ss / nn) : float.NaN;
        }

        var window = scratch[..np];
        var lower = scratch.Slice(np, np);
        var upper = scratch.Slice(2 * np, np);
        var bg = scratch.Slice(3 * np, np);
        var tmp = scratch.Slice(4 * np, np);
        for (int r = 0; r < _rings.Length; r++)
        {
            var rb = _rings[r];
            var net = ringNet.Slice(r * np, np);
            Means(s, n, rb.WindowFirst, rb.WindowLast, np, window);
            Means(s, n, rb.LowerFirst, rb.LowerLast, np, lower);
            Means(s, n, rb.UpperFirst, rb.UpperLast, np, upper);
            for (int j = 0; j < np; j++)
            {
                double lo = lower[j], hi = upper[j];
                bg[j] = double.IsNaN(lo) ? hi : double.IsNaN(hi) ? lo : 0.5 * (lo + hi);
            }

            SmoothValid(bg, rb.Valid, 2.0, tmp, out double bgMean);
            double netSum = 0, weight = 0;
            for (int j = 0; j < np; j++)
            {
                if (!rb.Valid[j] || double.IsNaN(window[j]))
                {
                    net[j] = 0;
                    continue;
                }

                net[j] = (float)(window[j] - bg[j]);
                netSum += net[j] * rb.WindowNorm[j];
                weight += rb.WindowNorm[j];
            }

            ringBackground[r] = (float)bgMean;
            ringIntensity[r] = weight > 0 ? (float)(netSum / weight) : float.NaN;
        }
    }

    /// <summary>Mean Σ signal / Σ normalisation over q bins [first, last] at each φ (NaN when none).</summary>
    private static void Means(ReadOnlySpan<double> s, ReadOnlySpan<double> n, int first, int last, int np, Span<double> result)
    {
        for (int j = 0; j < np; j++)
        {
            double ss = 0, nn = 0;
            for (int iq = first; iq <= last; iq++)
            {
                ss += s[(iq * np) + j];
                nn += n[(iq * np) + j];
            }

            result[j] = nn > 0 ? ss / nn : double.NaN;
        }
    }

    /// <summary>
    /// Smooths <paramref name="bg"/> in place over valid, finite bins along the circle (Gaussian, σ in bins); bins with
    /// no finite neighbour get the mean of the valid ones, returned in <paramref name="mean"/>.
    /// </summary>
    private static void SmoothValid(Span<double> bg, ReadOnlySpan<bool> valid, double sigma, Span<double> tmp, out double mean)
    {
        int np = bg.Length;
        int h = (int)Math.Ceiling(3 * sigma);
        double total = 0;
        int count = 0;
        for (int j = 0; j < np; j++)
        {
            if (valid[j] && double.IsFinite(bg[j]))
            {
                total += bg[j];
                count++;
            }
        }

        mean = count > 0 ? total / count : 0;
        for (int j = 0; j < np; j++)
        {
            double acc = 0, w = 0;
            for (int k = -h; k <= h; k++)
            {
                int i = (((j + k) % np) + np) % np;
                if (valid[i] && double.IsFinite(bg[i]))
                {
                    double g = Math.Exp(-0.5 * k * k / (sigma * sigma));
                    acc += g * bg[i];
                    w += g;
                }
            }

            tmp[j] = w > 0 ? acc / w : mean;
        }

        tmp.CopyTo(bg);
    }
}
