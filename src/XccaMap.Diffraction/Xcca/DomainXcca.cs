using System.Collections.Concurrent;
using XccaMap.Diffraction.Disorder;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// Cross-correlation analysis and orientational disorder per domain (design.md §4 steps 7–8; S.I. eqs. 1–3 and 7 of
/// Mukharamova et al. 2019) — what <c>process</c> runs after classification (through <see cref="ProcessXcca"/>), on the
/// ring profiles it kept for every frame (no frame is read again):
/// <list type="number">
/// <item>the ring pair of each domain, from its averaged profiles (<see cref="RingPairSelector"/>) unless configured;</item>
/// <item>per frame the masked CCF spectra of that pair (and both autocorrelations), summed per domain
/// (<see cref="CcfAccumulator"/>: C̄ = Σ num / Σ den), on all cores with per-thread sums;</item>
/// <item>per domain C̄ scaled to [0, 1], its Fourier components and symmetry axis ± jackknife error
/// (<see cref="CcfResult"/>), and, given the domain's averaged (q, φ) patch of the 200_AL ring, ΔΦ
/// (<see cref="DisorderFit"/>).</item>
/// </list>
/// Cost: a few µs per frame (two FFTs of N per correlation), i.e. well under a second for 121 × 121 frames.
/// </summary>
public static class DomainXcca
{
    /// <summary>Analyses every domain of <paramref name="domainOfFrame"/>.</summary>
    /// <param name="source">Per-frame ring profiles.</param>
    /// <param name="domainOfFrame">Domain id of each frame (index = frame); negative = no domain (empty, mixed, no data).</param>
    /// <param name="options">Ring choice, autocorrelations, fit options; defaults when null.</param>
    /// <param name="peaks">Domain-averaged (q, φ) patches of the 200_AL ring by domain, for the disorder fit; null or missing = no fit.</param>
    /// <returns>One result per domain with at least <see cref="DomainXccaOptions.MinFrames"/> frames, by domain id.</returns>
    public static IReadOnlyList<DomainXccaResult> Compute(IRingProfileSource source, IReadOnlyList<int> domainOfFrame, DomainXccaOptions? options = null,
        IReadOnlyDictionary<int, PeakPatch>? peaks = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(domainOfFrame);
        options ??= new DomainXccaOptions();
        int frames = Math.Min(source.Frames, domainOfFrame.Count);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var pairs = ChoosePairs(source, domainOfFrame, frames, options, parallel);
        if (pairs.Count == 0)
        {
            return [];
        }

        int n = source.PhiCount;
        var plan = new ComplexFft(n);
        var parts = new ConcurrentBag<Dictionary<int, DomainCcfSums>>();
        Parallel.For(0, frames, parallel,
            () => (Engine: new MaskedCcfEngine(n, plan), Sums: new Dictionary<int, DomainCcfSums>(), Buf: new double[4 * n]),
            (f, _, state) =>
            {
                int d = domainOfFrame[f];
                if (d < 0 || !pairs.TryGetValue(d, out var pair))
                {
                    return state;
                }

                var buf = state.Buf.AsSpan();
                Span<double> i1 = buf[..n], w1 = buf.Slice(n, n), i2 = buf.Slice(2 * n, n), w2 = buf.Slice(3 * n, n);
                if (!source.TryRead(f, pair.Ring1, i1, w1) || !source.TryRead(f, pair.Ring2, i2, w2))
                {
                    return state;
                }

                if (!state.Sums.TryGetValue(d, out var sums))
                {
                    sums = new DomainCcfSums(n, options.JackknifeGroups, options.Autocorrelations);
                    state.Sums[d] = sums;
                }

                sums.Add(state.Engine, i1, w1, i2, w2, f);
                return state;
            },
            state => parts.Add(state.Sums));

        var total = DomainCcfSums.MergeAll(parts);
        var engine = new MaskedCcfEngine(n, plan);
        var results = new List<DomainXccaResult>();
        foreach (var (domain, sums) in total.OrderBy(kv => kv.Key))
        {
            if (sums.Cross.Frames < Math.Max(1, options.MinFrames))
            {
                continue;
            }

            var pair = pairs[domain];
            results.Add(new DomainXccaResult
            {
                Domain = domain,
                Name = options.DomainNames?.GetValueOrDefault(domain),
                Pair = RingPairSelector.Pair(source.Rings, pair.Ring1, pair.Ring2),
                PairSource = pair.Source,
                Ccf = CcfResult.From(sums.Cross, engine),
                AutoQ1 = sums.Auto1 is null ? null : CcfResult.From(sums.Auto1, engine),
                AutoQ2 = sums.Auto2 is null ? null : CcfResult.From(sums.Auto2, engine),
                Disorder = peaks is not null && peaks.TryGetValue(domain, out var patch) ? DisorderFit.Fit(patch, options.Disorder) : null,
            });
        }

        return results;
    }

