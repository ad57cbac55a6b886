using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Structure;

/// <summary>A site of the averaged unit cell (SI Tables 1–4, "position (mean ± std) in unit cell").</summary>
/// <param name="Species">Species name.</param>
/// <param name="Mean">Mean fractional position (multiples of A, B, C), in [0, 1).</param>
/// <param name="Std">Standard deviation of the fractional coordinates (per axis).</param>
/// <param name="Count">Particles averaged.</param>
/// <param name="Occupancy">Count divided by the number of cells (≈ detection rate for a full site).</param>
public sealed record AveragedSite(string Species, Vec3 Mean, Vec3 Std, int Count, double Occupancy);
