namespace XccaMap.Crystallography.Ccf;

/// <summary>
/// A Gaussian peak on a ring, eq. 4 of the Mukharamova et al. 2019 S.I.: A·exp[−(φ − φᵢ)²/2σᵢ²].
/// </summary>
/// <param name="PhiDeg">Peak azimuth φᵢ in degrees (any value; wrapped on 360°).</param>
/// <param name="Amplitude">Peak height Aᵢ (intensity units).</param>
/// <param name="SigmaDeg">Gaussian standard deviation σᵢ in degrees (&gt; 0); FWHM = 2.355·σ.</param>
public readonly record struct AngularPeak(double PhiDeg, double Amplitude, double SigmaDeg);
