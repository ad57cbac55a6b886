using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Reflections;
using XccaMap.Crystallography.Simulation;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Fast twin of <see cref="SaxsPatternSimulator.Spots(Mat3, double)"/> for the orientation searches (tens of thousands
/// of orientations per point): the reciprocal vectors and |F|² of the fcc superlattice of polydisperse spheres
/// (<see cref="StructureFactory.FccSuperlattice(double, double, double)"/>) are taken once from
/// <see cref="ReflectionCalculator"/>; each call only rotates them, scales q by the lattice scale (compression) and
/// applies the same spot model — rocking curve exp(−s²/2σ_s²) of the excitation error s = |k₀+G| − k with
/// σ_s² = (q·σ_mosaic)² + σ_r², azimuthal σ_φ = √(σ_mosaic² + (σ_r/q)²), radial σ_r — into a caller's buffer without
/// allocating. Tests hold it to the simulator.
/// </summary>
public sealed class SuperlatticeSpots
{
    private readonly Vec3[] _g;
    private readonly double[] _q;
    private readonly double[] _f2;
    private readonly int[] _family;
    private readonly double _f2Max;

    /// <summary>Enumerates the reflections up to <paramref name="qMax"/> (bulk).</summary>
    /// <param name="latticeA">Superlattice constant (bulk), Å.</param>
    /// <param name="qMax">Largest bulk q, Å⁻¹.</param>
    /// <param name="radius">Mean nanocrystal radius, Å.</param>
    /// <param name="radiusSigma">σ of the radius, Å.</param>
    public SuperlatticeSpots(double latticeA, double qMax, double radius = 65, double radiusSigma = 5)
    {
        LatticeA = latticeA;
        Structure = StructureFactory.FccSuperlattice(latticeA, radius, radiusSigma);
        var calc = new ReflectionCalculator(Structure, qMax);
        var all = calc.Compute(Mat3.Identity, double.PositiveInfinity, new SpotBroadening(1));
        _g = all.Select(r => r.GLab).ToArray();
        _q = all.Select(r => r.Q).ToArray();
        _f2 = all.Select(r => r.StructureFactorSquared).ToArray();
        var ns = all.Select(r => (r.Hkl.H * r.Hkl.H) + (r.Hkl.K * r.Hkl.K) + (r.Hkl.L * r.Hkl.L)).ToArray();
        FamilyN = ns.Distinct().Order().ToArray();
        _family = ns.Select(n => Array.IndexOf(FamilyN, n)).ToArray();
        FamilyQ = FamilyN.Select(n => 2 * Math.PI * Math.Sqrt(n) / latticeA).ToArray();
        _f2Max = _f2.Length == 0 ? 1 : _f2.Max();
    }

    /// <summary>Bulk lattice constant, Å.</summary>
    public double LatticeA { get; }

    /// <summary>The structure (for the reference simulator).</summary>
    public Structure Structure { get; }

    /// <summary>Reflections enumerated.</summary>
    public int Count => _g.Length;

    /// <summary>h² + k² + l² of each family, ascending.</summary>
    public int[] FamilyN { get; }

    /// <summary>Bulk q of each family, Å⁻¹.</summary>
    public double[] FamilyQ { get; }

    /// <summary>Spots weaker than this fraction of the strongest possible one are dropped (as <see cref="SaxsPatternOptions.MinRelativeIntensity"/>).</summary>
    public double MinRelativeIntensity { get; init; } = 1e-3;

    /// <summary>Writes the visible spots of orientation <paramref name="labFromSl"/> with q in [<paramref name="qLo"/>, <paramref name="qHi"/>] into <paramref name="output"/>.</summary>
    /// <param name="labFromSl">Orientation, lab ← superlattice.</param>
    /// <param name="scale">Lattice scale q/q_bulk (1 + compression).</param>
    /// <param name="shape">Spot widths.</param>
    /// <param name="wavelengthAngstrom">λ, Å.</param>
    /// <param name="qLo">Lowest q kept, Å⁻¹.</param>
    /// <param name="qHi">Highest q kept, Å⁻¹.</param>
    /// <param name="output">Buffer of at least <see cref="Count"/> spots.</param>
    /// <returns>Spots written.</returns>
    public int Generate(Mat3 labFromSl, double scale, SpotShape shape, double wavelengthAngstrom, double qLo, double qHi, Span<ModelSpot> output)
    {
        double k = 2 * Math.PI / wavelengthAngstrom;
        double mosaic = shape.MosaicSigmaDeg * Math.PI / 180;
        double r2 = shape.RadialSigma * shape.RadialSigma;
        double threshold = MinRelativeIntensity * _f2Max;
        int n = 0;
        for (int i = 0; i < _g.Length; i++)
        {
            double q = _q[i] * scale;
            if (q < qLo || q > qHi)
            {
                continue;
            }

            Vec3 g = labFromSl * _g[i] * scale;

            // |k₀+G| − k without cancellation: s = (2k·G_z + q²)/(|k₀+G| + k) (as ReflectionCalculator).
            double kg = Math.Sqrt((g.X * g.X) + (g.Y * g.Y) + ((k + g.Z) * (k + g.Z)));
            double s = ((2 * k * g.Z) + (q * q)) / (kg + k);
            double sigmaS2 = (q * q * mosaic * mosaic) + r2;
            double w = _f2[i] * Math.Exp(-(s * s) / (2 * sigmaS2));
            if (w < threshold || w <= 0)
            {
                continue;
            }

            double radialDeg = shape.RadialSigma / q * 180 / Math.PI;
            double sigmaPhi = Math.Sqrt((shape.MosaicSigmaDeg * shape.MosaicSigmaDeg) + (radialDeg * radialDeg));
            output[n++] = new ModelSpot(q, LabFrame.AzimuthDeg(g), shape.RadialSigma, sigmaPhi, w, _family[i]);
        }

        return n;
    }

    /// <summary>The reference simulator with the same spot model (for tests and figures).</summary>
    public SaxsPatternSimulator Reference(SpotShape shape, double qMax) =>
        new(Structure, new SaxsPatternOptions { MosaicSigmaDeg = shape.MosaicSigmaDeg, RadialSigma = shape.RadialSigma, QMax = qMax, MinRelativeIntensity = MinRelativeIntensity });
}
