namespace XccaMap.Diffraction.Boundary;

/// <summary>One simulated superlattice spot, a 2D Gaussian in (q, φ) (as <c>Crystallography.Simulation.PatternSpot</c>).</summary>
/// <param name="Q">Radial position, Å⁻¹.</param>
/// <param name="PhiDeg">Azimuth, degrees [0, 360) (design.md §3).</param>
/// <param name="SigmaQ">Radial σ, Å⁻¹.</param>
/// <param name="SigmaPhiDeg">Azimuthal σ, degrees.</param>
/// <param name="Intensity">Peak height: |F|² × rocking-curve weight (model units).</param>
/// <param name="Family">Index of the reflection family (same h² + k² + l²) in <see cref="SuperlatticeSpots.FamilyN"/>.</param>
public readonly record struct ModelSpot(double Q, double PhiDeg, double SigmaQ, double SigmaPhiDeg, double Intensity, int Family);
