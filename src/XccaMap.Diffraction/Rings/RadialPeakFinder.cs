namespace XccaMap.Diffraction.Rings;

/// <summary>
/// Finds the peaks (diffraction rings) of a radial profile I(q): ln I is smoothed, a SNIP background with a
/// window proportional to q is subtracted (<see cref="SnipBackground"/>), and local maxima of ln(I/B) are kept
/// when they are high enough relative to the background, significant against the noise and prominent.
/// Working on ln I makes the thresholds relative (the same for a strong SAXS ring on a steep diffuse background
/// and a weak WAXS ring) and keeps power-law backgrounds convex, so SNIP follows them.
/// </summary>
public static class RadialPeakFinder
{
    /// <summary>Searches <paramref name="intensity"/>(q).</summary>
    /// <param name="q">Bin centres, Å⁻¹, increasing and evenly spaced.</param>
    /// <param name="intensity">Mean intensity per bin.</param>
    /// <param name="pixelCount">Pixels per bin (bins below <see cref="RadialPeakOptions.MinPixelCount"/> are ignored), or empty for all valid.</param>
    /// <param name="options">Thresholds; defaults when null.</param>
    public static RadialPeakSearch Find(ReadOnlySpan<double> q, ReadOnlySpan<double> intensity, ReadOnlySpan<double> pixelCount = default, RadialPeakOptions? options = null)
    {
        options ??= new RadialPeakOptions();
        int n = q.Length;
        if (intensity.Length != n || (!pixelCount.IsEmpty && pixelCount.Length != n))
        {
            throw new ArgumentException($"q has {n} bins, intensity {intensity.Length}, pixel count {pixelCount.Length}");
        }

        var valid = new bool[n];
        int first = -1, last = -1;
        for (int i = 0; i < n; i++)
        {
            valid[i] = intensity[i] > 0 && double.IsFinite(intensity[i]) && (pixelCount.IsEmpty || pixelCount[i] >= options.MinPixelCount);
            if (valid[i])
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        var background = new double[n];
        Array.Fill(background, double.NaN);
        if (first < 0 || last - first < 4)
        {
            return new RadialPeakSearch([], background, valid);
        }

        int m = last - first + 1;
        var y = LogWithGapsFilled(intensity, valid, first, m);
        var ys = Smooth(y, options.SmoothingBins);
        double dq = (q[n - 1] - q[0]) / Math.Max(1, n - 1);
        var window = new int[m];
        for (int i = 0; i < m; i++)
        {
            window[i] = Math.Clamp((int)Math.Round(options.RelativeWindow * q[first + i] / dq), options.MinWindowBins, options.MaxWindowBins);
        }

        var bg = SnipBackground.Estimate(ys, window);
        var net = new double[m];
        var netLinear = new double[m];
        for (int i = 0; i < m; i++)
        {
            net[i] = ys[i] - bg[i];
            netLinear[i] = Math.Exp(ys[i]) - Math.Exp(bg[i]);
            background[first + i] = Math.Exp(bg[i]);
        }

        var noise = LocalNoise(y, options.SmoothingBins);
        var peaks = new List<RadialPeak>();
        for (int i = 1; i < m - 1; i++)
        {
            if (!valid[first + i] || !(net[i] > 0) || net[i] < net[i - 1] || net[i] < net[i + 1] || (net[i] == net[i - 1] && i > 1 && net[i - 1] >= net[i - 2]))
            {
                continue;
            }

            // SNIP cannot see a background at the ends of the data (no bins on one side): no peaks there.
            int margin = Math.Max(3, window[i] / 2);
            if (i < margin || i > m - 1 - margin)
            {
                continue;
            }

            double h = net[i];
            double rel = Math.Exp(h) - 1;
            double z = h / Math.Max(noise[i], 1e-12);
            if (rel < options.MinRelativeHeight || z < options.MinSignificance)
            {
                continue;
            }

            double prominence = Prominence(net, i);
            if (prominence < options.MinProminenceFraction * h)
            {
                continue;
            }

            double offset = ParabolicOffset(net[i - 1], net[i], net[i + 1]);
            double qPeak = q[first + i] + offset * dq;
            double fwhm = HalfMaximumWidth(netLinear, i, netLinear[i]) * dq;
            double iPeak = Math.Exp(ys[i]);
            peaks.Add(new RadialPeak(qPeak, fwhm, iPeak, Math.Exp(bg[i]), rel, prominence, z));
        }

        return new RadialPeakSearch(peaks, background, valid);
    }

    /// <summary>ln I on [first, first + m), with invalid bins linearly interpolated between valid neighbours.</summary>
    private static double[] LogWithGapsFilled(ReadOnlySpan<double> intensity, bool[] valid, int first, int m)
    {
        var y = new double[m];
        int lastValid = -1;
        for (int i = 0; i < m; i++)
        {
            if (!valid[first + i])
            {
                continue;
            }

            y[i] = Math.Log(intensity[first + i]);
            if (lastValid >= 0 && i - lastValid > 1)
            {
                for (int k = lastValid + 1; k < i; k++)
                {
                    double t = (double)(k - lastValid) / (i - lastValid);
                    y[k] = y[lastValid] + t * (y[i] - y[lastValid]);
                }
            }

            lastValid = i;
        }

        return y;
    }

    /// <summary>Gaussian smoothing with reflecting ends.</summary>
    internal static double[] Smooth(double[] y, double sigma)
    {
        if (sigma <= 0)
        {
            return (double[])y.Clone();
        }

        int h = (int)Math.Ceiling(3 * sigma);
        var kernel = new double[(2 * h) + 1];
        double sum = 0;
        for (int k = -h; k <= h; k++)
        {
            kernel[k + h] = Math.Exp(-0.5 * k * k / (sigma * sigma));
            sum += kernel[k + h];
        }

        int n = y.Length;
        var result = new double[n];
        for (int i = 0; i < n; i++)
        {
            double acc = 0;
            for (int k = -h; k <= h; k++)
            {
                int j = i + k;
                j = j < 0 ? -j : j >= n ? (2 * n) - 2 - j : j;
                j = Math.Clamp(j, 0, n - 1);
                acc += kernel[k + h] * y[j];
            }

            result[i] = acc / sum;
        }

        return result;
    }

    /// <summary>
    /// Noise σ of the smoothed ln I per bin: the robust scatter (1.4826 × median absolute value) of the
    /// second differences of ln I in ±50 bins, scaled to one bin and reduced by the smoothing.
    /// </summary>
    private static double[] LocalNoise(double[] y, double smoothing)
    {
        int m = y.Length;
        var d = new double[m];
        for (int i = 1; i < m - 1; i++)
        {
            d[i] = Math.Abs(y[i] - (0.5 * (y[i - 1] + y[i + 1])));
        }

        d[0] = d[Math.Min(1, m - 1)];
        d[m - 1] = d[Math.Max(0, m - 2)];

        // Var(y_i − (y_{i−1} + y_{i+1})/2) = 1.5 σ² for white noise; Gaussian smoothing with σ_s bins divides the
        // variance by about 2√π·σ_s.
        double scale = 1.4826 / Math.Sqrt(1.5) / Math.Sqrt(smoothing > 0 ? 2 * Math.Sqrt(Math.PI) * smoothing : 1);
        const int half = 50;
        var noise = new double[m];
        var buffer = new double[(2 * half) + 1];
        for (int i = 0; i < m; i++)
        {
            int lo = Math.Max(0, i - half), hi = Math.Min(m - 1, i + half);
            int len = hi - lo + 1;
            Array.Copy(d, lo, buffer, 0, len);
            Array.Sort(buffer, 0, len);
            double med = len % 2 == 1 ? buffer[len / 2] : 0.5 * (buffer[(len / 2) - 1] + buffer[len / 2]);
            noise[i] = med * scale;
        }

        return noise;
    }

    /// <summary>Topographic prominence of the maximum at <paramref name="i"/> (scipy.signal.peak_prominences).</summary>
    internal static double Prominence(double[] y, int i)
    {
        double h = y[i];
        double leftMin = h;
        for (int k = i - 1; k >= 0 && y[k] <= h; k--)
        {
            leftMin = Math.Min(leftMin, y[k]);
        }

        double rightMin = h;
        for (int k = i + 1; k < y.Length && y[k] <= h; k++)
        {
            rightMin = Math.Min(rightMin, y[k]);
        }

        return h - Math.Max(leftMin, rightMin);
    }

    /// <summary>Sub-bin offset of a maximum from a parabola through three points, in (−0.5, 0.5).</summary>
    internal static double ParabolicOffset(double left, double centre, double right)
    {
        double denom = left - (2 * centre) + right;
        if (!(denom < 0))
        {
            return 0;
        }

        return Math.Clamp(0.5 * (left - right) / denom, -0.5, 0.5);
    }

    /// <summary>Width in bins where <paramref name="y"/> stays above half of <paramref name="height"/> around <paramref name="i"/>.</summary>
    private static double HalfMaximumWidth(double[] y, int i, double height)
    {
        double half = 0.5 * height;
        double left = i, right = i;
        for (int k = i - 1; k >= 0; k--)
        {
            if (y[k] < half)
            {
                left = k + ((half - y[k]) / (y[k + 1] - y[k]));
                break;
            }

            left = k;
        }

        for (int k = i + 1; k < y.Length; k++)
        {
            if (y[k] < half)
            {
                right = k - ((half - y[k]) / (y[k - 1] - y[k]));
                break;
            }

            right = k;
        }

        return Math.Max(right - left, 1);
    }
}
