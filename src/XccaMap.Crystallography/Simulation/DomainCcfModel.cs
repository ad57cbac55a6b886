using XccaMap.Crystallography.Ccf;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// The angular peaks a domain puts on the two correlated rings (the model behind Fig. 2a–e of Mukharamova et al.
/// 2019): superlattice (SAXS) reflections of ring q₁ for the SL orientation R_SL = FromZoneAxis(zone, ψ), and
/// atomic-lattice (WAXS) reflections of ring q₂ for R_AL = Exp(ω)·R_SL·M (M the orientation relation SL ← AL,
/// ω a small misorientation in the lab frame).
/// </summary>
/// <remarks>
/// Every reflection of each ring's hkl family gets a Gaussian peak at its azimuth with amplitude = its excitation
/// relative to an ideally oriented one, <see cref="BraggProbability.RelativeToIdeal"/>, times |F|²/|F|²_max of the
/// family (equal within a family of a cubic structure). The disorder σ_D of those Ewald weights follows from the
/// ring's azimuthal peak width (<see cref="BraggProbability.DisorderFromAzimuthalSigmaDeg"/>): the same nanocrystal
/// disorder broadens the WAXS spots and decides which of them meet the Bragg condition.
/// </remarks>
public sealed class DomainCcfModel
{
    private readonly Mat3 _slAtZero;
    private readonly double _k;
    private readonly double _sizeSigma2;
    private readonly double[] _relF1;
    private readonly double[] _relF2;

    /// <summary>Finds the rings' reflections and the zero-rotation SL orientation.</summary>
    public DomainCcfModel(DomainCcfSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (setup.Zone.IsZero)
        {
            throw new ArgumentException("The zone axis [000] is not a direction.", nameof(setup));
        }

        Setup = setup;
        Structure sl = setup.SuperlatticeStructure?.Invoke(setup.SuperlatticeA)
            ?? StructureFactory.Fcc(setup.SuperlatticeA, new ConstantScatterer("point", 1), "fcc superlattice");
        Structure al = setup.AtomicStructure ?? StructureFactory.PbS();
        Ring1 = RingReflections.Find(sl, setup.Q1, setup.Ring1Family);
        Ring2 = RingReflections.Find(al, setup.Q2, setup.Ring2Family);
        _slAtZero = OrientationFactory.FromZoneAxis(sl.Lattice, setup.Zone, 0);
        _k = LabFrame.WaveNumber(setup.WavelengthAngstrom);
        _sizeSigma2 = new Reflections.SpotBroadening(0, setup.CrystalSizeAngstrom, setup.ScherrerK).SizeSigma;
        _relF1 = Relative(Ring1.StructureFactorSquared);
        _relF2 = Relative(Ring2.StructureFactorSquared);
    }

    /// <summary>The fixed part of the model.</summary>
    public DomainCcfSetup Setup { get; }

    /// <summary>Superlattice reflections of ring 1.</summary>
    public RingReflections Ring1 { get; }

    /// <summary>Atomic-lattice reflections of ring 2.</summary>
    public RingReflections Ring2 { get; }

    /// <summary>Wavenumber k = 2π/λ, Å⁻¹.</summary>
    public double Wavenumber => _k;

    /// <summary>Superlattice orientation lab ← SL for in-plane rotation ψ (degrees).</summary>
    public Mat3 LabFromSl(double inPlaneDeg) => OrientationFactory.AboutBeam(inPlaneDeg) * _slAtZero;

    /// <summary>Atomic-lattice orientation lab ← AL: Exp(ω)·R_SL·M, ω in degrees (lab frame).</summary>
    public Mat3 LabFromAl(Mat3 labFromSl, Vec3 misorientationDeg) =>
        Exp(misorientationDeg) * Setup.Relation.LabFromAl(labFromSl);

    /// <summary>The peaks of ring 1 for the parameters; those with relative amplitude below <paramref name="minAmplitude"/> are left out.</summary>
    public RingPeak[] Ring1Peaks(DomainCcfParameters p, double minAmplitude = 1e-6)
    {
        Mat3 r = LabFromSl(p.InPlaneDeg);
        double disorder = BraggProbability.DisorderFromAzimuthalSigmaDeg(p.Sigma1Deg, Ring1.Q, _k, Setup.SuperlatticeRadialSigma);
        return Peaks(Ring1, _relF1, r, p.Sigma1Deg, disorder, Setup.SuperlatticeRadialSigma, minAmplitude);
    }

    /// <summary>The peaks of ring 2 for the parameters (σ_D of the Ewald weights from σ₂).</summary>
    public RingPeak[] Ring2Peaks(DomainCcfParameters p, double minAmplitude = 1e-6) =>
        Ring2Peaks(p, BraggProbability.DisorderFromAzimuthalSigmaDeg(p.Sigma2Deg, Ring2.Q, _k, _sizeSigma2), minAmplitude);

    /// <summary>The peaks of ring 2 with the Ewald weights computed for an explicit disorder σ_D (degrees).</summary>
    public RingPeak[] Ring2Peaks(DomainCcfParameters p, double disorderSigmaDeg, double minAmplitude)
    {
        Mat3 r = LabFromAl(LabFromSl(p.InPlaneDeg), p.MisorientationDeg);
        return Peaks(Ring2, _relF2, r, p.Sigma2Deg, disorderSigmaDeg, _sizeSigma2, minAmplitude);
    }

    /// <summary>Unscaled C(Δ) at <paramref name="deltaDeg"/> for the parameters, with the masks of <paramref name="simulator"/>.</summary>
    public double[] Ccf(CcfSimulator simulator, DomainCcfParameters p, ReadOnlySpan<double> deltaDeg)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        return simulator.Evaluate(AsPeaks(Ring1Peaks(p)), AsPeaks(Ring2Peaks(p)), deltaDeg);
    }

    /// <summary>The angular peaks of a list of ring peaks.</summary>
    public static AngularPeak[] AsPeaks(IReadOnlyList<RingPeak> peaks) => peaks.Select(x => x.Peak).ToArray();

    /// <summary>Rotation matrix of a rotation vector given in degrees.</summary>
    public static Mat3 Exp(Vec3 rotationVectorDeg) => UnitQuaternion.FromRotationVector(rotationVectorDeg * (Math.PI / 180)).ToMatrix();

    private RingPeak[] Peaks(RingReflections ring, double[] relF, Mat3 labFromCrystal, double sigmaDeg, double disorderDeg, double sizeSigma, double minAmplitude)
    {
        if (!(sigmaDeg > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(sigmaDeg), sigmaDeg, "Peak widths must be positive (degrees).");
        }

        var result = new List<RingPeak>(ring.CrystalVectors.Count);
        for (int i = 0; i < ring.CrystalVectors.Count; i++)
        {
            Vec3 g = labFromCrystal * ring.CrystalVectors[i];
            double a = relF[i] * BraggProbability.RelativeToIdeal(g, _k, disorderDeg, sizeSigma);
            if (a >= minAmplitude)
            {
                result.Add(new RingPeak(ring.Hkl[i], new AngularPeak(LabFrame.AzimuthDeg(g), a, sigmaDeg), Angles.ToDeg(BraggProbability.ElevationRad(g))));
            }
        }

        return [.. result];
    }

    private static double[] Relative(IReadOnlyList<double> f2)
    {
        double max = f2.Max();
        return f2.Select(v => max > 0 ? v / max : 0).ToArray();
    }
}
