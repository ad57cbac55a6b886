using System.Globalization;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Diffraction.Indexing;

/// <summary>
/// Powder lines of a face-centred cubic lattice: the allowed N = h² + k² + l² (h, k, l all even or all odd,
/// <see cref="Miller.IsFccAllowed"/>) and the family labels ("111", "200", "511/333"). q_N = 2π√N / a.
/// </summary>
public static class FccReflections
{
    /// <summary>The allowed N up to <paramref name="maxN"/>, increasing: 3, 4, 8, 11, 12, 16, 19, 20, 24, 27, …</summary>
    public static int[] AllowedN(int maxN)
    {
        var set = new SortedSet<int>();
        int m = (int)Math.Ceiling(Math.Sqrt(maxN));
        for (int h = 0; h <= m; h++)
        {
            for (int k = 0; k <= h; k++)
            {
                for (int l = 0; l <= k; l++)
                {
                    var hkl = new Miller(h, k, l);
                    if (hkl.IsFccAllowed && hkl.SumOfSquares <= maxN)
                    {
                        set.Add(hkl.SumOfSquares);
                    }
                }
            }
        }

        return [.. set];
    }

    /// <summary>The families with h ≥ k ≥ l ≥ 0 and h² + k² + l² = <paramref name="n"/>, largest h first.</summary>
    public static IReadOnlyList<Miller> Families(int n)
    {
        var list = new List<Miller>();
        int m = (int)Math.Ceiling(Math.Sqrt(n));
        for (int h = m; h >= 0; h--)
        {
            for (int k = h; k >= 0; k--)
            {
                for (int l = k; l >= 0; l--)
                {
                    var hkl = new Miller(h, k, l);
                    if (hkl.SumOfSquares == n && hkl.IsFccAllowed)
                    {
                        list.Add(hkl);
                    }
                }
            }
        }

        return list;
    }

    /// <summary>The label of line N: "200", "311", "511/333" (indices written together when all are below 10).</summary>
    public static string Label(int n)
    {
        var families = Families(n);
        if (families.Count == 0)
        {
            return "N" + n.ToString(CultureInfo.InvariantCulture);
        }

        return string.Join("/", families.Select(Format));
    }

    /// <summary>q of line N for lattice constant <paramref name="a"/> (Å), Å⁻¹.</summary>
    public static double Q(int n, double a) => 2 * Math.PI * Math.Sqrt(n) / a;

    /// <summary>Lattice constant (Å) that puts line N at <paramref name="q"/> (Å⁻¹): a = 2π√N / q.</summary>
    public static double LatticeConstant(int n, double q) => 2 * Math.PI * Math.Sqrt(n) / q;

    private static string Format(Miller m) =>
        m.H < 10 ? FormattableString.Invariant($"{m.H}{m.K}{m.L}") : FormattableString.Invariant($"{m.H} {m.K} {m.L}");
}
