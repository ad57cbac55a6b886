using XccaMap.Diffraction.Xcca;

namespace XccaMap.Diffraction.Results;

/// <summary>
/// The cross-correlation step of <c>process</c>: per domain (domain K = SAXS class label K, i.e. class K + 1 of the
/// report and <c>/entry/classes/saxs_class_{K+1}</c>) the CCF, autocorrelations and disorder fit, and what it cost.
/// </summary>
public sealed record XccaResults
{
    /// <summary>Per-domain results, by domain id.</summary>
    public required IReadOnlyList<DomainXccaResult> Domains { get; init; }

    /// <summary>Δ bins over 360° (Δ step = 360°/N).</summary>
    public required int PhiBins { get; init; }

    /// <summary>The q2 ring and how it was chosen.</summary>
    public required string Q2Description { get; init; }

    /// <summary>Building the SL ring tables, wall seconds.</summary>
    public required double SetupSeconds { get; init; }

    /// <summary>Building the SL ring tables, process CPU seconds.</summary>
    public required double SetupCpuSeconds { get; init; }

    /// <summary>
    /// Per-frame work inside the feature pass (SL ring profiles, 200_AL patch), summed over threads: thread CPU time
    /// (wall time where the OS does not tell, <see cref="ProfileTimeIsCpu"/>).
    /// </summary>
    public required double ProfileCpuSeconds { get; init; }

    /// <summary>True when <see cref="ProfileCpuSeconds"/> is CPU time.</summary>
    public required bool ProfileTimeIsCpu { get; init; }

    /// <summary>Frames whose profiles were kept.</summary>
    public required long ProfileFrames { get; init; }

    /// <summary>Correlating and fitting after the classification, wall seconds.</summary>
    public required double ComputeSeconds { get; init; }

    /// <summary>Correlating and fitting after the classification, process CPU seconds.</summary>
    public required double ComputeCpuSeconds { get; init; }

    /// <summary>Per-frame storage held during the run, bytes.</summary>
    public required long StoreBytes { get; init; }

    /// <summary>CPU µs per frame of the per-frame work.</summary>
    public double ProfileMicrosecondsPerFrame => ProfileFrames > 0 ? ProfileCpuSeconds * 1e6 / ProfileFrames : double.NaN;

    /// <summary>CPU seconds the step cost in all: setup, per-frame work, correlation and fits.</summary>
    public double CpuSeconds => SetupCpuSeconds + ProfileCpuSeconds + ComputeCpuSeconds;
}
