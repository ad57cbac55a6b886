namespace XccaMap.Crystallography.Lattices;

/// <summary>
/// A lattice direction [uvw] = u·a + v·b + w·c (real space), e.g. a zone axis along the beam.
/// </summary>
public readonly record struct ZoneAxis(int U, int V, int W)
{
    /// <summary>True for [000].</summary>
    public bool IsZero => U == 0 && V == 0 && W == 0;

    /// <summary>Zone law: [uvw] contains the plane (hkl) iff h·u + k·v + l·w = 0.</summary>
    public bool Contains(Miller plane) => plane.IsInZone(this);

    /// <summary>The zone axis common to two planes: [uvw] = (h1k1l1) × (h2k2l2).</summary>
    public static ZoneAxis FromPlanes(Miller p1, Miller p2) => new(
        (p1.K * p2.L) - (p1.L * p2.K), (p1.L * p2.H) - (p1.H * p2.L), (p1.H * p2.K) - (p1.K * p2.H));

    /// <summary>The direction divided by the greatest common divisor of its indices, e.g. [220] → [110].</summary>
    public ZoneAxis Reduced()
    {
        int g = Gcd(Gcd(Math.Abs(U), Math.Abs(V)), Math.Abs(W));
        return g <= 1 ? this : new ZoneAxis(U / g, V / g, W / g);
    }

    /// <summary>As a vector of doubles (u, v, w).</summary>
    public Geometry.Vec3 ToVec3() => new(U, V, W);

    public static ZoneAxis operator -(ZoneAxis z) => new(-z.U, -z.V, -z.W);

    /// <summary>Formats as [u v w], e.g. "[1 1 0]".</summary>
    public override string ToString() => FormattableString.Invariant($"[{U} {V} {W}]");

    internal static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
