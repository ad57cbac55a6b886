namespace XccaMap.Diffraction.CcfFit;

/// <summary>All candidate fits of one measured CCF, best first, and the model selection.</summary>
/// <param name="Label">Label of the data (e.g. "domain 2").</param>
/// <param name="Results">Best fit of every (zone, relation) candidate, lowest total residual first.</param>
/// <param name="Selection">Choice between the relations on the best zone.</param>
public sealed record CcfFitReport(string Label, IReadOnlyList<CcfFitResult> Results, ModelSelection Selection)
{
    /// <summary>The best fit overall.</summary>
    public CcfFitResult Best => Results[0];

    /// <summary>The best fit with relation <paramref name="model"/> (on any zone), or null.</summary>
    public CcfFitResult? BestOf(CcfModelKind model) => Results.FirstOrDefault(r => r.Model == model);
}
