using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Monitor.Live;

/// <summary>Per-thread state of the live feature extraction: one accumulator per band, scratch, fit buffers.</summary>
public sealed class FeatureWorker
{
    /// <summary>State for the cakes of <paramref name="setup"/>.</summary>
    public FeatureWorker(LiveSetup setup)
    {
        Saxs = setup.Saxs is null ? null : new RemapAccumulator(setup.Saxs.Table);
        Waxs = setup.Waxs is null ? null : new RemapAccumulator(setup.Waxs.Table);
        Scratch = new double[Math.Max(setup.Saxs?.ScratchLength ?? 0, setup.Waxs?.ScratchLength ?? 0)];
        int n = setup.QTargets.Count == 0 ? 0 : setup.QTargets.Max(t => t.Count);
        FitY = new double[n];
        FitSigma = new double[n];
    }

    /// <summary>SAXS accumulator.</summary>
    public RemapAccumulator? Saxs { get; }

    /// <summary>WAXS accumulator.</summary>
    public RemapAccumulator? Waxs { get; }

    /// <summary>Scratch for <see cref="BandCake.Extract"/>.</summary>
    public double[] Scratch { get; }

    /// <summary>Fit ordinates.</summary>
    public double[] FitY { get; }

    /// <summary>Fit uncertainties.</summary>
    public double[] FitSigma { get; }

    /// <summary>Fit options (defaults, as <c>process</c>).</summary>
    public GaussianFitOptions FitOptions { get; } = new();
}
