using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Simulation;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// Fits one (zone, relation) candidate: a coarse grid search for ψ and ω_z (and, for a free relation, over start
/// relations), then Levenberg–Marquardt from the best distinct seeds.
/// </summary>
/// <remarks>
/// The CCF depends on ψ only through the masks (it sees angle differences), so with a ring-1 profile ψ is first
/// located on that profile alone (every symmetry-equivalent minimum is kept: they differ once the atomic lattice is
/// attached, e.g. the two Conf2 variants of a [001] domain). Without a profile ψ is searched on the CCF itself.
/// </remarks>
internal sealed class CcfFitSearch
{
    private readonly CcfFitData _data;
    private readonly CcfFitOptions _options;
    private readonly CcfSimulator _fine;
    private readonly CcfSimulator _coarse;

    public CcfFitSearch(CcfFitData data, CcfFitOptions options, CcfSimulator fine, CcfSimulator coarse)
    {
        _data = data;
        _options = options;
        _fine = fine;
        _coarse = coarse;
    }

    public CcfFitResult Fit(ZoneAxis zone, CcfModelKind kind, CancellationToken cancel)
    {
        CcfFitProblem[] problems = Relations(kind).Select(r => new CcfFitProblem(new DomainCcfModel(Setup(zone, r)), _data, _options, _fine, _coarse)).ToArray();
        (double[] hinted, double hintError, _) = UseSaxsPeaks(problems[0])
            ? InPlaneFromSaxsPeaks.Solve(zone, _options.SuperlatticeA, _options.NanocrystalRadiusAngstrom, _options.NanocrystalRadiusSigmaAngstrom, _data.SaxsPeakPhiDeg!)
            : ([], double.NaN, double.NaN);
        bool[] free = FreeMask(kind, problems[0]);
        free[CcfFitProblem.InPlane] &= hinted.Length == 0;
        (double[] lo, double[] hi) = Bounds(kind);
        List<CcfFitSeed> seeds = Seeds(problems, kind, hinted, cancel);
        var lm = new LevenbergMarquardt { MaxIterations = 100 };
        (CcfFitSeed Seed, LevenbergMarquardtResult Lm, double[] Full)? best = null;
        foreach (CcfFitSeed seed in seeds)
        {
            cancel.ThrowIfCancellationRequested();
            int[] idx = Enumerable.Range(0, CcfFitProblem.Count).Where(i => free[i]).ToArray();
            double[] full = (double[])seed.Parameters.Clone();
            double[] Full(double[] x)
            {
                var f = (double[])full.Clone();
                for (int i = 0; i < idx.Length; i++)
                {
                    f[idx[i]] = x[i];
                }

                return f;
            }

            LevenbergMarquardtResult r = lm.Minimize(
                x => seed.Problem.Evaluate(Full(x)).Residuals,
                idx.Select(i => full[i]).ToArray(),
                idx.Select(_ => 0.01).ToArray(),
                idx.Select(i => lo[i]).ToArray(),
                idx.Select(i => hi[i]).ToArray());
            if (best is null || r.Rss < best.Value.Lm.Rss)
            {
                best = (seed, r, Full(r.Parameters));
            }
        }

        var (s, fit, p) = best!.Value;
        CcfFitResult result = CcfFitResultBuilder.Build(kind, zone, s.Problem, p, free, fit, _data);
        if (hinted.Length > 0)
        {
            // ψ was held at the match to the measured SAXS peaks: report that error, not "fixed".
            var pars = result.Parameters.ToArray();
            pars[CcfFitProblem.InPlane] = pars[CcfFitProblem.InPlane] with { StandardError = hintError, Fixed = false };
            result = result with { Parameters = pars, InPlaneSource = "SAXS peak azimuths" };
        }

        return result;
    }

    private DomainCcfSetup Setup(ZoneAxis zone, OrientationRelation relation) => new()
    {
        Zone = zone,
        Relation = relation,
        Q1 = _data.Q1,
        Q2 = _data.Q2,
        WavelengthAngstrom = _data.WavelengthAngstrom,
        SuperlatticeA = _options.SuperlatticeA,
        AtomicStructure = _options.AtomicStructure,
        Ring1Family = _options.Ring1Family,
        Ring2Family = _options.Ring2Family,
        CrystalSizeAngstrom = _options.CrystalSizeAngstrom,
    };

    private IEnumerable<OrientationRelation> Relations(CcfModelKind kind)
    {
        switch (kind)
        {
            case CcfModelKind.Conf1:
                yield return OrientationRelation.Conf1;
                break;
            case CcfModelKind.Conf2:
                yield return OrientationRelation.Conf2;
                break;
            default:
                yield return OrientationRelation.Conf1;
                yield return OrientationRelation.Conf2;
                var sampler = new RotationSampler(_options.Seed);
                for (int i = 0; i < _options.FreeRelationStarts; i++)
                {
                    yield return OrientationRelation.Arbitrary($"start {i + 1}", sampler.NextUniformMatrix());
                }

                break;
        }
    }

