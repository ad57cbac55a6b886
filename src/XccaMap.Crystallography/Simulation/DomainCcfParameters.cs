using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// The variable part of a domain's CCF model (<see cref="DomainCcfModel"/>).
/// </summary>
/// <param name="InPlaneDeg">
/// In-plane rotation ψ of the superlattice, degrees (<see cref="Orientation.OrientationFactory.FromZoneAxis(Lattices.ZoneAxis, double)"/>:
/// azimuth of [100] projected ⟂ the zone axis).
/// </param>
/// <param name="MisorientationDeg">
/// Rotation vector ω (degrees, lab frame) applied to the atomic lattice on top of the orientation relation:
/// R_AL = Exp(ω)·R_SL·M. ω_z turns the WAXS spots about the beam; ω_x, ω_y tilt the nanocrystals out of the plane.
/// </param>
/// <param name="Sigma1Deg">Azimuthal σ of the ring-1 (SAXS) peaks, degrees (&gt; 0).</param>
/// <param name="Sigma2Deg">Azimuthal σ of the ring-2 (WAXS) peaks, degrees (&gt; 0); sets the disorder σ_D of the Ewald weights.</param>
public readonly record struct DomainCcfParameters(double InPlaneDeg, Vec3 MisorientationDeg, double Sigma1Deg, double Sigma2Deg);
