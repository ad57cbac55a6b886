namespace XccaMap.Diffraction.CcfFit;

/// <summary>How the amplitudes of the ring-2 (WAXS) peaks are set in a CCF fit.</summary>
public enum AmplitudeMode
{
    /// <summary>
    /// From the model: |F|² times the Ewald excitation of each reflection under the orientational disorder implied by the
    /// WAXS peak width (<see cref="Crystallography.Simulation.BraggProbability"/>); one overall scale.
    /// </summary>
    Physical = 0,

    /// <summary>
    /// Each ring-2 reflection that can be excited gets its own non-negative amplitude, solved by linear least squares
    /// (the paper's "amplitude of the i-th Bragg peak from the experimental data"). The out-of-plane tilt is then not
    /// identifiable and is not fitted.
    /// </summary>
    Free = 1,
}
