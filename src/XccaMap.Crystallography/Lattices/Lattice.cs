using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Lattices;

/// <summary>
/// An immutable 3D lattice given by basis vectors a, b, c in a Cartesian "crystal frame" (Å).
/// Reciprocal basis with the crystallographers' 2π convention used throughout XccaMap:
/// aᵢ·bⱼ* = 2π δᵢⱼ, so |G_hkl| = q = 2π/d_hkl in Å⁻¹ (q = 4π sinθ/λ).
/// </summary>
/// <remarks>
/// Standard setting for <see cref="FromParameters(double, double, double, double, double, double)"/>: a ∥ +x, b in the xy plane (b_y &gt; 0), c with c_z &gt; 0.
/// For a cubic lattice the crystal frame is therefore the cube-axis frame, [100] ∥ x, [010] ∥ y, [001] ∥ z.
/// </remarks>
public sealed class Lattice
{
    private Lattice(Vec3 a, Vec3 b, Vec3 c)
    {
        A = a;
        B = b;
        C = c;
        Direct = Mat3.FromColumns(a, b, c);
        double det = Direct.Determinant;
        double scale = a.Norm * b.Norm * c.Norm;
        if (!(Math.Abs(det) > 1e-10 * scale) || !double.IsFinite(det))
        {
            throw new ArgumentException($"Lattice basis vectors a={a}, b={b}, c={c} are (nearly) coplanar or not finite.");
        }

        double twoPiOverV = 2.0 * Math.PI / det;
        AStar = Vec3.Cross(b, c) * twoPiOverV;
        BStar = Vec3.Cross(c, a) * twoPiOverV;
        CStar = Vec3.Cross(a, b) * twoPiOverV;
        Reciprocal = Mat3.FromColumns(AStar, BStar, CStar);
        SignedVolume = det;
    }

    /// <summary>First basis vector (Å, crystal frame).</summary>
    public Vec3 A { get; }

    /// <summary>Second basis vector (Å, crystal frame).</summary>
    public Vec3 B { get; }

    /// <summary>Third basis vector (Å, crystal frame).</summary>
    public Vec3 C { get; }

    /// <summary>First reciprocal basis vector a* = 2π (b × c)/V (Å⁻¹).</summary>
    public Vec3 AStar { get; }

    /// <summary>Second reciprocal basis vector b* = 2π (c × a)/V (Å⁻¹).</summary>
    public Vec3 BStar { get; }

    /// <summary>Third reciprocal basis vector c* = 2π (a × b)/V (Å⁻¹).</summary>
    public Vec3 CStar { get; }

    /// <summary>Direct matrix: columns a, b, c (Å). Cartesian = Direct · fractional.</summary>
    public Mat3 Direct { get; }

    /// <summary>Reciprocal matrix: columns a*, b*, c* (Å⁻¹). G = Reciprocal · (h, k, l); equals 2π (Direct⁻¹)ᵀ.</summary>
    public Mat3 Reciprocal { get; }

    /// <summary>a·(b × c) in Å³; negative for a left-handed basis.</summary>
    public double SignedVolume { get; }

    /// <summary>Cell volume |a·(b × c)| in Å³.</summary>
    public double Volume => Math.Abs(SignedVolume);

    /// <summary>True if (a, b, c) is right-handed.</summary>
    public bool IsRightHanded => SignedVolume > 0;

    /// <summary>Metric tensor gᵢⱼ = aᵢ·aⱼ (Å²).</summary>
    public Mat3 MetricTensor => Direct.Transpose() * Direct;

    /// <summary>Reciprocal metric tensor gᵢⱼ* = aᵢ*·aⱼ* (Å⁻²), = 4π² g⁻¹.</summary>
    public Mat3 ReciprocalMetricTensor => Reciprocal.Transpose() * Reciprocal;

    /// <summary>Cell lengths (Å) and angles (degrees).</summary>
    public LatticeParameters Parameters => new(
        A.Norm, B.Norm, C.Norm,
        Angles.ToDeg(Vec3.AngleBetween(B, C)), Angles.ToDeg(Vec3.AngleBetween(A, C)), Angles.ToDeg(Vec3.AngleBetween(A, B)));

    /// <summary>A lattice from three basis vectors (Å) in any Cartesian frame.</summary>
    /// <exception cref="ArgumentException">The vectors are coplanar.</exception>
    public static Lattice FromBasis(Vec3 a, Vec3 b, Vec3 c) => new(a, b, c);

    /// <summary>A lattice from a direct matrix whose columns are a, b, c (Å).</summary>
    public static Lattice FromDirectMatrix(Mat3 direct) => new(direct.Column(0), direct.Column(1), direct.Column(2));

