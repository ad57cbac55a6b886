namespace XccaMap.Diffraction.Rings;

/// <summary>
/// A peak of a radial profile I(q) found above its SNIP background.
/// </summary>
/// <param name="Q">Peak position, Å⁻¹ (parabolic interpolation of the maximum, or a Gaussian fit when refined).</param>
/// <param name="Fwhm">Full width at half maximum above the background, Å⁻¹.</param>
/// <param name="Intensity">Profile intensity at the peak (same unit as the profile).</param>
/// <param name="Background">Background under the peak (same unit as the profile).</param>
/// <param name="RelativeHeight">Height above background relative to the background, (I − B)/B at the maximum.</param>
/// <param name="Prominence">Topographic prominence of ln I above ln B (dimensionless, natural log units).</param>
/// <param name="Significance">Height of ln(I/B) in units of its noise (σ), after smoothing.</param>
public readonly record struct RadialPeak(double Q, double Fwhm, double Intensity, double Background, double RelativeHeight, double Prominence, double Significance)
{
    /// <summary>Net height above background, I − B (profile unit).</summary>
    public double NetHeight => Intensity - Background;
}
