using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Symmetry;
using XccaMap.Diffraction.CcfFit;
using Xunit.Abstractions;

namespace XccaMap.Tests.Diffraction.CcfFit;

public class CcfFitterTests(ITestOutputHelper output)
{
    private static readonly ZoneAxis Z110 = new(1, 1, 0);
    private static readonly ZoneAxis Z001 = new(0, 0, 1);

    private void Report(SyntheticDomain truth, CcfFitReport report)
    {
        foreach (CcfFitResult r in report.Results)
        {
            output.WriteLine(FormattableString.Invariant(
                $"{r.Model} {r.Zone}: ψ = {r.InPlane.Value:F3} ± {r.InPlane.StandardError:F3}°, ω = ({r.MisorientationDeg.X:F2}, {r.MisorientationDeg.Y:F2}, {r.MisorientationDeg.Z:F3}) ± {r.Parameter("misorientation_z").StandardError:F3}°, σ₁ = {r.Sigma1.Value:F3}, σ₂ = {r.Sigma2.Value:F3}, RSS = {r.TotalRss:G5} (CCF rms {r.CcfRmsResidual:F4}), SL–AL {r.Disorientation.AngleDeg:F2}°"));
        }

        output.WriteLine(FormattableString.Invariant(
            $"truth {truth.Relation.Name}: ψ = {truth.InPlaneDeg}, ω = {truth.MisorientationDeg}, σ = {truth.Sigma1Deg}, {truth.Sigma2Deg}; chosen {report.Selection.Chosen} (Δχ² = {report.Selection.DeltaChiSquare:F1}, decisive {report.Selection.Decisive})"));
    }

    private static void AssertRecovered(SyntheticDomain truth, CcfFitResult fit, double angleTol = 0.5, double widthTol = 0.10)
    {
        // ψ modulo the lattice symmetry: the SL orientations agree; the AL orientations too (misorientation included).
        double sl = Misorientation.CubicDisorientationAngleDeg(truth.LabFromSl, fit.LabFromSl);
        double al = Misorientation.CubicDisorientationAngleDeg(truth.LabFromAl, fit.LabFromAl);
        Assert.True(sl < angleTol, $"SL orientation (in-plane angle) off by {sl:F3}°");
        Assert.True(al < 2 * angleTol, $"AL orientation off by {al:F3}°");
        Assert.True(Math.Abs(fit.MisorientationDeg.Z - truth.MisorientationDeg.Z) < angleTol, $"ω_z {fit.MisorientationDeg.Z:F3}° vs {truth.MisorientationDeg.Z}°");
        Assert.True(Math.Abs(fit.Deviation.AngleDeg - truth.MisorientationDeg.Norm) < 2 * angleTol, $"misorientation {fit.Deviation.AngleDeg:F3}° vs {truth.MisorientationDeg.Norm:F3}°");
        Assert.True(Math.Abs(fit.Sigma1.Value / truth.Sigma1Deg - 1) < widthTol, $"σ₁ {fit.Sigma1.Value:F3}° vs {truth.Sigma1Deg}°");
        Assert.True(Math.Abs(fit.Sigma2.Value / truth.Sigma2Deg - 1) < widthTol, $"σ₂ {fit.Sigma2.Value:F3}° vs {truth.Sigma2Deg}°");
        Assert.True(fit.InPlane.StandardError is > 0 and < 0.5);
        Assert.True(fit.Converged);
    }

