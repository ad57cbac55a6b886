using XccaMap.Crystallography.FormFactors;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Simulation.Rendering;

namespace XccaMap.Simulation.Model;

/// <summary>
/// SAXS spots of an fcc superlattice of nanocrystal spheres (S.I. "Simulation", Fig. S4): the reciprocal-lattice
/// points hkl (all even or all odd) near the Ewald sphere, weighted by |F|² = 16·⟨P⟩(q) of spheres with normally
/// distributed radii (<see cref="PolydisperseSphere"/>) and by the rocking curve exp(−s²/2σ_s²) of the excitation
/// error s, σ_s(q) = √((q·σ_mosaic)² + σ_r²). The spot is a Gaussian of radial σ_r and azimuthal
/// σ_φ = √(σ_mosaic² + (σ_r/q)²) (the reciprocal-lattice blob of size σ_r seen from the origin).
/// </summary>
/// <remarks>
/// A compressed lattice (q scaled by c &gt; 1) keeps its nanocrystals, so ⟨P⟩ is evaluated at the new q; ⟨P⟩ is
/// tabulated once (linear interpolation on 4096 points) so a frame costs one rotation and one exp per reflection.
/// </remarks>
public sealed class SuperlatticeModel
{
    private const int TableSize = 4096;
    private readonly Miller[] _hkl;
    private readonly Vec3[] _g;
    private readonly double[] _table;
    private readonly double _tableStep;
    private readonly double _norm;

    /// <summary>Enumerates the fcc reflections with bulk q ≤ <paramref name="qMax"/>.</summary>
    /// <param name="latticeA">Superlattice constant, Å.</param>
    /// <param name="nanocrystal">Size distribution of the spheres.</param>
    /// <param name="qMax">Largest bulk q, Å⁻¹.</param>
    /// <param name="maxScale">Largest q scale factor (compression) the table must cover.</param>
    /// <param name="radialSigma">σ_r, Å⁻¹.</param>
    /// <param name="mosaicSigmaDeg">σ_mosaic, degrees.</param>
    public SuperlatticeModel(double latticeA, PolydisperseSphere nanocrystal, double qMax, double maxScale, double radialSigma, double mosaicSigmaDeg)
    {
        LatticeA = latticeA;
        RadialSigma = radialSigma;
        MosaicSigmaDeg = mosaicSigmaDeg;
        var lattice = Lattice.Cubic(latticeA);
        var (hm, km, lm) = lattice.IndexBounds(qMax);
        var hkl = new List<Miller>();
        var g = new List<Vec3>();
        for (int h = -hm; h <= hm; h++)
        {
            for (int k = -km; k <= km; k++)
            {
                for (int l = -lm; l <= lm; l++)
                {
                    var m = new Miller(h, k, l);
                    if (!m.IsFccAllowed)
                    {
                        continue;
                    }

                    var gv = lattice.ReciprocalVector(m);
                    if (gv.Norm <= qMax)
                    {
                        hkl.Add(m);
                        g.Add(gv);
                    }
                }
            }
        }

        _hkl = [.. hkl];
        _g = [.. g];
        double tableMax = qMax * maxScale * 1.01;
        _tableStep = tableMax / (TableSize - 1);
        _table = new double[TableSize];
        for (int i = 0; i < TableSize; i++)
        {
            _table[i] = nanocrystal.MeanIntensity(i * _tableStep);
        }

        _norm = _g.Length == 0 ? 1 : _g.Max(v => FormFactor(v.Norm));
    }

    /// <summary>Superlattice constant (bulk), Å.</summary>
    public double LatticeA { get; }

    /// <summary>Radial spot σ, Å⁻¹.</summary>
    public double RadialSigma { get; }

    /// <summary>Mosaic σ, degrees.</summary>
    public double MosaicSigmaDeg { get; }

    /// <summary>Number of reflections enumerated.</summary>
    public int Count => _hkl.Length;

    /// <summary>⟨P⟩(q) of the nanocrystals (1 at q = 0).</summary>
    public double FormFactor(double q)
    {
        double x = q / _tableStep;
        int i = (int)x;
        if (i >= TableSize - 1)
        {
            return _table[TableSize - 1];
        }

        double t = x - i;
        return (_table[i] * (1 - t)) + (_table[i + 1] * t);
    }

    /// <summary>
    /// Appends the spots of the lattice in orientation <paramref name="labFromSl"/>, q scaled by <paramref name="qScale"/>,
    /// whose peak (amplitude × relative |F|² × rocking curve) reaches <paramref name="minAmplitude"/>.
    /// </summary>
    /// <param name="labFromSl">Orientation lab ← superlattice crystal frame.</param>
    /// <param name="qScale">q_point / q_bulk (≥ 1 when compressed).</param>
    /// <param name="wavenumber">k = 2π/λ, Å⁻¹.</param>
    /// <param name="amplitude">Peak counts of a fully excited reflection with the largest |F|².</param>
    /// <param name="minAmplitude">Spots weaker than this are skipped, counts.</param>
    /// <param name="output">Receives the spots.</param>
    public void Spots(Mat3 labFromSl, double qScale, double wavenumber, double amplitude, double minAmplitude, List<SpotPeak> output)
    {
        double mosaic = MosaicSigmaDeg * Math.PI / 180;
        double r2 = RadialSigma * RadialSigma;
        double k = wavenumber;
        for (int i = 0; i < _g.Length; i++)
        {
            Vec3 g = labFromSl * _g[i] * qScale;
            double q = g.Norm;
            double a = amplitude * FormFactor(q) / _norm;
            if (a < minAmplitude)
            {
                continue;
            }

            // |k₀+G| − k without cancellation (as ReflectionCalculator): s = (2k·G_z + q²)/(|k₀+G| + k).
            double kg = Math.Sqrt((g.X * g.X) + (g.Y * g.Y) + ((k + g.Z) * (k + g.Z)));
            double s = ((2 * k * g.Z) + (q * q)) / (kg + k);
            double sigmaS2 = (q * q * mosaic * mosaic) + r2;
            a *= Math.Exp(-(s * s) / (2 * sigmaS2));
            if (a < minAmplitude)
            {
                continue;
            }

            double phi = LabFrame.AzimuthDeg(g);
            double sigmaPhi = Math.Sqrt((MosaicSigmaDeg * MosaicSigmaDeg) + Sq(RadialSigma / q * 180 / Math.PI));
            output.Add(new SpotPeak(_hkl[i], new SpotShape(q, phi, RadialSigma, sigmaPhi, a)));
        }
    }

    private static double Sq(double x) => x * x;
}
