namespace XccaMap.Tomography.Statistics;

/// <summary>Mean ± standard deviation of a normal distribution fitted to values (nm), with the sample size.</summary>
/// <param name="Mean">Centre μ.</param>
/// <param name="Sigma">Width σ.</param>
/// <param name="Count">Number of values.</param>
public readonly record struct GaussianEstimate(double Mean, double Sigma, int Count)
{
    /// <summary>Not estimated (no values).</summary>
    public static GaussianEstimate None => new(double.NaN, double.NaN, 0);

    /// <inheritdoc />
    public override string ToString() => Count == 0 ? "–" : FormattableString.Invariant($"{Mean:F1}±{Sigma:F1}");
}
