using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Symmetry;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Zone axes [uvw] of a cubic lattice up to a largest index, one per class of directions equivalent under the 24
/// proper cubic rotations (a pattern along [uvw] with in-plane angle ψ equals one along g·[uvw] with another ψ; the
/// opposite direction is kept, since −[uvw] is not a proper rotation of [uvw] in general).
/// </summary>
public static class ZoneCandidates
{
    /// <summary>The candidates, lowest indices first.</summary>
    public static IReadOnlyList<ZoneAxis> Enumerate(int maxIndex)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIndex, 1);
        var seen = new HashSet<(int, int, int)>();
        var result = new List<ZoneAxis>();
        for (int u = -maxIndex; u <= maxIndex; u++)
        {
            for (int v = -maxIndex; v <= maxIndex; v++)
            {
                for (int w = -maxIndex; w <= maxIndex; w++)
                {
                    if ((u == 0 && v == 0 && w == 0) || Gcd(Gcd(Math.Abs(u), Math.Abs(v)), Math.Abs(w)) != 1)
                    {
                        continue;
                    }

                    var canonical = Canonical(u, v, w);
                    if (seen.Add(canonical))
                    {
                        result.Add(new ZoneAxis(canonical.Item1, canonical.Item2, canonical.Item3));
                    }
                }
            }
        }

        return [.. result.OrderBy(z => (z.U * z.U) + (z.V * z.V) + (z.W * z.W)).ThenByDescending(z => z.W).ThenByDescending(z => z.V)];
    }

    /// <summary>The representative of [uvw] under the proper cubic rotations: the largest (w, v, u) tuple of the orbit.</summary>
    public static (int, int, int) Canonical(int u, int v, int w)
    {
        (int, int, int) best = (u, v, w);
        var x = new Vec3(u, v, w);
        foreach (var g in CubicSymmetry.ProperRotations)
        {
            var y = g * x;
            var t = ((int)Math.Round(y.X), (int)Math.Round(y.Y), (int)Math.Round(y.Z));
            if ((t.Item3, t.Item2, t.Item1).CompareTo((best.Item3, best.Item2, best.Item1)) > 0)
            {
                best = t;
            }
        }

        return best;
    }

    /// <summary>The low-index direction [uvw] (indices up to <paramref name="maxIndex"/>) closest to <paramref name="direction"/>, and the angle between them in degrees.</summary>
    public static (ZoneAxis Zone, double AngleDeg) Nearest(Vec3 direction, int maxIndex = 12)
    {
        var d = direction.Normalized();
        var best = new ZoneAxis(0, 0, 1);
        double bestAngle = double.PositiveInfinity;
        for (int u = -maxIndex; u <= maxIndex; u++)
        {
            for (int v = -maxIndex; v <= maxIndex; v++)
            {
                for (int w = -maxIndex; w <= maxIndex; w++)
                {
                    if ((u == 0 && v == 0 && w == 0) || Gcd(Gcd(Math.Abs(u), Math.Abs(v)), Math.Abs(w)) != 1)
                    {
                        continue;
                    }

                    double angle = Vec3.AngleBetween(d, new Vec3(u, v, w)) * 180 / Math.PI;
                    if (angle < bestAngle - 1e-9)
                    {
                        bestAngle = angle;
                        best = new ZoneAxis(u, v, w);
                    }
                }
            }
        }

        return (best, bestAngle);
    }

    private static int Gcd(int a, int b) => b == 0 ? a : Gcd(b, a % b);
}
