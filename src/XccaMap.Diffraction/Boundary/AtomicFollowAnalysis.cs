namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Does the atomic lattice (AL) of the nanocrystals follow the superlattice rotation? (Mukharamova et al. 2019,
/// Fig. 4b,c and S11: the relative intensities of the AL reflections change as the nanocrystals turn with the
/// superlattice.) For each line point the net intensity of every AL ring is set against the ring's mean and scatter
/// over single frames of the domain core (which carry the same noise and thickness variation), giving the change
/// D = √(mean over rings of ((I − ⟨I⟩_bulk)/σ_bulk)²) — about 1 for a bulk-like point. Verdict: "follows" when D grows
/// with the superlattice tilt |θ| (correlation ≥ 0.5) and at the largest tilt exceeds the core frames' D by three of
/// their standard deviations; "no change detected" when it stays within two although the superlattice turns by 3° or
/// more; otherwise "undetermined". The nanocrystals' orientational disorder (ΔΦ ≈ 15°) hides small turns, so "no
/// change" does not prove that the AL stays put. The cosine similarity of the rings' angular profiles with the
/// bulk's is reported alongside.
/// </summary>
public static class AtomicFollowAnalysis
{
    /// <summary>Analyses the line.</summary>
    /// <param name="rings">AL ring names (order of the profiles).</param>
    /// <param name="line">Patterns of the line points.</param>
    /// <param name="rotation">Rotation at the same points (same order).</param>
    /// <param name="bulkFrames">Single frames of the domain core.</param>
    /// <param name="bulk">Their average.</param>
    public static AtomicFollow Analyse(IReadOnlyList<string> rings, IReadOnlyList<PointPattern> line, IReadOnlyList<RotationPoint> rotation, IReadOnlyList<PointPattern> bulkFrames, PointPattern bulk)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(bulk);
        int nr = rings.Count;
        var frames = bulkFrames.Where(f => f.HasData && f.AtomicIntensity.Length == nr).ToList();
        var mean = new double[nr];
        var sd = new double[nr];
        for (int r = 0; r < nr && frames.Count > 1; r++)
        {
            mean[r] = frames.Average(f => (double)f.AtomicIntensity[r]);
            sd[r] = Math.Sqrt(frames.Sum(f => Math.Pow(f.AtomicIntensity[r] - mean[r], 2)) / (frames.Count - 1));
        }

        double Change(PointPattern p)
        {
            if (!p.HasData || p.AtomicIntensity.Length != nr)
            {
                return double.NaN;
            }

            double sum = 0;
            int n = 0;
            for (int r = 0; r < nr; r++)
            {
                if (sd[r] > 0)
                {
                    sum += Math.Pow((p.AtomicIntensity[r] - mean[r]) / sd[r], 2);
                    n++;
                }
            }

            return n > 0 ? Math.Sqrt(sum / n) : double.NaN;
        }

        var sim = new double[line.Count];
        var change = new double[line.Count];
        var rel = new double[line.Count * nr];
        for (int i = 0; i < line.Count; i++)
        {
            sim[i] = Similarity(line[i], bulk, nr);
            change[i] = Change(line[i]);
            for (int r = 0; r < nr; r++)
            {
                rel[(i * nr) + r] = line[i].HasData && line[i].AtomicIntensity.Length == nr && mean[r] != 0 ? line[i].AtomicIntensity[r] / mean[r] : double.NaN;
            }
        }

        var baselineSamples = frames.Select(Change).Where(double.IsFinite).ToList();
        double baseline = baselineSamples.Count > 0 ? baselineSamples.Average() : double.NaN;
        double noise = baselineSamples.Count > 1 ? Math.Sqrt(baselineSamples.Sum(v => (v - baseline) * (v - baseline)) / (baselineSamples.Count - 1)) : double.NaN;
        var matched = Enumerable.Range(0, Math.Min(line.Count, rotation.Count)).Where(i => rotation[i].Matched && double.IsFinite(change[i])).ToList();
        if (nr == 0 || frames.Count < 3 || matched.Count < 3)
        {
            return new AtomicFollow(rings, sim, change, rel, baseline, noise, double.NaN, double.NaN,
                nr == 0 ? "undetermined: no atomic-lattice ring in the results" : "undetermined: too few core frames or matched points");
        }

        var x = matched.Select(i => Math.Abs(rotation[i].TiltDeg)).ToArray();
        var y = matched.Select(i => change[i]).ToArray();
        int top = matched[Array.IndexOf(x, x.Max())];
        double atTop = change[top], corr = Pearson(x, y), maxTilt = x.Max();
        string verdict;
        if (maxTilt < 3)
        {
            verdict = FormattableString.Invariant($"undetermined: the superlattice turns by only {maxTilt:0.0}°");
        }
        else if (corr >= 0.5 && atTop > baseline + (3 * noise))
        {
            verdict = FormattableString.Invariant($"follows: the AL ring intensities change with the SL tilt (correlation {corr:0.00}; change {atTop:0.0} vs {baseline:0.0} ± {noise:0.0} among core frames)");
        }
        else if (atTop <= baseline + (2 * noise))
        {
            verdict = FormattableString.Invariant($"no change detected: the AL rings stay within the core frames' scatter ({atTop:0.0} vs {baseline:0.0} ± {noise:0.0}) while the SL turns by {maxTilt:0.0}°");
        }
        else
        {
            verdict = FormattableString.Invariant($"undetermined: the AL rings change ({atTop:0.0} vs {baseline:0.0} ± {noise:0.0}) but not in step with the SL tilt (correlation {corr:0.00})");
        }

        return new AtomicFollow(rings, sim, change, rel, baseline, noise, atTop, corr, verdict);
    }

    /// <summary>
    /// Similarity of the AL ring profiles of two patterns: per ring the cosine similarity over the φ bins valid in both
    /// (nonzero), then the mean over the rings (each ring counts alike, whatever its intensity).
    /// </summary>
    public static double Similarity(PointPattern a, PointPattern b, int rings)
    {
        if (!a.HasData || !b.HasData || rings <= 0 || a.AtomicNet.Length == 0 || a.AtomicNet.Length != b.AtomicNet.Length)
        {
            return double.NaN;
        }

        int np = a.AtomicNet.Length / rings;
        double sum = 0;
        int count = 0;
        for (int r = 0; r < rings; r++)
        {
            double ab = 0, aa = 0, bb = 0;
            for (int j = r * np; j < (r + 1) * np; j++)
            {
                double x = a.AtomicNet[j], y = b.AtomicNet[j];
                if (x == 0 || y == 0)
                {
                    continue;
                }

                ab += x * y;
                aa += x * x;
                bb += y * y;
            }

            if (aa > 0 && bb > 0)
            {
                sum += ab / Math.Sqrt(aa * bb);
                count++;
            }
        }

        return count > 0 ? sum / count : double.NaN;
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}
