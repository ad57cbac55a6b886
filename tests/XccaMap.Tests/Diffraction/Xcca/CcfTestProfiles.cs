namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>Synthetic angular profiles for the CCF tests.</summary>
internal static class CcfTestProfiles
{
    /// <summary>Σ A·exp(−d²/2σ²) of wrapped distances d from φ-bin centres (k + ½)·360/N.</summary>
    public static double[] Gaussians(int n, params (double Phi, double Amplitude, double Sigma)[] peaks)
    {
        var p = new double[n];
        double step = 360.0 / n;
        for (int k = 0; k < n; k++)
        {
            double phi = (k + 0.5) * step;
            foreach (var (c, a, s) in peaks)
            {
                for (int m = -2; m <= 2; m++)
                {
                    double d = phi - c + (360 * m);
                    p[k] += a * Math.Exp(-d * d / (2 * s * s));
                }
            }
        }

        return p;
    }

    public static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();

    /// <summary>1 on bins whose centre lies in the arc [start, start + width) (degrees), else 0.</summary>
    public static double[] Arc(int n, double start, double width)
    {
        var w = new double[n];
        double step = 360.0 / n;
        for (int k = 0; k < n; k++)
        {
            double d = ((((k + 0.5) * step) - start) % 360 + 360) % 360;
            w[k] = d < width ? 1 : 0;
        }

        return w;
    }

    /// <summary>The profile rotated by <paramref name="shift"/> bins: out[k] = in[k − shift].</summary>
    public static double[] Rotate(double[] v, int shift)
    {
        int n = v.Length;
        var r = new double[n];
        for (int k = 0; k < n; k++)
        {
            r[(((k + shift) % n) + n) % n] = v[k];
        }

        return r;
    }

    public static double MaxAbsDifference(double[] a, double[] b)
    {
        double m = 0;
        for (int i = 0; i < a.Length; i++)
        {
            Assert.Equal(double.IsNaN(a[i]), double.IsNaN(b[i]));
            if (!double.IsNaN(a[i]))
            {
                m = Math.Max(m, Math.Abs(a[i] - b[i]));
            }
        }

        return m;
    }

    public static double Range(double[] a) => a.Where(double.IsFinite).Max() - a.Where(double.IsFinite).Min();

    public static double Pearson(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var idx = Enumerable.Range(0, a.Count).Where(i => double.IsFinite(a[i]) && double.IsFinite(b[i])).ToArray();
        double ma = idx.Average(i => a[i]), mb = idx.Average(i => b[i]);
        double sab = idx.Sum(i => (a[i] - ma) * (b[i] - mb));
        double saa = idx.Sum(i => (a[i] - ma) * (a[i] - ma));
        double sbb = idx.Sum(i => (b[i] - mb) * (b[i] - mb));
        return sab / Math.Sqrt(saa * sbb);
    }
}
