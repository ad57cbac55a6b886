using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Reflections;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// The reflections of one structure that lie on one measured ring: the hkl family whose |G| is nearest to the ring's q
/// (or a given family), with their crystal-frame vectors rescaled so that |G| equals the measured q exactly — the
/// measured ring may sit slightly off the nominal lattice constant (e.g. a compressed superlattice).
/// </summary>
public sealed class RingReflections
{
    private RingReflections(Miller family, double nominalQ, double q, Miller[] hkl, Vec3[] g, double[] f2)
    {
        Family = family;
        NominalQ = nominalQ;
        Q = q;
        Hkl = hkl;
        CrystalVectors = g;
        StructureFactorSquared = f2;
    }

    /// <summary>A representative of the family (the first enumerated, e.g. (2 0 0)).</summary>
    public Miller Family { get; }

    /// <summary>|G| of the family for the structure's lattice constant, Å⁻¹.</summary>
    public double NominalQ { get; }

    /// <summary>The ring's q, Å⁻¹ (every vector has this length).</summary>
    public double Q { get; }

    /// <summary>Relative mismatch (q − q_nominal)/q_nominal: how far the ring is from the structure's lattice constant.</summary>
    public double Mismatch => (Q - NominalQ) / NominalQ;

    /// <summary>The reflections of the family that are not systematically absent.</summary>
    public IReadOnlyList<Miller> Hkl { get; }

    /// <summary>Their reciprocal vectors in the crystal's Cartesian frame, scaled to length <see cref="Q"/>, Å⁻¹.</summary>
    public IReadOnlyList<Vec3> CrystalVectors { get; }

    /// <summary>Their |F|² (structure units), at the nominal q.</summary>
    public IReadOnlyList<double> StructureFactorSquared { get; }

    /// <summary>The reflections of <paramref name="structure"/> on the ring at <paramref name="q"/> (Å⁻¹).</summary>
    /// <param name="structure">The structure.</param>
    /// <param name="q">Measured ring radius, Å⁻¹.</param>
    /// <param name="family">Force this family; null = the one with |G| nearest to q.</param>
    public static RingReflections Find(Structure structure, double q, Miller? family = null)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (!(q > 0) || !double.IsFinite(q))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "Ring q must be a positive number of Å⁻¹.");
        }

        double qFamily = family is { } f ? structure.Lattice.Q(f) : 0;
        double qMax = Math.Max(q, qFamily) * 1.6;
        var calc = new ReflectionCalculator(structure, qMax);
        Reflection[] all = calc.Compute(Mat3.Identity, double.PositiveInfinity, new SpotBroadening(1));
        if (all.Length == 0)
        {
            throw new ArgumentException($"{structure.Name} has no reflections up to {qMax:G4} Å⁻¹.");
        }

        if (family is null)
        {
            qFamily = all.OrderBy(r => Math.Abs(r.Q - q)).First().Q;
        }

        Reflection[] ring = all.Where(r => Math.Abs(r.Q - qFamily) <= 1e-6 * qFamily).ToArray();
        if (ring.Length == 0)
        {
            throw new ArgumentException($"{structure.Name} has no allowed reflection of the family {family} (q = {qFamily:G6} Å⁻¹).");
        }

        double scale = q / qFamily;
        Miller rep = ring.OrderByDescending(r => r.Hkl.H).ThenByDescending(r => r.Hkl.K).ThenByDescending(r => r.Hkl.L).First().Hkl;
        return new RingReflections(
            rep, qFamily, q, ring.Select(r => r.Hkl).ToArray(), ring.Select(r => r.GLab * scale).ToArray(), ring.Select(r => r.StructureFactorSquared).ToArray());
    }
}
