using XccaMap.Crystallography.Ccf;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Simulation;
using XccaMap.Diffraction.CcfFit;

namespace XccaMap.Tests.Diffraction.CcfFit;

/// <summary>
/// A "measured" domain with known truth: peaks from the domain model, the CCF from the core's analytic eq. 6
/// (<see cref="AnalyticCcf"/>, erf window — an implementation independent of the fit's numeric one), scaled to [0, 1],
/// plus Gaussian noise; optionally the SAXS ring profile with a background and noise.
/// </summary>
internal sealed record SyntheticDomain(ZoneAxis Zone, OrientationRelation Relation, double InPlaneDeg, Vec3 MisorientationDeg, double Sigma1Deg, double Sigma2Deg, double Q1)
{
    public const double Lambda = 0.898;
    public const double Q2 = 2.117;

    /// <summary>The WAXS ring on a P10-like detector (beam near a corner): about 100° of it.</summary>
    public static AngularWindow Window { get; } = new(265, 5);

    public DomainCcfModel Model => new(new DomainCcfSetup { Zone = Zone, Relation = Relation, Q1 = Q1, Q2 = Q2, WavelengthAngstrom = Lambda });

    public DomainCcfParameters Parameters => new(InPlaneDeg, MisorientationDeg, Sigma1Deg, Sigma2Deg);

    public Mat3 LabFromSl => Model.LabFromSl(InPlaneDeg);

    public Mat3 LabFromAl => Model.LabFromAl(LabFromSl, MisorientationDeg);

    public CcfFitData Data(int seed, double ccfNoise = 0.02, double profileNoise = 0.02, bool withProfile = true)
    {
        var rng = new Random(seed);
        double Gauss() => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        DomainCcfModel model = Model;
        AngularPeak[] saxs = DomainCcfModel.AsPeaks(model.Ring1Peaks(Parameters));
        AngularPeak[] waxs = DomainCcfModel.AsPeaks(model.Ring2Peaks(Parameters));
        double[] delta = Enumerable.Range(0, 360).Select(i => (double)i).ToArray();
        double[] ccf = AnalyticCcf.Normalize(AnalyticCcf.Evaluate(saxs, waxs, delta, Window)).Select(v => v + (ccfNoise * Gauss())).ToArray();
        RingProfile? profile = null;
        if (withProfile)
        {
            double[] phi = delta.Select(d => d + 0.5).ToArray();
            double max = saxs.Max(p => p.Amplitude);
            double[] intensity = phi.Select(f => 0.1 + (saxs.Sum(p => p.Amplitude * Math.Exp(-Math.Pow(Angles.Wrap180(f - p.PhiDeg), 2) / (2 * p.SigmaDeg * p.SigmaDeg))) / max)
                + (profileNoise * Gauss())).ToArray();
            profile = new RingProfile(phi, intensity);
        }

        return new CcfFitData
        {
            DeltaDeg = delta,
            Ccf = ccf,
            Q1 = Q1,
            Q2 = Q2,
            WavelengthAngstrom = Lambda,
            Mask2 = AngularMask.FromWindow(Window),
            Profile1 = profile,
            Label = $"{Relation.Name} {Zone}",
        };
    }
}
