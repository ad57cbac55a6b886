namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// A measured SAXS cake prepared for matching: per q row the isotropic level (a low percentile over φ: diffuse
/// scattering, membrane, flat background) is subtracted and the net intensity taken as sign(net)·√|net| — the square
/// root stabilises the Poisson variance, so weak and strong spots count alike, and keeping the sign leaves pure noise
/// with zero mean (a clamped √max(net, 0) would give every noise bin a positive value, rewarding models that predict
/// spots where there are none) — with each bin weighted by its pixel normalisation (variance of √I ≈ 1/(4 × pixels)).
/// </summary>
public sealed class MeasuredCake
{
    /// <summary>Percentile (0–100) over φ taken as the isotropic level of a q row.</summary>
    public const double BackgroundPercentile = 30;

    /// <summary>Prepares <paramref name="pattern"/> on <paramref name="grid"/>.</summary>
    public MeasuredCake(CakeGrid grid, PointPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Grid = grid;
        int nq = grid.QCount, np = grid.PhiCount;
        Root = new float[grid.BinCount];
        Weight = new float[grid.BinCount];
        RadialNet = new double[nq];
        var row = new List<float>(np);
        double mm = 0;
        for (int iq = 0; iq < nq; iq++)
        {
            row.Clear();
            for (int j = 0; j < np; j++)
            {
                int b = (iq * np) + j;
                if (pattern.SaxsWeight[b] > 0 && float.IsFinite(pattern.Saxs[b]))
                {
                    row.Add(pattern.Saxs[b]);
                }
            }

            if (row.Count < np / 4)
            {
                continue;
            }

            row.Sort();
            double level = row[(int)Math.Floor(BackgroundPercentile / 100 * (row.Count - 1))];
            double sw = 0, swn = 0;
            for (int j = 0; j < np; j++)
            {
                int b = (iq * np) + j;
                float w = pattern.SaxsWeight[b];
                if (!(w > 0) || !float.IsFinite(pattern.Saxs[b]))
                {
                    continue;
                }

                double net = pattern.Saxs[b] - level;
                Root[b] = (float)(Math.Sign(net) * Math.Sqrt(Math.Abs(net)));
                Weight[b] = w;
                mm += w * Root[b] * Root[b];
                sw += w;
                swn += w * net;
            }

            RadialNet[iq] = sw > 0 ? swn / sw : 0;
        }

        Norm2 = mm;
    }

    /// <summary>The bins.</summary>
    public CakeGrid Grid { get; }

    /// <summary>sign(net)·√|net| per bin (0 where invalid).</summary>
    public float[] Root { get; }

    /// <summary>Weight per bin (0 where invalid).</summary>
    public float[] Weight { get; }

    /// <summary>Σ weight × root²: the total the model can explain.</summary>
    public double Norm2 { get; }

    /// <summary>Mean net intensity per q row (anisotropic part, for the lattice-scale search).</summary>
    public double[] RadialNet { get; }
}
