namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// The diffraction pattern of one raster point, reduced for the rotation analysis: the SAXS band as a (q, φ) cake
/// (row-major q × φ, mean counts per pixel after the solid-angle correction, NaN where no pixel) with the pixel weight
/// of each bin, and the net angular profiles of the atomic-lattice rings.
/// </summary>
/// <param name="Row">Raster row.</param>
/// <param name="Col">Raster column.</param>
/// <param name="Frames">Frames averaged (1 for a single point; 0 when the frame could not be read).</param>
/// <param name="Saxs">Cake means, q × φ.</param>
/// <param name="SaxsWeight">Normalisation sum of each bin (≈ pixels × frames).</param>
/// <param name="AtomicNet">Net angular profiles of the atomic-lattice rings (rings × φ; window minus side bands; 0 where invalid), or empty.</param>
/// <param name="AtomicIntensity">Mean net intensity of each atomic-lattice ring, or empty.</param>
/// <param name="Error">Why the frame could not be read, or null.</param>
public sealed record PointPattern(int Row, int Col, int Frames, float[] Saxs, float[] SaxsWeight, float[] AtomicNet, float[] AtomicIntensity, string? Error = null)
{
    /// <summary>True when a frame was read.</summary>
    public bool HasData => Frames > 0;

    /// <summary>Average of several patterns (bins weighted by their normalisation); null when none has data.</summary>
    public static PointPattern? Average(IReadOnlyList<PointPattern> patterns, int row = -1, int col = -1)
    {
        var ok = patterns.Where(p => p.HasData).ToList();
        if (ok.Count == 0)
        {
            return null;
        }

        int n = ok[0].Saxs.Length;
        var mean = new float[n];
        var weight = new float[n];
        for (int b = 0; b < n; b++)
        {
            double s = 0, w = 0;
            foreach (var p in ok)
            {
                if (p.SaxsWeight[b] > 0 && float.IsFinite(p.Saxs[b]))
                {
                    s += p.Saxs[b] * (double)p.SaxsWeight[b];
                    w += p.SaxsWeight[b];
                }
            }

            mean[b] = w > 0 ? (float)(s / w) : float.NaN;
            weight[b] = (float)w;
        }

        var al = new float[ok[0].AtomicNet.Length];
        var ai = new float[ok[0].AtomicIntensity.Length];
        foreach (var p in ok)
        {
            for (int i = 0; i < al.Length; i++)
            {
                al[i] += p.AtomicNet[i] / ok.Count;
            }

            for (int i = 0; i < ai.Length; i++)
            {
                ai[i] += p.AtomicIntensity[i] / ok.Count;
            }
        }

        return new PointPattern(row, col, ok.Sum(p => p.Frames), mean, weight, al, ai);
    }
}
