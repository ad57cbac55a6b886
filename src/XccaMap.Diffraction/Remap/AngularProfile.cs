namespace XccaMap.Diffraction.Remap;

/// <summary>
/// The angular profile I(φ) on a ring (a q window) and its weight W(φ), the mask function of the cross-correlation
/// (design.md §4.7, eq. 2 of the S.I.). I(φ) = Σ signal / Σ normalisation over the q bins of the window.
/// W(φ) is the covered fraction: the pixel count c(φ) in the window divided by the largest c over φ, so 1 where a
/// φ bin is fully covered, in (0, 1) where a mask or the detector edge cuts it, and 0 where no unmasked pixel
/// contributes (there I(φ) is 0 too). Bins covered less than a chosen minimum get W = 0.
/// </summary>
public sealed class AngularProfile
{
    private AngularProfile(double qMin, double qMax, double[] phi, double[] intensity, double[] weight, double[] count)
    {
        QMin = qMin;
        QMax = qMax;
        Phi = phi;
        Intensity = intensity;
        Weight = weight;
        Count = count;
    }

    /// <summary>Lower edge of the q window actually used (edge of the first bin), Å⁻¹.</summary>
    public double QMin { get; }

    /// <summary>Upper edge of the q window actually used, Å⁻¹.</summary>
    public double QMax { get; }

    /// <summary>φ-bin centres, degrees in [0, 360).</summary>
    public double[] Phi { get; }

    /// <summary>Mean intensity per φ bin; 0 where <see cref="Weight"/> is 0.</summary>
    public double[] Intensity { get; }

    /// <summary>Covered fraction W(φ) ∈ [0, 1].</summary>
    public double[] Weight { get; }

    /// <summary>Pixel count per φ bin in the window.</summary>
    public double[] Count { get; }

    /// <summary>
    /// The profile over the q bins whose centres lie in [<paramref name="qMin"/>, <paramref name="qMax"/>] (Å⁻¹).
    /// </summary>
    /// <param name="accumulator">Sums of a table with several φ bins.</param>
    /// <param name="qMin">Window start, Å⁻¹.</param>
    /// <param name="qMax">Window end, Å⁻¹.</param>
    /// <param name="minCoverage">φ bins with W below this (0–1) are treated as empty.</param>
    /// <exception cref="ArgumentException">No q bin centre lies in the window.</exception>
    public static AngularProfile From(RemapAccumulator accumulator, double qMin, double qMax, double minCoverage = 0)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        var bins = accumulator.Table.Bins;
        int first = -1, last = -1;
        for (int iq = 0; iq < bins.QCount; iq++)
        {
            double q = bins.QCentre(iq);
            if (q >= qMin && q <= qMax)
            {
                first = first < 0 ? iq : first;
                last = iq;
            }
        }

        if (first < 0)
        {
            throw new ArgumentException($"no q bin centre of [{bins.QMin}, {bins.QMax}] Å⁻¹ ({bins.QCount} bins) lies in the window [{qMin}, {qMax}] Å⁻¹");
        }

        int nphi = bins.PhiCount;
        var signal = new double[nphi];
        var norm = new double[nphi];
        var count = new double[nphi];
        var s = accumulator.Signal;
        var n = accumulator.Normalisation;
        var c = accumulator.Count;
        for (int iq = first; iq <= last; iq++)
        {
            for (int j = 0; j < nphi; j++)
            {
                int b = iq * nphi + j;
                signal[j] += s[b];
                norm[j] += n[b];
                count[j] += c[b];
            }
        }

        double maxCount = count.Max();
        var intensity = new double[nphi];
        var weight = new double[nphi];
        for (int j = 0; j < nphi; j++)
        {
            double w = maxCount > 0 ? count[j] / maxCount : 0;
            if (w <= 0 || w < minCoverage || norm[j] <= 0)
            {
                continue;
            }

            weight[j] = w;
            intensity[j] = signal[j] / norm[j];
        }

        return new AngularProfile(bins.QEdge(first), bins.QEdge(last + 1), bins.PhiCentres(), intensity, weight, count);
    }
}
