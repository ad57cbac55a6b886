using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Structure;

/// <summary>First-guess lattice of a cluster from the maxima of F(x) (eq. 4).</summary>
/// <param name="A">First base vector (nm).</param>
/// <param name="B">Second base vector (nm).</param>
/// <param name="C">Third base vector (nm).</param>
/// <param name="Sigma">σ of F used (nm).</param>
/// <param name="NearestNeighbor">Median nearest-neighbour distance in the cluster (nm).</param>
/// <param name="Translations">Maxima accepted as lattice translations, with their scores.</param>
/// <param name="Alternatives">
/// Bases from stricter acceptance (maxima scoring ≥ 0.7, 0.8, 0.9 of the best), in case some accepted maxima are
/// pseudo-translations mapping most but not all particles; the first entry is (A, B, C).
/// </param>
public sealed record LatticeGuess(
    Vec3 A, Vec3 B, Vec3 C, double Sigma, double NearestNeighbor, IReadOnlyList<(Vec3 Vector, double Score)> Translations,
    IReadOnlyList<(Vec3 A, Vec3 B, Vec3 C)> Alternatives);
