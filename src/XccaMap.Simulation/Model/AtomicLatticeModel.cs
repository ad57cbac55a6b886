using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Reflections;
using XccaMap.Crystallography.Structures;
using XccaMap.Simulation.Rendering;

namespace XccaMap.Simulation.Model;

/// <summary>
/// WAXS spots of the nanocrystals' atomic lattice (rock salt) with Gaussian orientational disorder about a mean
/// orientation. At q ≈ 2 Å⁻¹ the Ewald sphere is strongly curved (θ_B ≈ 9° at 13.8 keV): a reflection lying in the
/// detector plane diffracts only from the nanocrystals tilted by about θ_B, so its intensity is the fraction of the
/// disorder distribution that meets the Bragg condition. That integral is done by Monte Carlo over N nanocrystal
/// orientations δR_i·R (δR_i Gaussian rotation vectors, <see cref="OrientationalDisorder"/>), each weighted by the
/// Scherrer rocking curve exp(−s²/2σ_s²) of its excitation error s (σ_s = 2πK/(L·2√(2 ln 2))).
/// </summary>
/// <remarks>
/// Spot k gets amplitude A·(|F_k|²/|F_200|²)·W_k/W_ref, with W_k the mean rocking-curve weight over the N orientations
/// and W_ref that of a 200 reflection tilted exactly onto the Bragg condition (so A is the peak of an ideally oriented
/// 200). Its φ centre and spread are the weighted circular mean and standard deviation of the azimuths of the
/// diffracting orientations; the spot's azimuthal σ adds the Scherrer size blob seen at q, σ_q/q, in quadrature,
/// so FWHM_az² = FWHM_rad² + ΔΦ² exactly as eq. 7 of the S.I. assumes. Only reflections that can be brought to the
/// Bragg condition by the disorder plus the largest boundary rotation are kept (the candidates).
/// </remarks>
public sealed class AtomicLatticeModel
{
    private readonly double[] _px, _py, _pz;
    private readonly double _k;
    private readonly double _twoSigmaS2;
    private readonly double _wRef;

    /// <summary>Builds the candidate reflections and integrates the disorder.</summary>
    /// <param name="structure">Atomic structure (e.g. PbS rock salt).</param>
    /// <param name="qMax">Largest q, Å⁻¹.</param>
    /// <param name="labFromAl">Mean orientation lab ← atomic-lattice crystal frame.</param>
    /// <param name="disorderSigmaDeg">σ of the Gaussian rotation vector, degrees per axis.</param>
    /// <param name="samples">Number of nanocrystal orientations N.</param>
    /// <param name="seed">Seed of the orientations.</param>
    /// <param name="wavenumber">k = 2π/λ, Å⁻¹.</param>
    /// <param name="crystalSizeAngstrom">Scherrer size L, Å.</param>
    /// <param name="scherrerK">Scherrer K.</param>
    /// <param name="peakCounts">Peak counts A of an ideally oriented 200.</param>
    /// <param name="maxExtraTiltDeg">Largest extra rotation the model must still serve (boundary rotation), degrees.</param>
    public AtomicLatticeModel(Structure structure, double qMax, Mat3 labFromAl, double disorderSigmaDeg, int samples, int seed,
        double wavenumber, double crystalSizeAngstrom, double scherrerK, double peakCounts, double maxExtraTiltDeg)
    {
        _k = wavenumber;
        var broadening = new SpotBroadening(disorderSigmaDeg, crystalSizeAngstrom, scherrerK);
        SigmaQ = broadening.SizeSigma;
        _twoSigmaS2 = 2 * SigmaQ * SigmaQ;
        DisorderSigmaDeg = disorderSigmaDeg;
        double lambda = 2 * Math.PI / wavenumber;
        var all = new ReflectionCalculator(structure, qMax).Compute(labFromAl, lambda, broadening);
        double f200 = structure.Intensity(new Miller(2, 0, 0));
        var disorder = new OrientationalDisorder(disorderSigmaDeg, seed);
        var perturbations = new Mat3[samples];
        for (int i = 0; i < samples; i++)
        {
            perturbations[i] = disorder.NextPerturbation();
        }

        var candidates = all.Where(r =>
        {
            double elevation = Angles.ToDeg(Math.Asin(Math.Clamp(r.GLab.Z / r.Q, -1, 1)));
            double bragg = Angles.ToDeg(r.TwoThetaRad / 2);
            return Math.Abs(elevation + bragg) <= maxExtraTiltDeg + (4 * disorderSigmaDeg) + 3;
        }).ToArray();

        int n = candidates.Length;
        Samples = samples;
        Hkl = candidates.Select(r => r.Hkl).ToArray();
        RelativeF2 = candidates.Select(r => r.StructureFactorSquared / f200).ToArray();
        _px = new double[n * samples];
        _py = new double[n * samples];
        _pz = new double[n * samples];
        for (int c = 0; c < n; c++)
        {
            for (int i = 0; i < samples; i++)
            {
                Vec3 p = perturbations[i] * candidates[c].GLab;
                _px[(c * samples) + i] = p.X;
                _py[(c * samples) + i] = p.Y;
                _pz[(c * samples) + i] = p.Z;
            }
        }

        double q200 = structure.Lattice.Q(new Miller(2, 0, 0));
        double thetaB = Math.Asin(q200 / (2 * wavenumber));
        var gRef = new Vec3(q200 * Math.Cos(thetaB), 0, -q200 * Math.Sin(thetaB));
        _wRef = perturbations.Average(r => Rocking(r * gRef));
        PeakCounts = peakCounts;
        StaticSpots = new SpotShape[n];
        StaticWeights = new double[n];
        for (int c = 0; c < n; c++)
        {
            StaticSpots[c] = StaticSpot(c, candidates[c], disorder.SigmaAboutFixedAxisDeg, out double w);
            StaticWeights[c] = w;
        }
    }

