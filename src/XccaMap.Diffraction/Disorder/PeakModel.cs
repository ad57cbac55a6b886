namespace XccaMap.Diffraction.Disorder;

/// <summary>
/// The 2D peak model of the orientational-disorder fit (S.I. "NCs orientational disorder", Fig. S6): a Gaussian in
/// q and φ, aligned with the radial and azimuthal directions, on a plane background:
/// <code>
///   f(q, φ) = A·exp[−(q − q0)²/2σq² − (φ − φ0)²/2σφ²] + b0 + bq·(q − qc) + bφ·(φ − φc)
/// </code>
/// q in Å⁻¹, φ in degrees (unwrapped around the window centre φc), qc the window's q centre.
/// </summary>
/// <param name="Amplitude">A, intensity units.</param>
/// <param name="Q0">Peak q, Å⁻¹.</param>
/// <param name="SigmaQ">Radial σ, Å⁻¹.</param>
/// <param name="Phi0Deg">Peak φ, degrees (may lie outside [0, 360) by the unwrapping).</param>
/// <param name="SigmaPhiDeg">Azimuthal σ, degrees.</param>
/// <param name="Background">b0 at (qc, φc).</param>
/// <param name="SlopeQ">bq, per Å⁻¹.</param>
/// <param name="SlopePhi">bφ, per degree.</param>
/// <param name="QCentre">qc, Å⁻¹ (fixed).</param>
/// <param name="PhiCentreDeg">φc, degrees (fixed).</param>
public sealed record PeakModel(double Amplitude, double Q0, double SigmaQ, double Phi0Deg, double SigmaPhiDeg, double Background, double SlopeQ, double SlopePhi, double QCentre, double PhiCentreDeg)
{
    /// <summary>Number of fitted parameters.</summary>
    public const int ParameterCount = 8;

    /// <summary>The model at (q, φ); φ is unwrapped to within ±180° of φc first.</summary>
    public double Evaluate(double q, double phiDeg)
    {
        double phi = Unwrap(phiDeg, PhiCentreDeg);
        double dq = (q - Q0) / SigmaQ, dp = (phi - Phi0Deg) / SigmaPhiDeg;
        return (Amplitude * Math.Exp(-0.5 * ((dq * dq) + (dp * dp)))) + Background + (SlopeQ * (q - QCentre)) + (SlopePhi * (phi - PhiCentreDeg));
    }

    /// <summary>The background plane alone at (q, φ).</summary>
    public double BackgroundAt(double q, double phiDeg) => Background + (SlopeQ * (q - QCentre)) + (SlopePhi * (Unwrap(phiDeg, PhiCentreDeg) - PhiCentreDeg));

    /// <summary>φ moved by a multiple of 360° to within ±180° of <paramref name="centreDeg"/>.</summary>
    public static double Unwrap(double phiDeg, double centreDeg) => phiDeg - (360 * Math.Round((phiDeg - centreDeg) / 360));

    /// <summary>From a parameter vector [A, q0, σq, φ0, σφ, b0, bq, bφ].</summary>
    internal static PeakModel From(ReadOnlySpan<double> p, double qc, double phic) => new(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], qc, phic);

    /// <summary>Value and gradient of the parameter vector p at (q, φ) (φ already unwrapped).</summary>
    internal static double ValueAndGradient(ReadOnlySpan<double> p, double q, double phi, double qc, double phic, Span<double> g)
    {
        double a = p[0], q0 = p[1], sq = p[2], f0 = p[3], sf = p[4];
        double dq = q - q0, dp = phi - f0;
        double e = Math.Exp(-0.5 * (((dq * dq) / (sq * sq)) + ((dp * dp) / (sf * sf))));
        double ae = a * e;
        g[0] = e;
        g[1] = ae * dq / (sq * sq);
        g[2] = ae * dq * dq / (sq * sq * sq);
        g[3] = ae * dp / (sf * sf);
        g[4] = ae * dp * dp / (sf * sf * sf);
        g[5] = 1;
        g[6] = q - qc;
        g[7] = phi - phic;
        return ae + p[5] + (p[6] * (q - qc)) + (p[7] * (phi - phic));
    }
}
