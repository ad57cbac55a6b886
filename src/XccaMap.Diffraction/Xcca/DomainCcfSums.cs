namespace XccaMap.Diffraction.Xcca;

/// <summary>One thread's sums of one domain: the cross-correlation and (optionally) both autocorrelations.</summary>
internal sealed class DomainCcfSums
{
    public DomainCcfSums(int bins, int groups, bool autocorrelations)
    {
        Cross = new CcfAccumulator(bins, groups);
        Auto1 = autocorrelations ? new CcfAccumulator(bins, groups) : null;
        Auto2 = autocorrelations ? new CcfAccumulator(bins, groups) : null;
    }

    public CcfAccumulator Cross { get; }

    public CcfAccumulator? Auto1 { get; }

    public CcfAccumulator? Auto2 { get; }

    public void Add(MaskedCcfEngine engine, ReadOnlySpan<double> i1, ReadOnlySpan<double> w1, ReadOnlySpan<double> i2, ReadOnlySpan<double> w2, long frame)
    {
        engine.Accumulate(i1, w1, i2, w2, Cross, frame);
        if (Auto1 is not null)
        {
            engine.Accumulate(i1, w1, i1, w1, Auto1, frame);
            engine.Accumulate(i2, w2, i2, w2, Auto2!, frame);
        }
    }

    public void Merge(DomainCcfSums other)
    {
        Cross.Merge(other.Cross);
        Auto1?.Merge(other.Auto1!);
        Auto2?.Merge(other.Auto2!);
    }

    /// <summary>Merges per-thread dictionaries of sums by domain.</summary>
    public static Dictionary<int, DomainCcfSums> MergeAll(IEnumerable<Dictionary<int, DomainCcfSums>> parts)
    {
        var total = new Dictionary<int, DomainCcfSums>();
        foreach (var part in parts)
        {
            foreach (var (domain, sums) in part)
            {
                if (total.TryGetValue(domain, out var t))
                {
                    t.Merge(sums);
                }
                else
                {
                    total[domain] = sums;
                }
            }
        }

        return total;
    }
}
