namespace XccaMap.Diffraction.Xcca;

/// <summary>The outcome of <see cref="ScanXcca.Run"/>.</summary>
public sealed record ScanXccaResult
{
    /// <summary>Per-domain results, by domain id.</summary>
    public required IReadOnlyList<DomainXccaResult> Domains { get; init; }

    /// <summary>The ring windows actually used (edges of the remap bins), Å⁻¹.</summary>
    public required RingPair Pair { get; init; }

    /// <summary>φ bins N.</summary>
    public required int Bins { get; init; }

    /// <summary>Frames whose CCFs are in <see cref="FrameCcfs"/> (row order), when kept.</summary>
    public long[] FrameIndices { get; init; } = [];

    /// <summary>Each kept frame's unscaled C(Δ), flat rows × N (NaN where the masks do not overlap), or empty.</summary>
    public double[] FrameCcfs { get; init; } = [];

    /// <summary>Frames that could not be read, with the reason.</summary>
    public required IReadOnlyList<(long Frame, string Reason)> Skipped { get; init; }

    /// <summary>Frames processed.</summary>
    public required long Processed { get; init; }

    /// <summary>Building the remap tables, seconds.</summary>
    public required double SetupSeconds { get; init; }

    /// <summary>The frame pass (read, decode, remap, correlate), wall seconds.</summary>
    public required double PassSeconds { get; init; }

    /// <summary>Profile extraction and CCF accumulation per frame (all correlations of the pair), CPU µs.</summary>
    public required double CcfMicrosecondsPerFrame { get; init; }

    /// <summary>Remapping the ring tables per frame, CPU µs.</summary>
    public required double RemapMicrosecondsPerFrame { get; init; }
}
