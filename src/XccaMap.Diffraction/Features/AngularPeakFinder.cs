namespace XccaMap.Diffraction.Features;

/// <summary>
/// Finds the angular peaks of a masked circular profile: the net (background-subtracted) intensity I(φ) on a ring,
/// with bins where the mask W(φ) leaves too little coverage marked invalid. Smoothing and the neighbourhood
/// comparison wrap around 360° only where the bins on both sides are valid, so a detector edge or the beamstop
/// holder never joins two unrelated parts of the ring. A maximum counts when its three central bins are
/// significant against their Poisson noise.
/// </summary>
public static class AngularPeakFinder
{
    /// <summary>Finds peaks.</summary>
    /// <param name="net">Net intensity per φ bin (any value where invalid).</param>
    /// <param name="sigma">Poisson σ of <paramref name="net"/> per bin.</param>
    /// <param name="valid">Bins with enough coverage.</param>
    /// <param name="phiStart">Centre of bin 0, degrees.</param>
    /// <param name="phiStep">Bin width, degrees (bins span 360° in total when the ring is a full circle).</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    /// <param name="peaks">Receives the peaks, strongest first (cleared first).</param>
    /// <param name="smoothed">Scratch of the profile's length, or empty to allocate.</param>
    public static void Find(ReadOnlySpan<float> net, ReadOnlySpan<float> sigma, ReadOnlySpan<bool> valid, double phiStart, double phiStep, AngularPeakOptions options, List<AngularPeak> peaks, Span<double> smoothed = default)
    {
        ArgumentNullException.ThrowIfNull(peaks);
        ArgumentNullException.ThrowIfNull(options);
        int n = net.Length;
        peaks.Clear();
        if (n < 3)
        {
            return;
        }

        bool circular = Math.Abs((n * phiStep) - 360) < 1e-6;
        var s = smoothed.IsEmpty ? new double[n] : smoothed[..n];
        Smooth(net, valid, options.SmoothingBins, circular, s);
        for (int i = 0; i < n; i++)
        {
            if (!valid[i] || !(s[i] > 0))
            {
                continue;
            }

            // A local maximum over ±2 valid bins (ties: the first of a plateau).
            bool isMax = true;
            for (int k = -2; k <= 2 && isMax; k++)
            {
                int j = Neighbour(i, k, n, circular);
                if (k == 0 || j < 0 || !valid[j])
                {
                    continue;
                }

                isMax = k < 0 ? s[i] > s[j] : s[i] >= s[j];
            }

            if (!isMax)
            {
                continue;
            }

            double sum = 0, variance = 0;
            for (int k = -1; k <= 1; k++)
            {
                int j = Neighbour(i, k, n, circular);
                if (j >= 0 && valid[j])
                {
                    sum += net[j];
                    variance += (double)sigma[j] * sigma[j];
                }
            }

            double z = variance > 0 ? sum / Math.Sqrt(variance) : 0;
            if (z < options.MinSignificance)
            {
                continue;
            }

            int l = Neighbour(i, -1, n, circular), r = Neighbour(i, 1, n, circular);
            double offset = l >= 0 && r >= 0 && valid[l] && valid[r] ? ParabolicOffset(s[l], s[i], s[r]) : 0;
            double phi = (phiStart + ((i + offset) * phiStep)) % 360.0;
            peaks.Add(new AngularPeak(phi < 0 ? phi + 360 : phi, s[i], z));
        }

        peaks.Sort((a, b) => b.Height.CompareTo(a.Height));
        double minSeparation = options.MinSeparationBins * phiStep;
        for (int i = 0; i < peaks.Count; i++)
        {
            for (int j = peaks.Count - 1; j > i; j--)
            {
                if (AngularDistance(peaks[i].Phi, peaks[j].Phi) < minSeparation)
                {
                    peaks.RemoveAt(j);
                }
            }
        }
    }

    /// <summary>|φ1 − φ2| on the circle, degrees in [0, 180].</summary>
    public static double AngularDistance(double phi1, double phi2)
    {
        double d = Math.Abs(phi1 - phi2) % 360.0;
        return d > 180 ? 360 - d : d;
    }

    /// <summary>Gaussian smoothing over valid bins only (weights renormalised), wrapping when circular.</summary>
    internal static void Smooth(ReadOnlySpan<float> y, ReadOnlySpan<bool> valid, double sigma, bool circular, Span<double> result)
    {
        int n = y.Length;
        int h = sigma > 0 ? (int)Math.Ceiling(3 * sigma) : 0;
        Span<double> kernel = stackalloc double[(2 * h) + 1];
        for (int k = -h; k <= h; k++)
        {
            kernel[k + h] = h == 0 ? 1 : Math.Exp(-0.5 * k * k / (sigma * sigma));
        }

        for (int i = 0; i < n; i++)
        {
            if (!valid[i])
            {
                result[i] = 0;
                continue;
            }

            double acc = 0, w = 0;
            for (int k = -h; k <= h; k++)
            {
                int j = Neighbour(i, k, n, circular);
                if (j >= 0 && valid[j])
                {
                    acc += kernel[k + h] * y[j];
                    w += kernel[k + h];
                }
            }

            result[i] = w > 0 ? acc / w : 0;
        }
    }

    private static int Neighbour(int i, int k, int n, bool circular)
    {
        int j = i + k;
        if (j >= 0 && j < n)
        {
            return j;
        }

        return circular ? ((j % n) + n) % n : -1;
    }

    private static double ParabolicOffset(double left, double centre, double right)
    {
        double denom = left - (2 * centre) + right;
        return denom < 0 ? Math.Clamp(0.5 * (left - right) / denom, -0.5, 0.5) : 0;
    }
}