    private bool[] FreeMask(CcfModelKind kind, CcfFitProblem problem)
    {
        var free = new bool[CcfFitProblem.Count];
        free[CcfFitProblem.InPlane] = _options.InPlaneDeg is null;
        bool tilt = kind == CcfModelKind.Free || (_options.FitTilt && _options.Amplitudes == AmplitudeMode.Physical);
        free[CcfFitProblem.OmegaX] = tilt;
        free[CcfFitProblem.OmegaY] = tilt;
        free[CcfFitProblem.OmegaZ] = true;
        free[CcfFitProblem.Sigma1] = problem.HasProfile1 || _options.FitSigma1WithoutProfile;
        free[CcfFitProblem.Sigma2] = true;
        return free;
    }

    private (double[] Lo, double[] Hi) Bounds(CcfModelKind kind)
    {
        double m = kind == CcfModelKind.Free ? 180 : _options.MaxMisorientationDeg;
        return ([double.NegativeInfinity, -m, -m, -m, 0.2, 0.5], [double.PositiveInfinity, m, m, m, 45, 60]);
    }

    // Measured SAXS azimuths fix ψ unless ψ is given or a ring-1 profile measures it.
    private bool UseSaxsPeaks(CcfFitProblem problem) =>
        _options.InPlaneDeg is null && !problem.HasProfile1 && _data.SaxsPeakPhiDeg is { Length: > 0 };

    private List<CcfFitSeed> Seeds(CcfFitProblem[] problems, CcfModelKind kind, double[] hinted, CancellationToken cancel)
    {
        double s1 = _options.Sigma1Deg, s2 = _options.Sigma2Deg;
        IReadOnlyList<double> psis = hinted.Length > 0 ? hinted : InPlaneCandidates(problems[0]);
        double max = kind == CcfModelKind.Free ? 0 : _options.MaxMisorientationDeg;
        double step = _options.MisorientationSearchStepDeg;
        var omegas = new List<double>();
        for (double w = -Math.Floor(max / step) * step; w <= max + 1e-9; w += step)
        {
            omegas.Add(w);
        }

        var all = new List<CcfFitSeed>();
        foreach (CcfFitProblem problem in problems)
        {
            cancel.ThrowIfCancellationRequested();
            foreach (double psi in psis)
            {
                foreach (double w in omegas)
                {
                    double[] p = [psi, 0, 0, w, s1, s2];
                    all.Add(new CcfFitSeed(problem, p, problem.Cost(p)));
                }
            }
        }

        var seeds = new List<CcfFitSeed>();
        foreach (CcfFitSeed c in all.OrderBy(x => x.Cost))
        {
            bool distinct = seeds.All(s => s.Problem != c.Problem
                || Angles.CircularDistanceDeg(s.Parameters[0], c.Parameters[0]) > 3
                || Math.Abs(s.Parameters[3] - c.Parameters[3]) > 3);
            if (distinct)
            {
                seeds.Add(c);
            }

            if (seeds.Count >= _options.Starts)
            {
                break;
            }
        }

        return seeds;
    }

    private IReadOnlyList<double> InPlaneCandidates(CcfFitProblem problem)
    {
        if (_options.InPlaneDeg is { } fixedPsi)
        {
            return [fixedPsi];
        }

        double step = _options.InPlaneSearchStepDeg;
        int n = (int)Math.Ceiling(360 / step);
        double[] grid = Enumerable.Range(0, n).Select(i => i * 360.0 / n).ToArray();
        if (!problem.HasProfile1)
        {
            return grid;
        }

        // Profile of ring 1 alone: keep every local minimum close to the best (symmetry-equivalent ψ).
        int fineN = 720;
        double[] psi = Enumerable.Range(0, fineN).Select(i => i * 360.0 / fineN).ToArray();
        double[] cost = psi.Select(x => problem.Profile1Cost([x, 0, 0, 0, _options.Sigma1Deg, _options.Sigma2Deg])).ToArray();
        double min = cost.Min();
        double median = cost.Order().ElementAt(fineN / 2);
        double cut = min + (0.1 * (median - min));
        var minima = new List<double>();
        for (int i = 0; i < fineN; i++)
        {
            double c = cost[i];
            if (c <= cut && c <= cost[(i + fineN - 1) % fineN] && c <= cost[(i + 1) % fineN])
            {
                minima.Add(psi[i]);
            }
        }

        return minima.Count > 0 ? minima : grid;
    }
}
