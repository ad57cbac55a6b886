namespace XccaMap.Diffraction.Disorder;

/// <summary>Cholesky solve and inverse of small symmetric positive-definite matrices (row-major n × n).</summary>
internal static class Cholesky
{
    /// <summary>Solves A·x = b; false if A is not positive definite.</summary>
    public static bool Solve(ReadOnlySpan<double> a, int n, ReadOnlySpan<double> b, Span<double> x)
    {
        Span<double> l = n <= 16 ? stackalloc double[n * n] : new double[n * n];
        if (!Factor(a, n, l))
        {
            return false;
        }

        for (int i = 0; i < n; i++)
        {
            double s = b[i];
            for (int k = 0; k < i; k++)
            {
                s -= l[(i * n) + k] * x[k];
            }

            x[i] = s / l[(i * n) + i];
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double s = x[i];
            for (int k = i + 1; k < n; k++)
            {
                s -= l[(k * n) + i] * x[k];
            }

            x[i] = s / l[(i * n) + i];
        }

        return true;
    }

    /// <summary>A⁻¹ into <paramref name="inverse"/>; false if A is not positive definite.</summary>
    public static bool Invert(ReadOnlySpan<double> a, int n, Span<double> inverse)
    {
        Span<double> e = stackalloc double[n];
        Span<double> col = stackalloc double[n];
        for (int j = 0; j < n; j++)
        {
            e.Clear();
            e[j] = 1;
            if (!Solve(a, n, e, col))
            {
                return false;
            }

            for (int i = 0; i < n; i++)
            {
                inverse[(i * n) + j] = col[i];
            }
        }

        return true;
    }

    private static bool Factor(ReadOnlySpan<double> a, int n, Span<double> l)
    {
        l.Clear();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = a[(i * n) + j];
                for (int k = 0; k < j; k++)
                {
                    s -= l[(i * n) + k] * l[(j * n) + k];
                }

                if (i == j)
                {
                    if (!(s > 0))
                    {
                        return false;
                    }

                    l[(i * n) + i] = Math.Sqrt(s);
                }
                else
                {
                    l[(i * n) + j] = s / l[(j * n) + j];
                }
            }
        }

        return true;
    }
}
