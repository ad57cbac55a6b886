using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// One simulated diffraction spot: a 2D Gaussian in (q, φ) on the detector,
/// I(q, φ) = Intensity · exp[−(q − Q)²/2σ_q² − (φ − φ₀)²/2σ_φ²] (φ difference wrapped to ±180°).
/// </summary>
/// <param name="Hkl">Miller indices of the reflection.</param>
/// <param name="Q">Ring radius |G| in Å⁻¹.</param>
/// <param name="PhiDeg">Azimuth φ₀ in degrees [0, 360), from +x (columns) towards +y (rows).</param>
/// <param name="SigmaQ">Radial standard deviation σ_q in Å⁻¹ (&gt; 0).</param>
/// <param name="SigmaPhiDeg">Azimuthal standard deviation σ_φ in degrees (&gt; 0).</param>
/// <param name="Intensity">Peak height (|F|² × excitation weight, in the structure's amplitude units squared).</param>
/// <param name="Excitation">Excitation weight in (0, 1]: the rocking-curve factor relative to a fully excited spot.</param>
public readonly record struct PatternSpot(Miller Hkl, double Q, double PhiDeg, double SigmaQ, double SigmaPhiDeg, double Intensity, double Excitation)
{
    /// <summary>Value of the spot at (q in Å⁻¹, φ in degrees).</summary>
    public double ValueAt(double q, double phiDeg)
    {
        double dq = (q - Q) / SigmaQ;
        double dp = Geometry.Angles.Wrap180(phiDeg - PhiDeg) / SigmaPhiDeg;
        return Intensity * Math.Exp(-0.5 * ((dq * dq) + (dp * dp)));
    }
}
