namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// Choice between relations (e.g. Conf1 vs Conf2) on the same zone by the fitted residual. Both residuals are kept.
/// </summary>
/// <param name="Chosen">The relation with the lowest total residual.</param>
/// <param name="ChosenRss">Its total RSS.</param>
/// <param name="RunnerUp">The next best relation, or null if only one was fitted.</param>
/// <param name="RunnerUpRss">Its total RSS (NaN if none).</param>
/// <param name="DeltaChiSquare">
/// (RSS_runner-up − RSS_chosen)/s² with s² = RSS_chosen/dof: how many "noise variances" the choice is worth (an
/// upper bound, as neighbouring CCF values are correlated).
/// </param>
/// <param name="Decisive">
/// True if Δχ² ≥ 4 and the runner-up's residual is at least 2 % larger; false means the data cannot tell the
/// relations apart (e.g. a [001] domain whose WAXS window shows one 200 spot only: Conf1 and Conf2 then predict the
/// same CCF).
/// </param>
public sealed record ModelSelection(CcfModelKind Chosen, double ChosenRss, CcfModelKind? RunnerUp, double RunnerUpRss, double DeltaChiSquare, bool Decisive);
