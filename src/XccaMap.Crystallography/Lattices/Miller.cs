namespace XccaMap.Crystallography.Lattices;

/// <summary>
/// Miller indices (hkl) of a lattice plane / reciprocal-lattice point G_hkl = h·a* + k·b* + l·c*.
/// Not reduced by their common divisor: 200 and 100 are different reflections.
/// </summary>
public readonly record struct Miller(int H, int K, int L)
{
    /// <summary>True for (000).</summary>
    public bool IsZero => H == 0 && K == 0 && L == 0;

    /// <summary>h² + k² + l² (for a cubic lattice q = 2π√(h²+k²+l²)/a).</summary>
    public int SumOfSquares => (H * H) + (K * K) + (L * L);

    /// <summary>
    /// Face-centred selection rule: h, k, l all even or all odd (and not 000). This is the fast predicate of
    /// what the fcc structure factor gives (F = 4f when allowed, 0 otherwise).
    /// </summary>
    public bool IsFccAllowed => !IsZero && ((H & 1) == (K & 1)) && ((K & 1) == (L & 1));

    /// <summary>Body-centred selection rule: h + k + l even (and not 000).</summary>
    public bool IsBccAllowed => !IsZero && ((H + K + L) & 1) == 0;

    /// <summary>Zone law: the plane (hkl) belongs to zone [uvw] iff h·u + k·v + l·w = 0.</summary>
    public bool IsInZone(ZoneAxis zone) => (H * zone.U) + (K * zone.V) + (L * zone.W) == 0;

    /// <summary>Greatest common divisor of |h|, |k|, |l| (0 for 000).</summary>
    public int CommonDivisor => ZoneAxis.Gcd(ZoneAxis.Gcd(Math.Abs(H), Math.Abs(K)), Math.Abs(L));

    /// <summary>The indices divided by their common divisor (the lattice-plane family), e.g. 200 → 100.</summary>
    public Miller Reduced()
    {
        int g = CommonDivisor;
        return g <= 1 ? this : new Miller(H / g, K / g, L / g);
    }

    /// <summary>The plane common to two zones: (hkl) = [u1v1w1] × [u2v2w2].</summary>
    public static Miller FromZones(ZoneAxis z1, ZoneAxis z2) => new(
        (z1.V * z2.W) - (z1.W * z2.V), (z1.W * z2.U) - (z1.U * z2.W), (z1.U * z2.V) - (z1.V * z2.U));

    /// <summary>As a vector of doubles (h, k, l).</summary>
    public Geometry.Vec3 ToVec3() => new(H, K, L);

    /// <summary>All non-zero (hkl) with |h|, |k|, |l| ≤ <paramref name="maxIndex"/>.</summary>
    public static IEnumerable<Miller> Enumerate(int maxIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxIndex);
        for (int h = -maxIndex; h <= maxIndex; h++)
        {
            for (int k = -maxIndex; k <= maxIndex; k++)
            {
                for (int l = -maxIndex; l <= maxIndex; l++)
                {
                    if (h != 0 || k != 0 || l != 0)
                    {
                        yield return new Miller(h, k, l);
                    }
                }
            }
        }
    }

    public static Miller operator -(Miller m) => new(-m.H, -m.K, -m.L);

    public static Miller operator +(Miller a, Miller b) => new(a.H + b.H, a.K + b.K, a.L + b.L);

    public static Miller operator *(int s, Miller m) => new(s * m.H, s * m.K, s * m.L);

    /// <summary>Formats as (h k l), e.g. "(1 -1 1)".</summary>
    public override string ToString() => FormattableString.Invariant($"({H} {K} {L})");
}
