namespace XccaMap.Diffraction.Remap;

/// <summary>
/// A 2-D (q, φ) remap ("cake"): per bin the mean Σ signal / Σ normalisation, Poisson error and pixel count.
/// Arrays are flat and q-major: index = iq × PhiCount + jφ (so I(φ) at fixed q is contiguous). Empty bins hold 0.
/// φ follows XccaMap's convention (degrees, [0, 360), from +column towards +row).
/// </summary>
public sealed class Cake
{
    private Cake(double[] q, double[] phi, double[] intensity, double[] error, double[] count)
    {
        Q = q;
        Phi = phi;
        Intensity = intensity;
        Error = error;
        Count = count;
    }

    /// <summary>q-bin centres, Å⁻¹.</summary>
    public double[] Q { get; }

    /// <summary>φ-bin centres, degrees in [0, 360).</summary>
    public double[] Phi { get; }

    /// <summary>Mean intensity, flat q-major.</summary>
    public double[] Intensity { get; }

    /// <summary>Poisson error of the mean, flat q-major.</summary>
    public double[] Error { get; }

    /// <summary>Pixels (sum of fractions) per bin, flat q-major.</summary>
    public double[] Count { get; }

    /// <summary>Number of q bins.</summary>
    public int QCount => Q.Length;

    /// <summary>Number of φ bins.</summary>
    public int PhiCount => Phi.Length;

    /// <summary>Mean intensity of bin (<paramref name="iq"/>, <paramref name="iphi"/>).</summary>
    public double this[int iq, int iphi] => Intensity[iq * Phi.Length + iphi];

    /// <summary>The cake of the sums in <paramref name="accumulator"/>.</summary>
    public static Cake From(RemapAccumulator accumulator)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        var bins = accumulator.Table.Bins;
        int n = bins.BinCount;
        var s = accumulator.Signal;
        var norm = accumulator.Normalisation;
        var intensity = new double[n];
        var error = new double[n];
        for (int b = 0; b < n; b++)
        {
            intensity[b] = RemapAccumulator.MeanOf(s[b], norm[b]);
            error[b] = RemapAccumulator.PoissonErrorOf(s[b], norm[b]);
        }

        return new Cake(bins.QCentres(), bins.PhiCentres(), intensity, error, accumulator.Count.ToArray());
    }
}
