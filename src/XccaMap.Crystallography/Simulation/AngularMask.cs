using XccaMap.Crystallography.Ccf;
using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// W(q, φ) of one ring (eqs. 2 and 5 of the Mukharamova et al. 2019 S.I.) as weights in [0, 1] on φ samples
/// (0 = not measured: outside the detector, gaps, beamstop; 1 = fully measured). Looked up by nearest sample on the
/// circle, so it can come from a measured CCF's φ bins or be drawn from an <see cref="AngularWindow"/>.
/// </summary>
public sealed class AngularMask
{
    private readonly double[] _phi;
    private readonly double[] _weight;

    /// <summary>A mask from weights at azimuths (degrees, any order, any spacing).</summary>
    /// <param name="phiDeg">Sample azimuths in degrees.</param>
    /// <param name="weight">Weights W ≥ 0 at those azimuths (NaN counts as 0).</param>
    public AngularMask(IReadOnlyList<double> phiDeg, IReadOnlyList<double> weight)
    {
        ArgumentNullException.ThrowIfNull(phiDeg);
        ArgumentNullException.ThrowIfNull(weight);
        if (phiDeg.Count == 0 || phiDeg.Count != weight.Count)
        {
            throw new ArgumentException($"A mask needs as many weights as azimuths, at least one (got {phiDeg.Count} azimuths, {weight.Count} weights).");
        }

        var order = Enumerable.Range(0, phiDeg.Count).OrderBy(i => Angles.Wrap360(phiDeg[i])).ToArray();
        _phi = order.Select(i => Angles.Wrap360(phiDeg[i])).ToArray();
        _weight = order.Select(i => double.IsFinite(weight[i]) ? Math.Max(0, weight[i]) : 0).ToArray();
    }

    /// <summary>The full ring, W ≡ 1.</summary>
    public static AngularMask Full { get; } = new([0.0], [1.0]);

    /// <summary>W = 1 on the arc of <paramref name="window"/>, 0 elsewhere, sampled every <paramref name="stepDeg"/> degrees.</summary>
    public static AngularMask FromWindow(AngularWindow window, double stepDeg = 0.1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepDeg);
        int n = (int)Math.Round(360 / stepDeg);
        var phi = new double[n];
        var w = new double[n];
        for (int i = 0; i < n; i++)
        {
            phi[i] = (i + 0.5) * 360.0 / n;
            w[i] = window.Contains(phi[i]) ? 1 : 0;
        }

        return new AngularMask(phi, w);
    }

    /// <summary>True if every weight is 1 (no φ is masked).</summary>
    public bool IsFull => _weight.All(w => w == 1);

    /// <summary>W at azimuth φ (degrees): the weight of the nearest sample on the circle.</summary>
    public double At(double phiDeg)
    {
        double p = Angles.Wrap360(phiDeg);
        int i = Array.BinarySearch(_phi, p);
        if (i >= 0)
        {
            return _weight[i];
        }

        int hi = ~i, n = _phi.Length;
        int lo = hi - 1;
        int a = lo < 0 ? n - 1 : lo, b = hi >= n ? 0 : hi;
        return Angles.CircularDistanceDeg(p, _phi[a]) <= Angles.CircularDistanceDeg(p, _phi[b]) ? _weight[a] : _weight[b];
    }

    /// <summary>W on the grid φ_k = k·360/<paramref name="bins"/>, k = 0 … bins − 1.</summary>
    public double[] Sample(int bins)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var w = new double[bins];
        for (int k = 0; k < bins; k++)
        {
            w[k] = At(k * 360.0 / bins);
        }

        return w;
    }
}
