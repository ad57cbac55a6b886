namespace XccaMap.Detector.Geometry;

/// <summary>
/// The per-point maths of the PONI geometry, shared by the pixel maps, the corner grid and single-point queries.
/// <para>
/// A point at continuous pixel coordinates (row, col) — pixel (r, c) spans [r, r+1) × [c, c+1), so its centre is
/// (r + ½, c + ½) — lies at y = row·pixel1 − poni1, x = col·pixel2 − poni2 in the detector plane, at distance L
/// along the detector normal. pyFAI's convention (geometry docs, "detector position"): the lab vector is
/// t = R3·R2·R1 · (y, x, L), where R1 turns about axis 1 by rot1 (left-handed), R2 about axis 2 by rot2
/// (left-handed) and R3 about the beam by rot3 (right-handed). Then 2θ = atan2(√(t1² + t2²), t3) and pyFAI's
/// azimuth χ = atan2(t1, t2).
/// </para>
/// </summary>
internal readonly struct GeometryKernel
{
    private readonly double _m11, _m12, _m13, _m21, _m22, _m23, _m31, _m32, _m33;
    private readonly double _pixel1, _pixel2, _poni1, _poni2;

    public GeometryKernel(PoniGeometry g)
    {
        double c1 = Math.Cos(g.Rot1), s1 = Math.Sin(g.Rot1);
        double c2 = Math.Cos(g.Rot2), s2 = Math.Sin(g.Rot2);
        double c3 = Math.Cos(g.Rot3), s3 = Math.Sin(g.Rot3);
        double[,] r1 = { { 1, 0, 0 }, { 0, c1, s1 }, { 0, -s1, c1 } };
        double[,] r2 = { { c2, 0, -s2 }, { 0, 1, 0 }, { s2, 0, c2 } };
        double[,] r3 = { { c3, -s3, 0 }, { s3, c3, 0 }, { 0, 0, 1 } };
        var m = Multiply(r3, Multiply(r2, r1));
        _m11 = m[0, 0]; _m12 = m[0, 1]; _m13 = m[0, 2];
        _m21 = m[1, 0]; _m22 = m[1, 1]; _m23 = m[1, 2];
        _m31 = m[2, 0]; _m32 = m[2, 1]; _m33 = m[2, 2];
        _pixel1 = g.PixelSize1;
        _pixel2 = g.PixelSize2;
        _poni1 = g.Poni1;
        _poni2 = g.Poni2;
        Distance = g.Distance;
        FourPiOverLambdaAngstrom = 4 * Math.PI / (g.Wavelength * 1e10); // λ in m → Å, so q comes out in Å⁻¹
    }

    /// <summary>Sample–PONI distance L, metres.</summary>
    public double Distance { get; }

    /// <summary>4π/λ with λ in Å, so q = this · sin θ is in Å⁻¹.</summary>
    public double FourPiOverLambdaAngstrom { get; }

    /// <summary>Detector-plane offset from the PONI along rows, metres, for a continuous row coordinate.</summary>
    public double Y(double row) => row * _pixel1 - _poni1;

    /// <summary>Detector-plane offset from the PONI along columns, metres, for a continuous column coordinate.</summary>
    public double X(double col) => col * _pixel2 - _poni2;

    /// <summary>Lab-frame vector t = R·(y, x, L) for detector-plane offsets y, x (metres).</summary>
    public void Lab(double y, double x, out double t1, out double t2, out double t3)
    {
        double l = Distance;
        t1 = _m11 * y + _m12 * x + _m13 * l;
        t2 = _m21 * y + _m22 * x + _m23 * l;
        t3 = _m31 * y + _m32 * x + _m33 * l;
    }

    /// <summary>The part of <see cref="Lab"/> that depends only on y (constant along a detector row).</summary>
    public void RowBase(double y, out double b1, out double b2, out double b3)
    {
        double l = Distance;
        b1 = _m11 * y + _m13 * l;
        b2 = _m21 * y + _m23 * l;
        b3 = _m31 * y + _m33 * l;
    }

    /// <summary>The lab-frame change per metre of x (column direction of R).</summary>
    public void ColumnStep(out double d1, out double d2, out double d3)
    {
        d1 = _m12;
        d2 = _m22;
        d3 = _m32;
    }

    /// <summary>Scattering angle 2θ, radians, of lab vector t.</summary>
    public static double TwoTheta(double t1, double t2, double t3) => Math.Atan2(Math.Sqrt(t1 * t1 + t2 * t2), t3);

    /// <summary>q = 4π sin(θ)/λ in Å⁻¹ for 2θ in radians.</summary>
    public double Q(double twoTheta) => FourPiOverLambdaAngstrom * Math.Sin(0.5 * twoTheta);

    /// <summary>
    /// pyFAI's normalised solid angle cos³α, with cos α = L/√(L² + x² + y²) the cosine of the incidence angle
    /// (pyFAI <c>solidAngleArray</c>, order 3; 1 at the PONI).
    /// </summary>
    public double SolidAngle(double y, double x)
    {
        double l = Distance;
        double cosa = l / Math.Sqrt(l * l + x * x + y * y);
        return cosa * cosa * cosa;
    }

    /// <summary>
    /// pyFAI's polarisation factor P = ½[1 + cos²2θ − f·cos(2χ)·(1 − cos²2θ)] for polarisation fraction
    /// f = (Ih − Iv)/(Ih + Iv) ∈ [−1, 1]; χ may be given as our φ (same cos 2χ).
    /// </summary>
    public static double Polarisation(double twoTheta, double chiRadians, double factor)
    {
        double c = Math.Cos(twoTheta);
        double c2 = c * c;
        return 0.5 * (1.0 + c2 - factor * Math.Cos(2.0 * chiRadians) * (1.0 - c2));
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var m = new double[3, 3];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                m[i, j] = a[i, 0] * b[0, j] + a[i, 1] * b[1, j] + a[i, 2] * b[2, j];
            }
        }

        return m;
    }
}
