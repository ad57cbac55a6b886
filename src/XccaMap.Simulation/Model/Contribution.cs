namespace XccaMap.Simulation.Model;

/// <summary>
/// What one grain adds to a scan point's pattern.
/// </summary>
/// <param name="ClassIndex">Class of the grain, or −1 for no sample.</param>
/// <param name="Grain">Grain number.</param>
/// <param name="Fraction">Share of the beam footprint on this grain (0–1).</param>
/// <param name="QScale">Superlattice q / bulk q (1 + compression).</param>
/// <param name="RotationDeg">Out-of-plane rotation of the film (SL and nanocrystals), degrees.</param>
/// <param name="AxisPhiDeg">In-plane rotation axis, azimuth in degrees (lab frame, design.md §3 convention).</param>
public readonly record struct Contribution(int ClassIndex, int Grain, double Fraction, double QScale, double RotationDeg, double AxisPhiDeg)
{
    /// <summary>True when the grain holds sample.</summary>
    public bool HasSample => ClassIndex >= 0;
}
