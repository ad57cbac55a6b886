using System.Numerics;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// Finds the symmetry (mirror) axis Δ0 of a CCF — where C(Δ0 + x) ≈ C(Δ0 − x) — with an uncertainty
/// (design.md §4.7; Fig. 2 of Mukharamova et al. 2019). The mirror residual (<see cref="MirrorResidual"/>, exact for
/// the trigonometric interpolant of the samples) is scanned on a 0.1° grid over [0°, 180°); each local minimum is
/// refined by a parabola through its grid neighbours and polished by Newton steps on the analytic derivative.
/// </summary>
public static class SymmetryAxisFinder
{
    /// <summary>Grid step of the scan, degrees.</summary>
    public const double GridDeg = 0.1;

    /// <summary>Largest rotational fold considered for the CCF's period.</summary>
    public const int MaxFold = 12;

    /// <summary>Share of the power allowed outside the harmonics of a fold for the CCF to count as periodic in 360°/L (reported, not used to choose the axis).</summary>
    public const double FoldTolerance = 0.05;

    /// <summary>Mirror axes whose relative residual is within this of the best are equivalent; the one nearest 0 is reported.</summary>
    public const double EquivalenceTolerance = 0.02;

    /// <summary>How far (degrees) a jackknife estimate may move from the full-data axis.</summary>
    public const double JackknifeReachDeg = 10;

    /// <summary>Jackknife groups with frames needed for a jackknife error (else the curvature error is used).</summary>
    public const int MinJackknifeGroups = 5;

    /// <summary>
    /// The axis of one CCF (N values at Δ_j = j·360°/N), with the curvature error (<see cref="SymmetryErrorMethod.Curvature"/>).
    /// </summary>
    /// <remarks>
    /// Every local minimum of the mirror residual over [0°, 180°) is refined; of those whose residual is within
    /// <see cref="EquivalenceTolerance"/> of the best (relative to the CCF's variance) the one nearest Δ = 0 is
    /// reported. A CCF of period P has equivalent mirror axes every P/2 (P = 90° when the q1 ring is fourfold), and
    /// noise or a mask that breaks the period slightly decides which of them is lowest; this choice is stable.
    /// </remarks>
    public static SymmetryAxis Find(ReadOnlySpan<double> ccf)
    {
        var residual = new MirrorResidual(ccf);
        var minima = Minima(residual);
        if (minima.Count == 0)
        {
            return SymmetryAxis.None;
        }

        double best = minima.Min(m => m.Rho);
        var chosen = minima.Where(m => m.Rho <= best + EquivalenceTolerance).MinBy(m => Math.Abs(Reduce(m.Theta)));
        var (_, second) = residual.Derivatives(chosen.Theta);

        // Δχ² = 1 with the residual at the minimum taken as noise: σ² = 4·R_min / (N·R'') (radians).
        double rMin = chosen.Rho * residual.Power;
        double error = second > 0 ? Math.Sqrt(4 * rMin / (residual.Samples * second)) : double.NaN;
        int fold = residual.Fold(MaxFold, FoldTolerance);
        return new SymmetryAxis(Reduce(chosen.Theta) * 180 / Math.PI, error * 180 / Math.PI, 360.0 / fold, chosen.Rho, SymmetryErrorMethod.Curvature);
    }

    /// <summary>
    /// All mirror axes of a CCF that are equivalent to the best one (relative residual within
    /// <see cref="EquivalenceTolerance"/>), degrees in [−90, 90), nearest 0 first; empty for a flat CCF.
    /// </summary>
    public static IReadOnlyList<double> EquivalentAxes(ReadOnlySpan<double> ccf)
    {
        var minima = Minima(new MirrorResidual(ccf));
        if (minima.Count == 0)
        {
            return [];
        }

        double best = minima.Min(m => m.Rho);
        return minima.Where(m => m.Rho <= best + EquivalenceTolerance).Select(m => Reduce(m.Theta) * 180 / Math.PI).OrderBy(Math.Abs).ToList();
    }

    /// <summary>Every local minimum of the residual on the 0.1° grid over [0, π), refined; (θ radians, relative residual).</summary>
    private static List<(double Theta, double Rho)> Minima(MirrorResidual residual)
    {
        var minima = new List<(double Theta, double Rho)>();
        if (residual.IsFlat || residual.Harmonics < 1)
        {
            return minima;
        }

        int count = (int)Math.Round(180 / GridDeg);
        double step = Math.PI / count;
        var grid = new double[count];
        residual.Grid(step, grid);
        for (int i = 0; i < count; i++)
        {
            double rm = grid[(i + count - 1) % count], r0 = grid[i], rp = grid[(i + 1) % count];
            if (!(r0 <= rm && r0 < rp))
            {
                continue;
            }

            // Parabola through the grid point and its neighbours, then Newton on R'.
            double curvature = rm - (2 * r0) + rp;
            double offset = curvature > 0 ? Math.Clamp(0.5 * (rm - rp) / curvature, -0.5, 0.5) : 0;
            double theta = residual.Newton((i + offset) * step, step);
            minima.Add((theta, Math.Max(residual.Value(theta), 0) / residual.Power));
        }

        return minima;
    }

    /// <summary>
    /// The axis of a domain's CCF with a delete-one-group jackknife error over its frames when at least
    /// <see cref="MinJackknifeGroups"/> groups hold frames (else the curvature error of <see cref="Find"/>).
    /// </summary>
    /// <param name="accumulator">The domain's sums.</param>
    /// <param name="engine">An engine of the same N (used to invert the partial sums).</param>
    /// <param name="ccf">The CCF of all frames (C̄ from <paramref name="accumulator"/>).</param>
    public static SymmetryAxis FindWithJackknife(CcfAccumulator accumulator, MaskedCcfEngine engine, ReadOnlySpan<double> ccf)
    {
        ArgumentNullException.ThrowIfNull(accumulator);
        ArgumentNullException.ThrowIfNull(engine);
        var axis = Find(ccf);
        int filled = Enumerable.Range(0, accumulator.Groups).Count(g => accumulator.FramesInGroup(g) > 0);
        if (!double.IsFinite(axis.AxisDeg) || filled < MinJackknifeGroups)
        {
            return axis;
        }

        var spectrum = new Complex[accumulator.Bins];
        var partial = new double[accumulator.Bins];
        var estimates = new List<double>(filled);
        for (int g = 0; g < accumulator.Groups; g++)
        {
            if (accumulator.FramesInGroup(g) == 0)
            {
                continue;
            }

            accumulator.Sum(spectrum, leaveOut: g);
            engine.Invert(spectrum, partial, default, default);
            double theta = new MirrorResidual(partial).Newton(axis.AxisDeg * Math.PI / 180, JackknifeReachDeg * Math.PI / 180);
            estimates.Add(theta * 180 / Math.PI);
        }

        double mean = estimates.Average();
        double ss = estimates.Sum(e => (e - mean) * (e - mean));
        double sigma = Math.Sqrt((estimates.Count - 1.0) / estimates.Count * ss);
        return axis with { ErrorDeg = sigma, Method = SymmetryErrorMethod.Jackknife };
    }

    /// <summary>θ (radians) reduced to [−π/2, π/2): mirror axes repeat every π.</summary>
    private static double Reduce(double theta)
    {
        double t = theta - (Math.PI * Math.Floor(theta / Math.PI));
        return t >= Math.PI / 2 ? t - Math.PI : t;
    }
}
