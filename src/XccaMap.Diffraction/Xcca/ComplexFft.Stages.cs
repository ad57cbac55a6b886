using System.Numerics;

namespace XccaMap.Diffraction.Xcca;

/// <summary>The stages of <see cref="ComplexFft"/>: one Stockham pass per radix.</summary>
public sealed partial class ComplexFft
{
    // Butterfly constants: ω₃ and ω₅ components (forward sign).
    private const double Sin60 = 0.86602540378443864676;
    private static readonly double C1 = Math.Cos(2 * Math.PI / 5);
    private static readonly double C2 = Math.Cos(4 * Math.PI / 5);
    private static readonly double S1 = Math.Sin(2 * Math.PI / 5);
    private static readonly double S2 = Math.Sin(4 * Math.PI / 5);

    /// <summary>
    /// One decimation-in-frequency pass on a length-n sub-problem (n = r·m) repeated over <paramref name="s"/>
    /// interleaved sequences: with a_k = x[q + s(p + km)], b_j = Σ_k a_k ω_r^(jk), y[q + s(rp + j)] = b_j·ω_n^(pj).
    /// The j-th output sequence is the length-m problem of the next pass (stride r·s); the last pass leaves X in
    /// natural order.
    /// </summary>
    private static void Stage(int r, int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, Complex[] tw, Complex[] roots)
    {
        switch (r)
        {
            case 2:
                Radix2(m, s, x, y, tw);
                break;
            case 3:
                Radix3(m, s, x, y, tw);
                break;
            case 4:
                Radix4(m, s, x, y, tw);
                break;
            case 5:
                Radix5(m, s, x, y, tw);
                break;
            default:
                Generic(r, m, s, x, y, tw, roots);
                break;
        }
    }

    private static void Radix2(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, Complex[] tw)
    {
        for (int p = 0; p < m; p++)
        {
            Complex w1 = tw[(2 * p) + 1];
            for (int q = 0; q < s; q++)
            {
                Complex a0 = x[q + (s * p)], a1 = x[q + (s * (p + m))];
                int o = q + (s * 2 * p);
                y[o] = a0 + a1;
                y[o + s] = (a0 - a1) * w1;
            }
        }
    }

    private static void Radix3(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, Complex[] tw)
    {
        for (int p = 0; p < m; p++)
        {
            Complex w1 = tw[(3 * p) + 1], w2 = tw[(3 * p) + 2];
            for (int q = 0; q < s; q++)
            {
                Complex a0 = x[q + (s * p)], a1 = x[q + (s * (p + m))], a2 = x[q + (s * (p + (2 * m)))];
                Complex t1 = a1 + a2;
                Complex t2 = a0 - (0.5 * t1);
                Complex d = a1 - a2;
                var t3 = new Complex(Sin60 * d.Imaginary, -Sin60 * d.Real); // −i·(√3/2)·(a1 − a2)
                int o = q + (s * 3 * p);
                y[o] = a0 + t1;
                y[o + s] = (t2 + t3) * w1;
                y[o + (2 * s)] = (t2 - t3) * w2;
            }
        }
    }

    private static void Radix4(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, Complex[] tw)
    {
        for (int p = 0; p < m; p++)
        {
            Complex w1 = tw[(4 * p) + 1], w2 = tw[(4 * p) + 2], w3 = tw[(4 * p) + 3];
            for (int q = 0; q < s; q++)
            {
                Complex a0 = x[q + (s * p)], a1 = x[q + (s * (p + m))], a2 = x[q + (s * (p + (2 * m)))], a3 = x[q + (s * (p + (3 * m)))];
                Complex t0 = a0 + a2, t1 = a0 - a2, t2 = a1 + a3;
                Complex d = a1 - a3;
                var t3 = new Complex(d.Imaginary, -d.Real); // −i·(a1 − a3)
                int o = q + (s * 4 * p);
                y[o] = t0 + t2;
                y[o + s] = (t1 + t3) * w1;
                y[o + (2 * s)] = (t0 - t2) * w2;
                y[o + (3 * s)] = (t1 - t3) * w3;
            }
        }
    }

    private static void Radix5(int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, Complex[] tw)
    {
        double c1 = C1, c2 = C2, s1 = S1, s2 = S2;
        for (int p = 0; p < m; p++)
        {
            Complex w1 = tw[(5 * p) + 1], w2 = tw[(5 * p) + 2], w3 = tw[(5 * p) + 3], w4 = tw[(5 * p) + 4];
            for (int q = 0; q < s; q++)
            {
                Complex a0 = x[q + (s * p)], a1 = x[q + (s * (p + m))], a2 = x[q + (s * (p + (2 * m)))];
                Complex a3 = x[q + (s * (p + (3 * m)))], a4 = x[q + (s * (p + (4 * m)))];
                Complex t1 = a1 + a4, t2 = a2 + a3, t3 = a1 - a4, t4 = a2 - a3;
                Complex r1 = a0 + (c1 * t1) + (c2 * t2), r2 = a0 + (c2 * t1) + (c1 * t2);
                Complex u1 = (s1 * t3) + (s2 * t4), u2 = (s2 * t3) - (s1 * t4);
                var iu1 = new Complex(u1.Imaginary, -u1.Real); // −i·u1
                var iu2 = new Complex(u2.Imaginary, -u2.Real);
                int o = q + (s * 5 * p);
                y[o] = a0 + t1 + t2;
                y[o + s] = (r1 + iu1) * w1;
                y[o + (2 * s)] = (r2 + iu2) * w2;
                y[o + (3 * s)] = (r2 - iu2) * w3;
                y[o + (4 * s)] = (r1 - iu1) * w4;
            }
        }
    }

    /// <summary>Any radix r: an O(r²) DFT per butterfly (only for prime factors above 5, e.g. N = 7·k).</summary>
    private static void Generic(int r, int m, int s, ReadOnlySpan<Complex> x, Span<Complex> y, Complex[] tw, Complex[] roots)
    {
        for (int p = 0; p < m; p++)
        {
            for (int q = 0; q < s; q++)
            {
                int o = q + (s * r * p);
                for (int j = 0; j < r; j++)
                {
                    Complex sum = Complex.Zero;
                    for (int k = 0; k < r; k++)
                    {
                        sum += x[q + (s * (p + (k * m)))] * roots[(int)((long)j * k % r)];
                    }

                    y[o + (s * j)] = sum * tw[(p * r) + j];
                }
            }
        }
    }
}
