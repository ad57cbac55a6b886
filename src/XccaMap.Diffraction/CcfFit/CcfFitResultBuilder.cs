using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Simulation;
using XccaMap.Crystallography.Symmetry;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>Turns a converged refinement into a <see cref="CcfFitResult"/> (orientations, misorientations, errors).</summary>
internal static class CcfFitResultBuilder
{
    public static CcfFitResult Build(CcfModelKind kind, ZoneAxis zone, CcfFitProblem problem, double[] p, bool[] free,
        LevenbergMarquardtResult lm, CcfFitData data)
    {
        CcfFitEvaluation ev = problem.Evaluate(p);
        DomainCcfModel model = problem.Model;
        DomainCcfParameters par = CcfFitProblem.ToParameters(p);
        Mat3 sl = model.LabFromSl(par.InPlaneDeg);
        Mat3 al = model.LabFromAl(sl, par.MisorientationDeg);

        // Map LM's free-parameter errors back onto the six parameters.
        int[] idx = Enumerable.Range(0, CcfFitProblem.Count).Where(i => free[i]).ToArray();
        var se = Enumerable.Repeat(double.NaN, CcfFitProblem.Count).ToArray();
        var atBound = new bool[CcfFitProblem.Count];
        var cov = new double[CcfFitProblem.Count, CcfFitProblem.Count];
        for (int a = 0; a < idx.Length; a++)
        {
            se[idx[a]] = lm.StandardErrors[a];
            atBound[idx[a]] = double.IsNaN(lm.StandardErrors[a]);
            for (int b = 0; b < idx.Length; b++)
            {
                cov[idx[a], idx[b]] = lm.Covariance[a, b];
            }
        }

        string[] units = ["deg", "deg", "deg", "deg", "deg", "deg"];
        var parameters = new FitParameter[CcfFitProblem.Count];
        for (int i = 0; i < CcfFitProblem.Count; i++)
        {
            double v = i switch
            {
                CcfFitProblem.InPlane => Angles.Wrap360(p[i]),
                CcfFitProblem.Sigma1 or CcfFitProblem.Sigma2 => Math.Abs(p[i]),
                _ => p[i],
            };
            parameters[i] = new FitParameter(CcfFitProblem.Names[i], v, free[i] ? se[i] : double.NaN, units[i], !free[i], atBound[i]);
        }

        (Misorientation deviation, double deviationError) = Deviation(kind, sl, al, par.MisorientationDeg, cov, free);
        int linear = 1 + ev.Amplitudes.Length + ev.BackgroundCoefficients.Length + (data.Profile1 is null ? 0 : 2) + (data.Profile2 is null ? 0 : 2);
        double mean = data.Ccf.Where(double.IsFinite).Average();
        double tss = data.Ccf.Where(double.IsFinite).Sum(v => (v - mean) * (v - mean));
        return new CcfFitResult
        {
            Model = kind,
            Zone = zone,
            InPlaneSource = free[CcfFitProblem.InPlane] ? "fitted" : "given",
            Ring1Family = model.Ring1.Family,
            Ring2Family = model.Ring2.Family,
            Parameters = parameters,
            LabFromSl = sl,
            LabFromAl = al,
            Deviation = deviation,
            DeviationErrorDeg = deviationError,
            Disorientation = Misorientation.CubicDisorientation(sl, al),
            NominalDisorientation = Misorientation.CubicDisorientation(sl, model.Setup.Relation.LabFromAl(sl)),
            CcfRss = ev.CcfRss,
            TotalRss = ev.TotalRss,
            CcfPoints = ev.CcfPoints,
            DegreesOfFreedom = ev.Residuals.Length - idx.Length - linear,
            CcfRSquared = tss > 0 ? 1 - (ev.CcfRss / tss) : double.NaN,
            FittedCcf = ev.FittedCcf,
            SimulatedCcf = ev.SimulatedCcf,
            Offset = ev.Offset,
            Amplitudes = ev.Amplitudes,
            BackgroundCoefficients = ev.BackgroundCoefficients,
            Ring1Peaks = ev.Ring1,
            Ring2Peaks = ev.Ring2,
            Ring2PeaksInWindow = PeaksInWindow(ev, data),
            Converged = lm.Converged,
            Iterations = lm.Iterations,
        };
    }

    private static int PeaksInWindow(CcfFitEvaluation ev, CcfFitData data)
    {
        if (ev.Ring2.Length == 0 || !ev.Amplitudes.Any(a => a > 0))
        {
            return 0;
        }

        double max = ev.Ring2.Max(r => r.Peak.Amplitude);
        return ev.Ring2.Count(r => r.Peak.Amplitude >= 0.05 * max && r.Peak.Amplitude > 0 && (data.Mask2 is null || data.Mask2.At(r.Peak.PhiDeg) > 0));
    }

    // Conf1/Conf2: the rotation ω itself (angle |ω|, axis in the SL frame), error by the delta method.
    // Free: the smallest cubic disorientation of the fitted AL from the AL that Conf1 or Conf2 would give.
    private static (Misorientation, double) Deviation(CcfModelKind kind, Mat3 sl, Mat3 al, Vec3 omega, double[,] cov, bool[] free)
    {
        if (kind == CcfModelKind.Free)
        {
            Misorientation d1 = Misorientation.CubicDisorientation(OrientationRelation.Conf1.LabFromAl(sl), al);
            Misorientation d2 = Misorientation.CubicDisorientation(OrientationRelation.Conf2.LabFromAl(sl), al);
            return (d1.AngleDeg <= d2.AngleDeg ? d1 : d2, double.NaN);
        }

        double angle = omega.Norm;
        if (angle < 1e-9)
        {
            return (new Misorientation(0, Vec3.UnitZ), double.NaN);
        }

        Vec3 u = omega / angle;
        double var = 0;
        int[] o = [CcfFitProblem.OmegaX, CcfFitProblem.OmegaY, CcfFitProblem.OmegaZ];
        for (int a = 0; a < 3; a++)
        {
            for (int b = 0; b < 3; b++)
            {
                if (free[o[a]] && free[o[b]])
                {
                    var += u[a] * u[b] * cov[o[a], o[b]];
                }
            }
        }

        return (new Misorientation(angle, (sl.Transpose() * u).Normalized()), Math.Sqrt(Math.Max(0, var)));
    }
}