    /// <summary>A cubic lattice (a along x, y, z) with edge <paramref name="a"/> in Å.</summary>
    public static Lattice Cubic(double a)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(a);
        return new Lattice(new Vec3(a, 0, 0), new Vec3(0, a, 0), new Vec3(0, 0, a));
    }

    /// <summary>
    /// A lattice from cell lengths (Å) and angles (degrees) in the standard setting
    /// (a ∥ x, b in the xy plane, c_z &gt; 0).
    /// </summary>
    /// <exception cref="ArgumentException">The parameters do not describe a cell (non-positive volume).</exception>
    public static Lattice FromParameters(double a, double b, double c, double alphaDeg, double betaDeg, double gammaDeg)
    {
        if (!(a > 0) || !(b > 0) || !(c > 0))
        {
            throw new ArgumentException($"Cell lengths must be positive (a={a}, b={b}, c={c} Å).");
        }

        double ca = Math.Cos(Angles.ToRad(alphaDeg)), cb = Math.Cos(Angles.ToRad(betaDeg));
        double cg = Math.Cos(Angles.ToRad(gammaDeg)), sg = Math.Sin(Angles.ToRad(gammaDeg));
        // Exact zeros for right angles keep cubic cells free of 6e-17 cosines.
        ca = Math.Abs(ca) < 1e-15 ? 0 : ca;
        cb = Math.Abs(cb) < 1e-15 ? 0 : cb;
        cg = Math.Abs(cg) < 1e-15 ? 0 : cg;
        double cy = (ca - (cb * cg)) / sg;
        double cz2 = 1 - (cb * cb) - (cy * cy);
        if (!(cz2 > 1e-12) || !(sg > 1e-12))
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"Angles α={alphaDeg}°, β={betaDeg}°, γ={gammaDeg}° do not form a unit cell."));
        }

        return new Lattice(new Vec3(a, 0, 0), new Vec3(b * cg, b * sg, 0), new Vec3(c * cb, c * cy, c * Math.Sqrt(cz2)));
    }

    /// <summary>A lattice from <see cref="LatticeParameters"/> in the standard setting.</summary>
    public static Lattice FromParameters(LatticeParameters p) => FromParameters(p.A, p.B, p.C, p.AlphaDeg, p.BetaDeg, p.GammaDeg);

    /// <summary>Reciprocal-lattice vector G_hkl in the crystal frame (Å⁻¹).</summary>
    public Vec3 ReciprocalVector(Miller hkl) => (AStar * hkl.H) + (BStar * hkl.K) + (CStar * hkl.L);

    /// <summary>|G_hkl| = q_hkl = 2π/d_hkl in Å⁻¹.</summary>
    public double Q(Miller hkl) => ReciprocalVector(hkl).Norm;

    /// <summary>d-spacing d_hkl = 2π/|G_hkl| in Å.</summary>
    public double DSpacing(Miller hkl)
    {
        if (hkl.IsZero)
        {
            throw new ArgumentException("The (000) reflection has no d-spacing.", nameof(hkl));
        }

        return 2.0 * Math.PI / Q(hkl);
    }

    /// <summary>Real-space lattice vector [uvw] = u·a + v·b + w·c in the crystal frame (Å).</summary>
    public Vec3 DirectVector(ZoneAxis uvw) => (A * uvw.U) + (B * uvw.V) + (C * uvw.W);

    /// <summary>Cartesian position (Å, crystal frame) of fractional coordinates.</summary>
    public Vec3 ToCartesian(Vec3 fractional) => Direct * fractional;

    /// <summary>Fractional coordinates of a Cartesian position (Å, crystal frame): x = Gᵀ·r/2π.</summary>
    public Vec3 ToFractional(Vec3 cartesian) => Reciprocal.Transpose() * cartesian / (2.0 * Math.PI);

    /// <summary>
    /// Largest |h|, |k|, |l| that can have |G_hkl| ≤ <paramref name="qMax"/> (Å⁻¹): |h| ≤ q_max·|a|/2π, since h = G·a/2π.
    /// </summary>
    public (int H, int K, int L) IndexBounds(double qMax) => (
        (int)Math.Floor((qMax * A.Norm / (2 * Math.PI)) + 1e-9),
        (int)Math.Floor((qMax * B.Norm / (2 * Math.PI)) + 1e-9),
        (int)Math.Floor((qMax * C.Norm / (2 * Math.PI)) + 1e-9));

    /// <summary>Niggli-reduced cell of this lattice (see <see cref="NiggliReduction"/>).</summary>
    public ReducedCell NiggliReduce(double relativeEpsilon = 1e-5) => NiggliReduction.Reduce(this, relativeEpsilon);

    /// <summary>The same lattice expressed in another Cartesian frame: basis vectors R·a, R·b, R·c.</summary>
    public Lattice Rotated(Mat3 rotation) => new(rotation * A, rotation * B, rotation * C);

    /// <inheritdoc />
    public override string ToString() => Parameters.ToString();
}
