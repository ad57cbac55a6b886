namespace XccaMap.Diffraction.Remap;

/// <summary>
/// Azimuthally averaged intensity I(q): for each q bin the sums over all φ bins of a remap, the mean
/// Σ signal / Σ normalisation, its Poisson error and the pixel count. Bins with no contribution have
/// intensity and error 0 (pyFAI's "empty") and count 0.
/// </summary>
public sealed class RadialProfile
{
    private RadialProfile(double[] q, double[] intensity, double[] error, double[] count, double[] signal, double[] normalisation)
    {
        Q = q;
        Intensity = intensity;
        Error = error;
        Count = count;
        Signal = signal;
        Normalisation = normalisation;
    }

    /// <summary>q-bin centres, Å⁻¹.</summary>
    public double[] Q { get; }

    /// <summary>Mean intensity per bin (counts per unit normalisation).</summary>
    public double[] Intensity { get; }

    /// <summary>Poisson error of <see cref="Intensity"/>.</summary>
    public double[] Error { get; }

    /// <summary>Number of (partial) pixels per bin.</summary>
    public double[] Count { get; }

    /// <summary>Σ fraction × signal per bin.</summary>
    public double[] Signal { get; }

    /// <summary>Σ fraction × normalisation per bin.</summary>
    public double[] Normalisation { get; }

    /// <summary>Number of q bins.</summary>
    public int Length => Q.Length;

    /// <summary>The radial profile of the sums in <paramref name="accumulator"/> (φ bins added together).</summary>
    public static RadialProfile From(RemapAccumulator accumulator)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        var bins = accumulator.Table.Bins;
        int nq = bins.QCount, nphi = bins.PhiCount;
        var signal = new double[nq];
        var norm = new double[nq];
        var count = new double[nq];
        var s = accumulator.Signal;
        var n = accumulator.Normalisation;
        var c = accumulator.Count;
        for (int iq = 0; iq < nq; iq++)
        {
            for (int j = 0; j < nphi; j++)
            {
                int b = iq * nphi + j;
                signal[iq] += s[b];
                norm[iq] += n[b];
                count[iq] += c[b];
            }
        }

        var intensity = new double[nq];
        var error = new double[nq];
        for (int iq = 0; iq < nq; iq++)
        {
            intensity[iq] = RemapAccumulator.MeanOf(signal[iq], norm[iq]);
            error[iq] = RemapAccumulator.PoissonErrorOf(signal[iq], norm[iq]);
        }

        return new RadialProfile(bins.QCentres(), intensity, error, count, signal, norm);
    }

    /// <summary>Index of the bin with the largest intensity (ties: the first).</summary>
    public int PeakIndex()
    {
        int best = 0;
        for (int i = 1; i < Intensity.Length; i++)
        {
            if (Intensity[i] > Intensity[best])
            {
                best = i;
            }
        }

        return best;
    }
}
