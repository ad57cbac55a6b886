using XccaMap.Crystallography.Simulation;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>Everything one evaluation of the CCF model produced (residuals, linear coefficients, curves).</summary>
internal sealed record CcfFitEvaluation
{
    /// <summary>Weighted residuals of every block, concatenated (CCF first).</summary>
    public required double[] Residuals { get; init; }

    /// <summary>Σ r² over all blocks (weighted).</summary>
    public required double TotalRss { get; init; }

    /// <summary>Σ (C_measured − C_fit)² over the finite CCF values.</summary>
    public required double CcfRss { get; init; }

    /// <summary>Number of finite CCF values.</summary>
    public required int CcfPoints { get; init; }

    /// <summary>Fitted CCF c₀ + Σ cⱼ Cⱼ(Δ) at every Δ of the data.</summary>
    public required double[] FittedCcf { get; init; }

    /// <summary>The model CCF Σ cⱼ Cⱼ(Δ) scaled to [0, 1] at every Δ of the data.</summary>
    public required double[] SimulatedCcf { get; init; }

    /// <summary>CCF offset c₀.</summary>
    public required double Offset { get; init; }

    /// <summary>CCF scale (physical amplitudes) or the per-peak amplitudes (free amplitudes).</summary>
    public required double[] Amplitudes { get; init; }

    /// <summary>Coefficients of the background terms: SAXS peaks × WAXS background, then SAXS background × WAXS peak(s).</summary>
    public required double[] BackgroundCoefficients { get; init; }

    /// <summary>Ring-1 peaks of the model.</summary>
    public required RingPeak[] Ring1 { get; init; }

    /// <summary>Ring-2 peaks of the model (amplitudes as used: relative excitations, or fitted in free mode).</summary>
    public required RingPeak[] Ring2 { get; init; }
}
