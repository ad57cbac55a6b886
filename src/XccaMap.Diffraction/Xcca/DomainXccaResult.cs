using XccaMap.Diffraction.Disorder;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// Cross-correlation analysis and orientational disorder of one domain (design.md §4 steps 7–8): the domain-averaged
/// C(q1, q2, Δ) with its Fourier components and symmetry axis, the autocorrelations of both rings, and the 2D fit of
/// the domain-averaged 200_AL peak.
/// </summary>
public sealed record DomainXccaResult
{
    /// <summary>Domain (class) id, ≥ 0.</summary>
    public required int Domain { get; init; }

    /// <summary>Domain name for people (e.g. a class name), or null.</summary>
    public string? Name { get; init; }

    /// <summary>The rings correlated.</summary>
    public required RingPair Pair { get; init; }

    /// <summary>Why this pair: "configured", or how it was chosen from the data.</summary>
    public string PairSource { get; init; } = "configured";

    /// <summary>C(q1, q2, Δ) averaged over the domain's frames.</summary>
    public required CcfResult Ccf { get; init; }

    /// <summary>Autocorrelation C(q1, q1, Δ), or null when not computed.</summary>
    public CcfResult? AutoQ1 { get; init; }

    /// <summary>Autocorrelation C(q2, q2, Δ), or null when not computed.</summary>
    public CcfResult? AutoQ2 { get; init; }

    /// <summary>The orientational-disorder fit of the 200_AL peak, or null when no peak patch was given.</summary>
    public DisorderResult? Disorder { get; init; }

    /// <summary>Frames averaged (those with data on both rings).</summary>
    public long Frames => Ccf.Frames;
}
