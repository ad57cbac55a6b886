using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// The default ring pair of a domain, from its data (design.md §4.7): q1 = the superlattice ring whose
/// domain-averaged angular profile has the highest peak above its median (the domain's strongest SL reflection);
/// q2 = the 200 ring of the atomic lattice — the AL ring labelled "200", else the upper ring of a pair whose q ratio
/// is 2/√3 (111 → 200 of a face-centred cubic / rock-salt lattice) or the lower of a pair with ratio √2 (200 → 220),
/// else the AL ring with the highest peak.
/// </summary>
public static class RingPairSelector
{
    /// <summary>Relative tolerance on the q ratios that identify the 200 ring.</summary>
    public const double RatioTolerance = 0.015;

    /// <summary>The index of the AL 200 ring among <paramref name="rings"/>, or −1; <paramref name="how"/> says how it was found.</summary>
    public static int AtomicLattice200(IReadOnlyList<Ring> rings, IReadOnlyList<double> peakHeight, out string how)
    {
        ArgumentNullException.ThrowIfNull(rings);
        var al = Enumerable.Range(0, rings.Count).Where(i => rings[i].Kind == RingKind.AtomicLattice).OrderBy(i => rings[i].Q).ToList();
        how = "no atomic-lattice ring";
        if (al.Count == 0)
        {
            return -1;
        }

        int labelled = al.FirstOrDefault(i => rings[i].Hkl == "200", -1);
        if (labelled >= 0)
        {
            how = "AL ring indexed 200";
            return labelled;
        }

        foreach (int a in al)
        {
            foreach (int b in al.Where(b => rings[b].Q > rings[a].Q))
            {
                double ratio = rings[b].Q / rings[a].Q;
                if (Math.Abs(ratio / (2 / Math.Sqrt(3)) - 1) < RatioTolerance)
                {
                    how = "AL ring at 2/√3 × the 111 ring";
                    return b;
                }

                if (Math.Abs(ratio / Math.Sqrt(2) - 1) < RatioTolerance)
                {
                    how = "AL ring at 1/√2 × the 220 ring";
                    return a;
                }
            }
        }

        int best = al.MaxBy(i => double.IsFinite(peakHeight[i]) ? peakHeight[i] : double.NegativeInfinity);
        how = "strongest AL ring (no 111/220 partner found to identify 200)";
        return best;
    }

    /// <summary>The index of the SL ring with the highest domain peak, or −1.</summary>
    public static int StrongestSuperlattice(IReadOnlyList<Ring> rings, IReadOnlyList<double> peakHeight)
    {
        ArgumentNullException.ThrowIfNull(rings);
        int best = -1;
        for (int i = 0; i < rings.Count; i++)
        {
            if (rings[i].Kind == RingKind.Superlattice && double.IsFinite(peakHeight[i]) && (best < 0 || peakHeight[i] > peakHeight[best]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Peak height of a domain-averaged angular profile: max over measured φ of Σ I·W / Σ W minus the median over
    /// measured φ (NaN when no bin was measured).
    /// </summary>
    /// <param name="weightedSum">Σ_frames I(φ)·W(φ).</param>
    /// <param name="weightSum">Σ_frames W(φ).</param>
    public static double PeakHeight(ReadOnlySpan<double> weightedSum, ReadOnlySpan<double> weightSum)
    {
        var values = new List<double>(weightSum.Length);
        for (int j = 0; j < weightSum.Length; j++)
        {
            if (weightSum[j] > 0)
            {
                values.Add(weightedSum[j] / weightSum[j]);
            }
        }

        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        return values[^1] - values[values.Count / 2];
    }

    /// <summary>The pair for ring indices of <paramref name="rings"/>.</summary>
    public static RingPair Pair(IReadOnlyList<Ring> rings, int q1, int q2)
    {
        ArgumentNullException.ThrowIfNull(rings);
        return new RingPair(new QBand(rings[q1].QMin, rings[q1].QMax), new QBand(rings[q2].QMin, rings[q2].QMax), rings[q1].Name, rings[q2].Name);
    }

    /// <summary>The ring of <paramref name="rings"/> nearest to <paramref name="q"/> (Å⁻¹) among those whose window holds it, else the nearest; −1 if none.</summary>
    public static int Nearest(IReadOnlyList<Ring> rings, double q)
    {
        ArgumentNullException.ThrowIfNull(rings);
        int best = -1;
        for (int i = 0; i < rings.Count; i++)
        {
            bool inside = q >= rings[i].QMin && q <= rings[i].QMax;
            bool bestInside = best >= 0 && q >= rings[best].QMin && q <= rings[best].QMax;
            if (best < 0 || (inside && !bestInside) || (inside == bestInside && Math.Abs(rings[i].Q - q) < Math.Abs(rings[best].Q - q)))
            {
                best = i;
            }
        }

        return best;
    }
}
