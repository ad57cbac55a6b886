using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Structure;

/// <summary>
/// Supercell candidates for <see cref="LatticeSelection"/>. With several particles per cell, sites can be nearly
/// related by a translation that is not a lattice vector (A6B19: the two kagome layers and a half-period
/// in-plane match within about 1 nm), so the first guess may be too small a cell. Splitting the fitted
/// indices by coset for every sublattice of index 2…4 (Hermite normal forms) and comparing the within-site
/// variance of the displacements per degree of freedom ranks the supercells cheaply.
/// </summary>
public static class SublatticeSelection
{
    /// <summary>Number of supercells shortlisted.</summary>
    public const int Count = 6;

    /// <summary>
    /// Supercells H (columns: new base vectors in the fitted basis) of index 2…<paramref name="maxIndex"/> whose
    /// coset split lowers the within-site variance most, best first.
    /// </summary>
    public static IReadOnlyList<Mat3> Shortlist(LatticeFit fit, int maxIndex = 4)
    {
        ArgumentNullException.ThrowIfNull(fit);
        var used = Enumerable.Range(0, fit.Site.Count).Where(i => fit.Site[i] >= 0).ToList();
        if (used.Count < 20)
        {
            return [];
        }

        var ranked = new List<(Mat3 H, double Variance)>();
        for (int n = 2; n <= maxIndex; n++)
        {
            foreach (var h in HermiteNormalForms(n))
            {
                var (v, df) = Evaluate(fit, used, h);
                if (df > 30)
                {
                    ranked.Add((h, v));
                }
            }
        }

        return ranked.OrderBy(r => r.Variance).Take(Count).Select(r => r.H).ToList();
    }

    /// <summary>
    /// Within-group variance (nm², per coordinate) of the residuals grouped by (site, coset of the cell in H) and its
    /// degrees of freedom.
    /// </summary>
    internal static (double Variance, int Df) Evaluate(LatticeFit fit, List<int> used, Mat3 h)
    {
        var groups = new Dictionary<(int, int, int, int), (Vec3 Sum, double Sq, int N)>();
        int a = (int)h.M11, b = (int)h.M21, c = (int)h.M22, d = (int)h.M31, e = (int)h.M32, f = (int)h.M33;
        foreach (int i in used)
        {
            var (n1, n2, n3) = fit.Index[i];
            // Reduce (n1, n2, n3) modulo the columns (a, b, d), (0, c, e), (0, 0, f) of the lower-triangular HNF.
            int q = FloorDiv(n1, a);
            n1 -= q * a;
            n2 -= q * b;
            n3 -= q * d;
            q = FloorDiv(n2, c);
            n2 -= q * c;
            n3 -= q * e;
            n3 -= FloorDiv(n3, f) * f;
            var key = (fit.Site[i], n1, n2, n3);
            Vec3 r = fit.Residual[i];
            groups[key] = groups.TryGetValue(key, out var g) ? (g.Sum + r, g.Sq + r.NormSquared, g.N + 1) : (r, r.NormSquared, 1);
        }

        double within = 0;
        foreach (var g in groups.Values)
        {
            within += g.Sq - (g.Sum.NormSquared / g.N);
        }

        int df = 3 * (used.Count - groups.Count);
        return (df > 0 ? within / df : double.PositiveInfinity, df);
    }

    private static int FloorDiv(int x, int m) => (int)Math.Floor((double)x / m);

    /// <summary>Lower-triangular Hermite normal forms of determinant <paramref name="n"/>: all sublattices of index n.</summary>
    public static IEnumerable<Mat3> HermiteNormalForms(int n)
    {
        for (int a = 1; a <= n; a++)
        {
            for (int c = 1; c <= n; c++)
            {
                if (n % (a * c) != 0)
                {
                    continue;
                }

                int f = n / (a * c);
                for (int b = 0; b < c; b++)
                {
                    for (int d = 0; d < f; d++)
                    {
                        for (int e = 0; e < f; e++)
                        {
                            // Columns (a, b, d), (0, c, e), (0, 0, f) are the new base vectors in the old basis.
                            yield return new Mat3(a, 0, 0, b, c, 0, d, e, f);
                        }
                    }
                }
            }
        }
    }
}