    [Theory]
    [InlineData("Conf2", 64.0, 2.3, 1.5, 6.5, 11)]   // green-like domain of the paper
    [InlineData("Conf1", 100.0, -1.7, 1.8, 7.3, 12)] // purple-like
    [InlineData("Conf2", 17.0, 4.1, 1.2, 5.5, 13)]
    public void Zone110_RecoversInPlaneAngleMisorientationWidths_AndTheConfiguration(string relation, double psi, double omegaZ, double s1, double s2, int seed)
    {
        var truth = new SyntheticDomain(Z110, relation == "Conf1" ? OrientationRelation.Conf1 : OrientationRelation.Conf2,
            psi, new Vec3(0, 0, omegaZ), s1, s2, Q1: 0.1405); // 311 of the superlattice
        CcfFitReport report = CcfFitter.Fit(truth.Data(seed), new CcfFitOptions { Zones = [Z110] });
        Report(truth, report);
        Assert.Equal(relation, report.Selection.Chosen.ToString());
        Assert.True(report.Selection.Decisive);
        Assert.Equal(new Miller(3, 1, 1), report.Best.Ring1Family);
        AssertRecovered(truth, report.Best);
        Assert.True(report.Best.CcfRmsResidual < 0.025); // the noise is 0.02
    }

    [Fact]
    public void Zone001_Conf1_RecoversAngles_AndReportsBothConfigurations()
    {
        // Red-like domain: SAXS 200, one WAXS 200 in the window. Conf1 and Conf2 predict (nearly) the same CCF here, so
        // the selection may be undecided — but the angles must be right and both residuals are reported.
        var truth = new SyntheticDomain(Z001, OrientationRelation.Conf1, -20, new Vec3(0, 0, 1.2), 1.5, 6.0, Q1: 0.0838);
        CcfFitReport report = CcfFitter.Fit(truth.Data(21), new CcfFitOptions { Zones = [Z001] });
        Report(truth, report);
        Assert.NotNull(report.BestOf(CcfModelKind.Conf1));
        Assert.NotNull(report.BestOf(CcfModelKind.Conf2));
        if (report.Selection.Decisive)
        {
            Assert.Equal(CcfModelKind.Conf1, report.Selection.Chosen);
        }

        AssertRecovered(truth, report.BestOf(CcfModelKind.Conf1)!);
    }

    [Fact]
    public void CcfOnly_WithTheInPlaneAngleGiven_RecoversTheMisorientation()
    {
        var truth = new SyntheticDomain(Z110, OrientationRelation.Conf2, 64, new Vec3(0, 0, -3.4), 2.0, 6.5, Q1: 0.1405);
        CcfFitReport report = CcfFitter.Fit(truth.Data(31, withProfile: false), new CcfFitOptions { Zones = [Z110], InPlaneDeg = 64, Sigma1Deg = 2.0 });
        Report(truth, report);
        Assert.Equal(CcfModelKind.Conf2, report.Selection.Chosen);
        CcfFitResult best = report.Best;
        Assert.True(best.InPlane.Fixed);
        Assert.True(best.Sigma1.Fixed);
        Assert.True(Math.Abs(best.MisorientationDeg.Z + 3.4) < 0.5, $"ω_z = {best.MisorientationDeg.Z:F3}");
        Assert.True(Math.Abs(best.Sigma2.Value / 6.5 - 1) < 0.1, $"σ₂ = {best.Sigma2.Value:F3}");
    }

    [Fact]
    public void FreeRelation_EndsNearTheTrueConfiguration()
    {
        var truth = new SyntheticDomain(Z110, OrientationRelation.Conf2, 64, new Vec3(0, 0, 2.0), 1.5, 6.5, Q1: 0.1405);
        CcfFitData data = truth.Data(41);
        CcfFitReport report = CcfFitter.Fit(data, new CcfFitOptions { Zones = [Z110], Models = [CcfModelKind.Free, CcfModelKind.Conf2] });
        Report(truth, report);
        CcfFitResult free = report.BestOf(CcfModelKind.Free)!;
        CcfFitResult conf2 = report.BestOf(CcfModelKind.Conf2)!;
        Assert.True(free.TotalRss <= 1.02 * conf2.TotalRss, $"free {free.TotalRss:G4} vs Conf2 {conf2.TotalRss:G4}");
        // The in-plane part of the relation is what the CCF fixes: the WAXS peaks of the free fit sit where the truth's do.
        double[] want = truth.Model.Ring2Peaks(truth.Parameters).Where(p => p.Peak.Amplitude > 0.05).Select(p => p.Peak.PhiDeg).ToArray();
        foreach (double phi in free.Ring2Peaks.Where(p => p.Peak.Amplitude > 0.2 * free.Ring2Peaks.Max(q => q.Peak.Amplitude)).Select(p => p.Peak.PhiDeg))
        {
            Assert.True(want.Min(w => Angles.CircularDistanceDeg(w, phi)) < 1.0, $"free-fit WAXS peak at {phi:F2}° not in [{string.Join(", ", want.Select(w => w.ToString("F1")))}]");
        }
    }

