namespace XccaMap.Diffraction.Boundary;

/// <summary>A line scan through the maps towards a domain edge (Fig. 3b,c and S7b of Mukharamova et al. 2019).</summary>
/// <param name="FromRow">Start, row coordinate.</param>
/// <param name="FromCol">Start, column coordinate.</param>
/// <param name="ToRow">End, row coordinate.</param>
/// <param name="ToCol">End, column coordinate.</param>
/// <param name="Unit">Distance unit ("um" or "steps").</param>
/// <param name="Reflection">Reflection whose q is sampled.</param>
/// <param name="Samples">Samples from start to end.</param>
/// <param name="Domain">Domain at the start (−1 when none).</param>
/// <param name="Edge">What the line meets.</param>
/// <param name="EdgePosition">Edge position along the line, distance unit (NaN when not found).</param>
/// <param name="EdgeRefined">The edge was placed from the SAXS intensity (sub-step) rather than half-way between samples.</param>
/// <param name="Fit">q(d) = q_bulk·(1 + C·e^(−d/L)) over the samples inside the domain, d along the line.</param>
/// <param name="CosAngle">
/// Slope of the 2D edge distance against the line distance near the edge (≈ cos of the angle between the line and the
/// edge normal; 1 for a line perpendicular to the edge); NaN when unknown.
/// </param>
/// <param name="Notes">Remarks (reversed line, edge not found, …).</param>
public sealed record LineProfile(
    double FromRow, double FromCol, double ToRow, double ToCol, string Unit, string Reflection, IReadOnlyList<LineSample> Samples,
    int Domain, EdgeKind Edge, double EdgePosition, bool EdgeRefined, ExponentialDecay Fit, double CosAngle, IReadOnlyList<string> Notes)
{
    /// <summary>Decay length measured perpendicular to the edge: L along the line × <see cref="CosAngle"/>.</summary>
    public double PerpendicularDecayLength => double.IsFinite(CosAngle) ? Fit.DecayLength * CosAngle : double.NaN;
}