    /// <summary>The ring pair of each domain (configured, or from its averaged profiles).</summary>
    private static Dictionary<int, (int Ring1, int Ring2, string Source)> ChoosePairs(IRingProfileSource source, IReadOnlyList<int> domainOfFrame, int frames,
        DomainXccaOptions options, ParallelOptions parallel)
    {
        var rings = source.Rings;
        int fixed1 = options.Q1 is { } q1 ? RingPairSelector.Nearest(rings, q1) : -1;
        int fixed2 = options.Q2 is { } q2 ? RingPairSelector.Nearest(rings, q2) : -1;
        var domains = Enumerable.Range(0, frames).Select(f => domainOfFrame[f]).Where(d => d >= 0).Distinct().Order().ToList();
        var heights = fixed1 >= 0 && fixed2 >= 0 ? [] : PeakHeights(source, domainOfFrame, frames, parallel);
        var pairs = new Dictionary<int, (int, int, string)>();
        foreach (int d in domains)
        {
            var h = heights.GetValueOrDefault(d) ?? Enumerable.Repeat(double.NaN, rings.Count).ToArray();
            string how2 = options.Q2Reason ?? "configured";
            int r1 = fixed1 >= 0 ? fixed1 : RingPairSelector.StrongestSuperlattice(rings, h);
            int r2 = fixed2 >= 0 ? fixed2 : RingPairSelector.AtomicLattice200(rings, h, out how2);
            if (r1 < 0 || r2 < 0)
            {
                continue;
            }

            string how1 = fixed1 >= 0 ? options.Q1Reason ?? "configured" : "strongest SL ring of the domain";
            pairs[d] = (r1, r2, $"q1: {how1}; q2: {how2}");
        }

        return pairs;
    }

    /// <summary>Per domain and ring, the peak height of the domain-averaged profile.</summary>
    private static Dictionary<int, double[]> PeakHeights(IRingProfileSource source, IReadOnlyList<int> domainOfFrame, int frames, ParallelOptions parallel)
    {
        int n = source.PhiCount, rings = source.Rings.Count;
        var parts = new ConcurrentBag<Dictionary<int, double[]>>();
        Parallel.For(0, frames, parallel,
            () => (Sums: new Dictionary<int, double[]>(), I: new double[n], W: new double[n]),
            (f, _, state) =>
            {
                int d = domainOfFrame[f];
                if (d < 0)
                {
                    return state;
                }

                if (!state.Sums.TryGetValue(d, out var sums))
                {
                    sums = new double[rings * 2 * n];
                    state.Sums[d] = sums;
                }

                for (int r = 0; r < rings; r++)
                {
                    if (!source.TryRead(f, r, state.I, state.W))
                    {
                        return state;
                    }

                    int o = r * 2 * n;
                    for (int j = 0; j < n; j++)
                    {
                        sums[o + j] += state.I[j] * state.W[j];
                        sums[o + n + j] += state.W[j];
                    }
                }

                return state;
            },
            state => parts.Add(state.Sums));

        var total = new Dictionary<int, double[]>();
        foreach (var part in parts)
        {
            foreach (var (d, sums) in part)
            {
                if (!total.TryGetValue(d, out var t))
                {
                    total[d] = sums;
                    continue;
                }

                for (int i = 0; i < t.Length; i++)
                {
                    t[i] += sums[i];
                }
            }
        }

        return total.ToDictionary(kv => kv.Key, kv => Enumerable.Range(0, rings)
            .Select(r => RingPairSelector.PeakHeight(kv.Value.AsSpan(r * 2 * n, n), kv.Value.AsSpan((r * 2 * n) + n, n))).ToArray());
    }
}
