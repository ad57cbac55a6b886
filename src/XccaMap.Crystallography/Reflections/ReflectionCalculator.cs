using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Crystallography.Reflections;

/// <summary>
/// Lists the reflections of a structure (superlattice or atomic lattice) in a given orientation and their
/// excitation relative to the Ewald sphere. The Ewald sphere has radius k = 2π/λ and centre −k₀, k₀ = k·ẑ (beam
/// along +z, <see cref="Orientation.LabFrame"/>), so it passes through the origin; G diffracts when |k₀ + G| = k.
/// </summary>
/// <remarks>
/// The reflections with q ≤ q_max and their |F|² are enumerated once in the constructor; each
/// <see cref="Compute"/> call only rotates them, so drawing many orientations (e.g. one per nanocrystal) is cheap.
/// Systematically absent reflections (|F|² below 1e-10 of the largest) are dropped. Lorentz, polarisation and
/// absorption factors are not included.
/// </remarks>
public sealed class ReflectionCalculator
{
    private readonly Miller[] _hkl;
    private readonly Vec3[] _gCrystal;
    private readonly double[] _q;
    private readonly double[] _f2;

    /// <summary>Enumerates the reflections of <paramref name="structure"/> with 0 &lt; |G| ≤ <paramref name="qMax"/> (Å⁻¹).</summary>
    public ReflectionCalculator(Structure structure, double qMax)
    {
        ArgumentNullException.ThrowIfNull(structure);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qMax);
        Structure = structure;
        QMax = qMax;
        Lattice lattice = structure.Lattice;
        (int hMax, int kMax, int lMax) = lattice.IndexBounds(qMax);
        var hkl = new List<Miller>();
        var g = new List<Vec3>();
        var q = new List<double>();
        var f2 = new List<double>();
        for (int h = -hMax; h <= hMax; h++)
        {
            for (int k = -kMax; k <= kMax; k++)
            {
                for (int l = -lMax; l <= lMax; l++)
                {
                    var m = new Miller(h, k, l);
                    if (m.IsZero)
                    {
                        continue;
                    }

                    Vec3 gv = lattice.ReciprocalVector(m);
                    double qq = gv.Norm;
                    if (qq > qMax)
                    {
                        continue;
                    }

                    hkl.Add(m);
                    g.Add(gv);
                    q.Add(qq);
                    f2.Add(structure.Intensity(m));
                }
            }
        }

        double max = f2.Count == 0 ? 0 : f2.Max();
        MaxStructureFactorSquared = max;
        var keep = Enumerable.Range(0, hkl.Count).Where(i => f2[i] > 1e-10 * max).ToArray();
        _hkl = keep.Select(i => hkl[i]).ToArray();
        _gCrystal = keep.Select(i => g[i]).ToArray();
        _q = keep.Select(i => q[i]).ToArray();
        _f2 = keep.Select(i => f2[i]).ToArray();
    }

    /// <summary>The structure.</summary>
    public Structure Structure { get; }

    /// <summary>Largest q considered (Å⁻¹).</summary>
    public double QMax { get; }

    /// <summary>Number of (non-absent) reflections with q ≤ q_max.</summary>
    public int Count => _hkl.Length;

    /// <summary>Largest |F|² among the enumerated reflections (reference for relative thresholds).</summary>
    public double MaxStructureFactorSquared { get; }

    /// <summary>
    /// All enumerated reflections in orientation <paramref name="labFromCrystal"/> (lab←crystal).
    /// </summary>
    /// <param name="labFromCrystal">Orientation: v_lab = R·v_crystal.</param>
    /// <param name="wavelengthAngstrom">λ in Å; <see cref="double.PositiveInfinity"/> for the flat-Ewald limit (s = G_z).</param>
    /// <param name="broadening">Spot width model.</param>
    /// <returns>Reflections (q &gt; 2k excluded: they can never diffract), in enumeration order.</returns>
    public Reflection[] Compute(Mat3 labFromCrystal, double wavelengthAngstrom, SpotBroadening broadening)
    {
        broadening.Validate();
        if (!(wavelengthAngstrom > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(wavelengthAngstrom), wavelengthAngstrom, "Wavelength must be positive (Å).");
        }

        bool flat = double.IsPositiveInfinity(wavelengthAngstrom);
        double k = flat ? double.PositiveInfinity : 2 * Math.PI / wavelengthAngstrom;
        var result = new List<Reflection>(_hkl.Length);
        for (int i = 0; i < _hkl.Length; i++)
        {
            double q = _q[i];
            if (!flat && q > 2 * k)
            {
                continue;
            }

            Vec3 g = labFromCrystal * _gCrystal[i];
            double s, theta;
            if (flat)
            {
                s = g.Z;
                theta = 0;
            }
            else
            {
                // |k₀+G| − k written as (2k·G_z + q²)/(|k₀+G| + k): no cancellation when |G| ≪ k (SAXS).
                double kg = Math.Sqrt((g.X * g.X) + (g.Y * g.Y) + ((k + g.Z) * (k + g.Z)));
                s = ((2 * k * g.Z) + (q * q)) / (kg + k);
                theta = Math.Asin(q / (2 * k));
            }

            double elevation = Math.Asin(Math.Clamp(g.Z / q, -1, 1));
            double sigma = broadening.Sigma(q);
            double weight = _f2[i] * Math.Exp(-(s * s) / (2 * sigma * sigma));
            result.Add(new Reflection(
                _hkl[i], q, Orientation.LabFrame.AzimuthDeg(g), 2 * theta, s, Angles.ToDeg(elevation + theta), _f2[i], weight, g));
        }

        return [.. result];
    }

    /// <summary>
    /// The reflections whose weight is at least <paramref name="minRelativeWeight"/> × <see cref="MaxStructureFactorSquared"/>,
    /// strongest first.
    /// </summary>
    public Reflection[] Visible(Mat3 labFromCrystal, double wavelengthAngstrom, SpotBroadening broadening, double minRelativeWeight = 1e-3)
    {
        double threshold = minRelativeWeight * MaxStructureFactorSquared;
        return Compute(labFromCrystal, wavelengthAngstrom, broadening)
            .Where(r => r.Weight >= threshold)
            .OrderByDescending(r => r.Weight)
            .ToArray();
    }
}
