namespace XccaMap.Diffraction.Features;

/// <summary>A peak of an angular profile I(φ) on a ring.</summary>
/// <param name="Phi">Azimuth of the maximum, degrees in [0, 360) (XccaMap convention: from +column towards +row).</param>
/// <param name="Height">Net intensity at the maximum (smoothed), profile unit.</param>
/// <param name="Significance">Net intensity summed over the three central bins divided by its Poisson σ.</param>
public readonly record struct AngularPeak(double Phi, double Height, double Significance);
