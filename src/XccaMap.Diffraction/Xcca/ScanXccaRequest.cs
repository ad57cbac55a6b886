using XccaMap.Diffraction.Disorder;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Diffraction.Xcca;

/// <summary>What <see cref="ScanXcca"/> computes: a ring pair over a set of frames, grouped into domains.</summary>
public sealed record ScanXccaRequest
{
    /// <summary>The rings to correlate (q windows in Å⁻¹).</summary>
    public required RingPair Pair { get; init; }

    /// <summary>φ bins N over 360° (Δ step = 360°/N). Default 360 (1°).</summary>
    public int Bins { get; init; } = 360;

    /// <summary>Frames to read (global indices).</summary>
    public required IReadOnlyList<long> Frames { get; init; }

    /// <summary>Domain of a frame (≥ 0), or negative to leave it out; null = all frames form domain 0.</summary>
    public Func<long, int>? DomainOf { get; init; }

    /// <summary>Domain names by id, or null.</summary>
    public IReadOnlyDictionary<int, string>? DomainNames { get; init; }

    /// <summary>Keep every frame's CCF (frames × N doubles) in the result. Default false.</summary>
    public bool KeepFrameCcfs { get; init; }

    /// <summary>Also the autocorrelations of both rings. Default true.</summary>
    public bool Autocorrelations { get; init; } = true;

    /// <summary>q window of the 200_AL peak for the orientational-disorder fit (Å⁻¹), or null for no fit.</summary>
    public QBand? PeakBand { get; init; }

    /// <summary>q bins of the peak patch. Default 40.</summary>
    public int PeakQBins { get; init; } = 40;

    /// <summary>φ bins of the peak patch over 360°. Default 360 (1°).</summary>
    public int PeakPhiBins { get; init; } = 360;

    /// <summary>Remap options of the ring tables. Default: full pixel splitting (1° bins at small q are about one pixel wide), solid angle corrected.</summary>
    public RemapOptions Remap { get; init; } = new() { Split = PixelSplit.Full };

    /// <summary>φ bins of a ring covered less than this (0–1) get W = 0. Default 0 (any coverage counts, weighted by W).</summary>
    public double MinCoverage { get; init; }

    /// <summary>Jackknife groups for the symmetry-axis error.</summary>
    public int JackknifeGroups { get; init; } = CcfAccumulator.DefaultGroups;

    /// <summary>Options of the disorder fit.</summary>
    public DisorderFitOptions Disorder { get; init; } = new();

    /// <summary>Frames in flight in the reader; 0 = its default.</summary>
    public int MaxInFlight { get; init; }
}
