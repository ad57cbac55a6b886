namespace XccaMap.Diffraction.Boundary;

/// <summary>Widths of the simulated superlattice spots.</summary>
/// <param name="MosaicSigmaDeg">Mosaic spread σ of the superlattice, degrees: azimuthal width and rocking curve.</param>
/// <param name="RadialSigma">Radial σ of a spot (and of the reciprocal-lattice blob), Å⁻¹.</param>
public readonly record struct SpotShape(double MosaicSigmaDeg, double RadialSigma);
