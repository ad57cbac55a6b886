using XccaMap.Diffraction.Disorder;

namespace XccaMap.Diffraction.Xcca;

/// <summary>Options of <see cref="DomainXcca"/>.</summary>
public sealed record DomainXccaOptions
{
    /// <summary>q1 for every domain, Å⁻¹ (the source ring nearest to it); null = each domain's strongest SL ring.</summary>
    public double? Q1 { get; init; }

    /// <summary>q2 for every domain, Å⁻¹; null = the AL 200 ring (<see cref="RingPairSelector"/>).</summary>
    public double? Q2 { get; init; }

    /// <summary>How <see cref="Q1"/> was chosen, for the results (e.g. by the caller from the data); null = "configured".</summary>
    public string? Q1Reason { get; init; }

    /// <summary>How <see cref="Q2"/> was chosen, for the results; null = "configured".</summary>
    public string? Q2Reason { get; init; }

    /// <summary>Also the autocorrelations C(q1, q1, Δ) and C(q2, q2, Δ). Default true.</summary>
    public bool Autocorrelations { get; init; } = true;

    /// <summary>Jackknife groups for the symmetry-axis error. Default <see cref="CcfAccumulator.DefaultGroups"/>.</summary>
    public int JackknifeGroups { get; init; } = CcfAccumulator.DefaultGroups;

    /// <summary>Domains with fewer frames with data are skipped. Default 1.</summary>
    public int MinFrames { get; init; } = 1;

    /// <summary>Options of the orientational-disorder fit.</summary>
    public DisorderFitOptions Disorder { get; init; } = new();

    /// <summary>Domain names by id (for the results), or null.</summary>
    public IReadOnlyDictionary<int, string>? DomainNames { get; init; }

    /// <summary>Threads; −1 = all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