    [Fact]
    [Trait("Category", "Slow")] // one linear amplitude column pair per WAXS peak: several times the cost of the physical model
    public void FreeAmplitudes_FitTheCcf_AndKeepTheAngles()
    {
        var truth = new SyntheticDomain(Z110, OrientationRelation.Conf1, 100, new Vec3(0, 0, 1.0), 1.5, 7.0, Q1: 0.1405);
        CcfFitReport report = CcfFitter.Fit(truth.Data(51), new CcfFitOptions { Zones = [Z110], Amplitudes = AmplitudeMode.Free });
        Report(truth, report);
        Assert.Equal(CcfModelKind.Conf1, report.Selection.Chosen);
        Assert.True(Math.Abs(report.Best.MisorientationDeg.Z - 1.0) < 0.5);
        Assert.All(report.Best.Amplitudes, a => Assert.True(a >= 0));
    }

    [Fact]
    public void SaxsPeakAzimuths_FixTheInPlaneAngle_ForACcfWithoutProfiles()
    {
        var truth = new SyntheticDomain(Z110, OrientationRelation.Conf1, 100, new Vec3(0, 0, -2.2), 1.5, 7.0, Q1: 0.1405);
        // The 002 spots of the [110] zone sit at ψ ± 90° (the domain's strongest SAXS peaks), measured to ±0.2°.
        CcfFitData data = truth.Data(61, withProfile: false) with { SaxsPeakPhiDeg = [190.15, 9.85] };
        CcfFitReport report = CcfFitter.Fit(data, new CcfFitOptions { Zones = [Z110] });
        Report(truth, report);
        CcfFitResult best = report.Best;
        Assert.Equal(CcfModelKind.Conf1, report.Selection.Chosen);
        Assert.Equal("SAXS peak azimuths", best.InPlaneSource);
        Assert.True(Misorientation.CubicDisorientationAngleDeg(truth.LabFromSl, best.LabFromSl) < 0.5);
        Assert.True(Math.Abs(best.MisorientationDeg.Z + 2.2) < 0.5, $"ω_z = {best.MisorientationDeg.Z:F3}");
        Assert.True(best.InPlane.StandardError is > 0 and < 0.5);
    }

    [Fact]
    public void InPlaneFromSaxsPeaks_Zone001_FindsPsiModulo90()
    {
        (double[] psi, double se, double rms) = InPlaneFromSaxsPeaks.Solve(Z001, 150, 65, 5, [70.1, 159.9, 250.2, 339.8]);
        Assert.True(rms < 0.3);
        Assert.True(se < 0.2);
        Assert.NotEmpty(psi);
        Assert.All(psi, p => Assert.True(Angles.CircularDistanceDeg(p % 90, 70) < 0.2 || Angles.CircularDistanceDeg((p % 90) + 270, 70) < 0.2, $"ψ = {p}"));
        // A [110] zone (strong 200 pair and 311 spots) cannot put its spots on four peaks 90° apart.
        Assert.True(InPlaneFromSaxsPeaks.Solve(Z110, 150, 65, 5, [70.1, 159.9, 250.2, 339.8]).RmsMismatchDeg > 2);
    }
}