    /// <summary>Candidate reflections.</summary>
    public Miller[] Hkl { get; }

    /// <summary>|F|²/|F_200|² of each candidate.</summary>
    public double[] RelativeF2 { get; }

    /// <summary>Spot of each candidate in the mean orientation (amplitude in counts at unit thickness).</summary>
    public SpotShape[] StaticSpots { get; }

    /// <summary>Fraction W_k/W_ref of each candidate in the mean orientation.</summary>
    public double[] StaticWeights { get; }

    /// <summary>Radial σ of the spots (Scherrer), Å⁻¹.</summary>
    public double SigmaQ { get; }

    /// <summary>σ of the disorder, degrees.</summary>
    public double DisorderSigmaDeg { get; }

    /// <summary>Peak counts of an ideally oriented 200.</summary>
    public double PeakCounts { get; }

    /// <summary>Number of nanocrystal orientations integrated.</summary>
    public int Samples { get; }

    /// <summary>
    /// Amplitudes (counts) of the candidates when the whole film is turned by <paramref name="rotation"/> (lab frame),
    /// e.g. the out-of-plane rotation at a grain boundary. Spot positions and widths stay those of the mean orientation.
    /// </summary>
    public void Amplitudes(Mat3 rotation, Span<double> amplitudes)
    {
        int n = Hkl.Length, m = Samples;
        for (int c = 0; c < n; c++)
        {
            double sum = 0;
            int o = c * m;
            for (int i = 0; i < m; i++)
            {
                double x = _px[o + i], y = _py[o + i], z = _pz[o + i];
                sum += Rocking(new Vec3(
                    (rotation.M11 * x) + (rotation.M12 * y) + (rotation.M13 * z),
                    (rotation.M21 * x) + (rotation.M22 * y) + (rotation.M23 * z),
                    (rotation.M31 * x) + (rotation.M32 * y) + (rotation.M33 * z)));
            }

            amplitudes[c] = PeakCounts * RelativeF2[c] * (sum / m) / _wRef;
        }
    }

    private SpotShape StaticSpot(int c, Reflection r, double fallbackSigmaDeg, out double weight)
    {
        int m = Samples, o = c * m;
        double sw = 0, sw2 = 0, sc = 0, ss = 0;
        for (int i = 0; i < m; i++)
        {
            var p = new Vec3(_px[o + i], _py[o + i], _pz[o + i]);
            double w = Rocking(p);
            double phi = Math.Atan2(p.Y, p.X);
            sw += w;
            sw2 += w * w;
            sc += w * Math.Cos(phi);
            ss += w * Math.Sin(phi);
        }

        weight = sw / m / _wRef;
        double effective = sw2 > 0 ? sw * sw / sw2 : 0;
        double meanPhi = r.PhiDeg, sigmaPhi = fallbackSigmaDeg;
        if (effective >= 30)
        {
            meanPhi = Angles.Wrap360(Angles.ToDeg(Math.Atan2(ss, sc)));
            double var = 0;
            for (int i = 0; i < m; i++)
            {
                var p = new Vec3(_px[o + i], _py[o + i], _pz[o + i]);
                double d = Angles.Wrap180(Angles.ToDeg(Math.Atan2(p.Y, p.X)) - meanPhi);
                var += Rocking(p) * d * d;
            }

            sigmaPhi = Math.Sqrt(var / sw);
        }

        double sizeDeg = Angles.ToDeg(SigmaQ / r.Q);
        double sigmaTotal = Math.Sqrt((sigmaPhi * sigmaPhi) + (sizeDeg * sizeDeg));
        return new SpotShape(r.Q, meanPhi, SigmaQ, sigmaTotal, PeakCounts * RelativeF2[c] * weight);
    }

    private double Rocking(Vec3 g)
    {
        double q2 = g.NormSquared;
        double kg = Math.Sqrt((g.X * g.X) + (g.Y * g.Y) + ((_k + g.Z) * (_k + g.Z)));
        double s = ((2 * _k * g.Z) + q2) / (kg + _k);
        return Math.Exp(-(s * s) / _twoSigmaS2);
    }
}
