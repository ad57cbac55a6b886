namespace XccaMap.Diffraction.Features;

/// <summary>
/// Turns the stored net angular profiles of one band into per-frame angular peaks (design.md §4.4) and the
/// fingerprints the classification compares. Per frame and ring: the baseline (a low percentile of the profile)
/// is subtracted, peaks are searched on the masked circular profile (<see cref="AngularPeakFinder"/>); the
/// fingerprint is the smoothed profile above baseline + k σ, square-rooted, summed into at most
/// <see cref="AngularAnalyzerOptions.FingerprintPhiBins"/> φ groups, all rings of the band concatenated and
/// scaled to unit length. Frames with no peak on any ring have no signal ("empty" for this band).
/// </summary>
public static class AngularAnalyzer
{
    /// <summary>Analyses every frame with data.</summary>
    /// <param name="features">The band's stored features.</param>
    /// <param name="hasData">Per frame: a frame was read.</param>
    /// <param name="source">Which profiles make the fingerprint and decide "has signal".</param>
    /// <param name="options">Settings; defaults when null.</param>
    public static AngularAnalysis Analyse(BandFeatures features, bool[] hasData, FingerprintSource source, AngularAnalyzerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        options ??= new AngularAnalyzerOptions();
        var cake = features.Cake;
        int frames = features.Frames, rings = features.Rings, np = features.PhiCount;
        int group = Math.Max(1, (int)Math.Ceiling((double)np / Math.Max(1, options.FingerprintPhiBins)));
        int groups = (np + group - 1) / group;
        int blocks = source == FingerprintSource.Band ? cake.Band.SubBands : rings;
        int dim = blocks * groups;
        int maxPeaks = Math.Max(1, options.MaxPeaks);
        var hasSignal = new bool[frames];
        var fingerprints = new float[checked(frames * dim)];
        var peakPhi = new float[frames * rings * maxPeaks];
        Array.Fill(peakPhi, float.NaN);
        var peakCount = new int[frames * rings];
        double phiStart = cake.Phi.Length > 0 ? cake.Phi[0] : 0;
        double phiStep = cake.Table.Bins.PhiStep;

        Parallel.For(0, frames, () => new Scratch(np), (f, _, s) =>
        {
            if (!hasData[f])
            {
                return s;
            }

            var fp = fingerprints.AsSpan(f * dim, dim);
            var bgLevels = features.Background(f);
            bool any = false;
            for (int r = 0; r < rings; r++)
            {
                var valid = cake.Valid(r);
                var net = features.Net(f, r);
                float baseline = Percentile(net, valid, options.BaselinePercentile, s.Sorted);
                for (int j = 0; j < np; j++)
                {
                    s.Adjusted[j] = valid[j] ? net[j] - baseline : 0;
                }

                cake.Sigma(r, net, bgLevels[r] + baseline, s.Sigma);
                AngularPeakFinder.Find(s.Adjusted, s.Sigma, valid, phiStart, phiStep, options.Peaks, s.Peaks, s.Smoothed);
                int kept = Math.Min(maxPeaks, s.Peaks.Count);
                peakCount[(f * rings) + r] = s.Peaks.Count;
                for (int k = 0; k < kept; k++)
                {
                    peakPhi[(((f * rings) + r) * maxPeaks) + k] = (float)s.Peaks[k].Phi;
                }

                if (source == FingerprintSource.Rings)
                {
                    any |= s.Peaks.Count > 0;
                    AddFingerprint(fp.Slice(r * groups, groups), s.Smoothed, s.Sigma, valid, group, options.FingerprintThresholdSigma);
                }
            }

            if (source == FingerprintSource.Band)
            {
                for (int k = 0; k < blocks; k++)
                {
                    var valid = cake.Band.Valid(k);
                    var net = features.BandNet(f).Slice(k * np, np);
                    var sigma = features.BandSigma(f).Slice(k * np, np);
                    float baseline = Percentile(net, valid, options.BaselinePercentile, s.Sorted);
                    for (int j = 0; j < np; j++)
                    {
                        s.Adjusted[j] = valid[j] ? net[j] - baseline : 0;
                    }

                    AngularPeakFinder.Find(s.Adjusted, sigma, valid, phiStart, phiStep, options.Peaks, s.Peaks, s.Smoothed);
                    any |= s.Peaks.Count > 0;
                    AddFingerprint(fp.Slice(k * groups, groups), s.Smoothed, sigma, valid, group, options.FingerprintThresholdSigma);
                }
            }

            hasSignal[f] = any && Normalise(fp);
            if (!hasSignal[f])
            {
                fp.Clear();
            }

            return s;
        }, _ => { });

        var anisotropy = new double[rings];
        int withData = hasData.Count(h => h);
        for (int r = 0; r < rings; r++)
        {
            int n = 0;
            for (int f = 0; f < frames; f++)
            {
                n += hasData[f] && peakCount[(f * rings) + r] > 0 ? 1 : 0;
            }

            anisotropy[r] = withData > 0 ? (double)n / withData : 0;
        }

        return new AngularAnalysis(hasSignal, fingerprints, dim, peakPhi, peakCount, maxPeaks, anisotropy, groups);
    }

    private static bool Normalise(Span<float> v)
    {
        double s = 0;
        foreach (float x in v)
        {
            s += x * x;
        }

        if (!(s > 0))
        {
            return false;
        }

        float inv = (float)(1 / Math.Sqrt(s));
        for (int i = 0; i < v.Length; i++)
        {
            v[i] *= inv;
        }

        return true;
    }

    /// <summary>Adds √(smoothed − kσ) (where positive) of each valid bin into its φ group.</summary>
    private static void AddFingerprint(Span<float> fp, ReadOnlySpan<double> smoothed, ReadOnlySpan<float> sigma, ReadOnlySpan<bool> valid, int group, double k)
    {
        // σ of the profile smoothed over ~1 bin is about σ/1.9 (Gaussian smoothing, σ = 1 bin).
        for (int j = 0; j < smoothed.Length; j++)
        {
            if (!valid[j])
            {
                continue;
            }

            double excess = smoothed[j] - (k * sigma[j] / 1.9);
            if (excess > 0)
            {
                fp[j / group] += (float)Math.Sqrt(excess);
            }
        }
    }

    /// <summary>The <paramref name="percentile"/>-th percentile of the valid entries (0 when none).</summary>
    internal static float Percentile(ReadOnlySpan<float> values, ReadOnlySpan<bool> valid, double percentile, float[] buffer)
    {
        int n = 0;
        for (int j = 0; j < values.Length; j++)
        {
            if (valid[j])
            {
                buffer[n++] = values[j];
            }
        }

        if (n == 0)
        {
            return 0;
        }

        Array.Sort(buffer, 0, n);
        double pos = Math.Clamp(percentile, 0, 100) / 100 * (n - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(n - 1, lo + 1);
        return (float)(buffer[lo] + ((pos - lo) * (buffer[hi] - buffer[lo])));
    }

    private sealed class Scratch(int np)
    {
        public float[] Adjusted { get; } = new float[np];

        public float[] Sigma { get; } = new float[np];

        public float[] Sorted { get; } = new float[np];

        public double[] Smoothed { get; } = new double[np];

        public List<AngularPeak> Peaks { get; } = new(16);
    }
}
