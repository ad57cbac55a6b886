using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Lattices;

/// <summary>
/// Niggli reduction of a lattice basis: the Křivý &amp; Gruber (1976, Acta Cryst. A32, 297) algorithm with the
/// ε-tolerant comparisons of Grosse-Kunstleve, Sauter &amp; Adams (2004, Acta Cryst. A60, 1).
/// </summary>
/// <remarks>
/// Unlike the textbook version, which updates the six G6 numbers in place, this implementation keeps an exact
/// integer change-of-basis matrix and recomputes the basis (and G6) from the original vectors after every step,
/// so round-off never accumulates and the transformation to the reduced cell comes for free (the tomography
/// module needs it to re-index particles). Every step has det +1, so handedness is preserved.
/// </remarks>
public static class NiggliReduction
{
    private const int MaxIterations = 10_000;

    /// <summary>
    /// Reduces <paramref name="lattice"/> to its Niggli cell.
    /// </summary>
    /// <param name="lattice">Any basis of the lattice.</param>
    /// <param name="relativeEpsilon">Comparison tolerance relative to V^(2/3) (dimensionless; G6 values are in Å²).</param>
    /// <exception cref="InvalidOperationException">The reduction did not converge (degenerate input).</exception>
    public static ReducedCell Reduce(Lattice lattice, double relativeEpsilon = 1e-5)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        double e = relativeEpsilon * Math.Pow(lattice.Volume, 2.0 / 3.0);
        int[] m = [1, 0, 0, 0, 1, 0, 0, 0, 1]; // row-major, current basis = original · m
        int iterations = 0;
        while (true)
        {
            if (++iterations > MaxIterations)
            {
                throw new InvalidOperationException($"Niggli reduction of {lattice} did not converge in {MaxIterations} steps.");
            }

            G g = Compute(lattice, m);
            // A1: order A ≤ B.
            if (g.A > g.B + e || (Math.Abs(g.A - g.B) <= e && Math.Abs(g.Xi) > Math.Abs(g.Eta) + e))
            {
                Apply(m, [0, -1, 0, -1, 0, 0, 0, 0, -1]);
                g = Compute(lattice, m);
            }

            // A2: order B ≤ C, then restart.
            if (g.B > g.C + e || (Math.Abs(g.B - g.C) <= e && Math.Abs(g.Eta) > Math.Abs(g.Zeta) + e))
            {
                Apply(m, [-1, 0, 0, 0, 0, -1, 0, -1, 0]);
                continue;
            }

            // A3/A4: make ξ, η, ζ all > 0 (type I) or all ≤ 0 (type II).
            FixSigns(m, g, e);
            g = Compute(lattice, m);

            if (Math.Abs(g.Xi) > g.B + e || (Math.Abs(g.Xi - g.B) <= e && 2 * g.Eta < g.Zeta - e)
                || (Math.Abs(g.Xi + g.B) <= e && g.Zeta < -e))
            {
                int s = Math.Sign(g.Xi); // A5: c ← c − sign(ξ)·b
                Apply(m, [1, 0, 0, 0, 1, -s, 0, 0, 1]);
                continue;
            }

            if (Math.Abs(g.Eta) > g.A + e || (Math.Abs(g.Eta - g.A) <= e && 2 * g.Xi < g.Zeta - e)
                || (Math.Abs(g.Eta + g.A) <= e && g.Zeta < -e))
            {
                int s = Math.Sign(g.Eta); // A6: c ← c − sign(η)·a
                Apply(m, [1, 0, -s, 0, 1, 0, 0, 0, 1]);
                continue;
            }

            if (Math.Abs(g.Zeta) > g.A + e || (Math.Abs(g.Zeta - g.A) <= e && 2 * g.Xi < g.Eta - e)
                || (Math.Abs(g.Zeta + g.A) <= e && g.Eta < -e))
            {
                int s = Math.Sign(g.Zeta); // A7: b ← b − sign(ζ)·a
                Apply(m, [1, -s, 0, 0, 1, 0, 0, 0, 1]);
                continue;
            }

            double sum = g.Xi + g.Eta + g.Zeta + g.A + g.B;
            if (sum < -e || (Math.Abs(sum) <= e && (2 * (g.A + g.Eta)) + g.Zeta > e))
            {
                Apply(m, [1, 0, 1, 0, 1, 1, 0, 0, 1]); // A8: c ← a + b + c
                continue;
            }

            break;
        }

        var t = new Mat3(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
        return new ReducedCell(Lattice.FromDirectMatrix(lattice.Direct * t), t, iterations);
    }

    private static void FixSigns(int[] m, G g, double e)
    {
        int l = Sign(g.Xi, e), mm = Sign(g.Eta, e), n = Sign(g.Zeta, e);
        bool allPositive = l * mm * n == 1; // A3 (else A4: all ≤ 0)
        // Only det +1 sign flips of the basis are allowed: diag(fa, fb, fc) flips ξ by fb·fc, η by fa·fc, ζ by fa·fb.
        ReadOnlySpan<int> patterns = [1, 1, 1, -1, -1, 1, -1, 1, -1, 1, -1, -1];
        for (int p = 0; p < 4; p++)
        {
            int fa = patterns[3 * p], fb = patterns[(3 * p) + 1], fc = patterns[(3 * p) + 2];
            double xi = g.Xi * fb * fc, eta = g.Eta * fa * fc, zeta = g.Zeta * fa * fb;
            bool ok = allPositive ? xi > e && eta > e && zeta > e : xi <= e && eta <= e && zeta <= e;
            if (ok)
            {
                if (p > 0)
                {
                    Apply(m, [fa, 0, 0, 0, fb, 0, 0, 0, fc]);
                }

                return;
            }
        }

        throw new InvalidOperationException("Niggli reduction: no proper sign change reaches a type I or II cell.");
    }

    private static int Sign(double x, double e) => x > e ? 1 : x < -e ? -1 : 0;

    private static void Apply(int[] m, ReadOnlySpan<int> t)
    {
        Span<int> r = stackalloc int[9];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                r[(3 * i) + j] = (m[3 * i] * t[j]) + (m[(3 * i) + 1] * t[3 + j]) + (m[(3 * i) + 2] * t[6 + j]);
            }
        }

        r.CopyTo(m);
    }

    private static G Compute(Lattice lattice, int[] m)
    {
        Mat3 d = lattice.Direct * new Mat3(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
        Vec3 a = d.Column(0), b = d.Column(1), c = d.Column(2);
        return new G(Vec3.Dot(a, a), Vec3.Dot(b, b), Vec3.Dot(c, c), 2 * Vec3.Dot(b, c), 2 * Vec3.Dot(a, c), 2 * Vec3.Dot(a, b));
    }

    private readonly record struct G(double A, double B, double C, double Xi, double Eta, double Zeta);
}
