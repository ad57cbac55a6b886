using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Lattices;

/// <summary>
/// Result of a cell reduction.
/// </summary>
/// <param name="Lattice">The reduced cell (same lattice points, same handedness as the input basis).</param>
/// <param name="Transformation">
/// Integer-valued change of basis T (det ±1, stored as doubles): [a' b' c'] = [a b c]·T,
/// i.e. column j of T holds the indices of the new basis vector j in the old basis.
/// </param>
/// <param name="Iterations">Number of passes through the reduction loop.</param>
public sealed record ReducedCell(Lattice Lattice, Mat3 Transformation, int Iterations)
{
    /// <summary>
    /// The Niggli/Gruber "G6" form in Å²: (A, B, C, ξ, η, ζ) = (a·a, b·b, c·c, 2 b·c, 2 a·c, 2 a·b).
    /// </summary>
    public (double A, double B, double C, double Xi, double Eta, double Zeta) G6
    {
        get
        {
            Vec3 a = Lattice.A, b = Lattice.B, c = Lattice.C;
            return (Vec3.Dot(a, a), Vec3.Dot(b, b), Vec3.Dot(c, c), 2 * Vec3.Dot(b, c), 2 * Vec3.Dot(a, c), 2 * Vec3.Dot(a, b));
        }
    }
}
