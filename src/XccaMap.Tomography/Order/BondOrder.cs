using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tomography.Order;

/// <summary>
/// Local bond order from Voronoi neighbours: q₆ₘ(i) (eq. 1), Q₆(i) (eq. 2) and the similarity C_q(i, j)
/// (eq. 3) of Friedrich et al. 2009 (SI, "Detection of crystalline clusters").
/// </summary>
/// <remarks>
/// The paper normalises q₆ₘ with B such that Σₘ|q₆ₘ|² = 1, which would make eq. 2 a constant √(4π/13).
/// We therefore follow the studies it cites (Steinhardt et al. 1983; ten Wolde et al. 1996): Q₆ uses
/// q₆ₘ = (1/Nᵢ) Σₙ Y₆ₘ(r̂ᵢₙ) (B = Nᵢ), and C_q uses the unit-normalised vector, for which C_q(i, i) = 1 as eq. 3
/// requires. C_q is real because q₆,₋ₘ = (−1)ᵐ q₆ₘ*.
/// </remarks>
public sealed class BondOrder
{
    private const int Stride = 2 * SphericalHarmonics6.Components;
    private readonly double[] _q; // per particle: Re q_0..q_6, Im q_0..q_6 (Steinhardt mean)
    private readonly double[] _norm; // sqrt(Σ_{m=-6..6} |q_m|²)

    private BondOrder(double[] q, double[] norm, double[] q6)
    {
        _q = q;
        _norm = norm;
        Q6 = q6;
    }

    /// <summary>Q₆(i) = sqrt(4π/13 Σₘ |q₆ₘ|²) (eq. 2); NaN for particles without neighbours.</summary>
    public double[] Q6 { get; }

    /// <summary>Number of particles.</summary>
    public int Count => Q6.Length;

    /// <summary>Computes q₆ₘ and Q₆ for every particle of the tessellation.</summary>
    /// <param name="points">Positions (nm), the same set the tessellation was built from.</param>
    /// <param name="voronoi">Neighbours and facet areas.</param>
    /// <param name="weighting">Equal (the paper) or facet-area weights.</param>
    /// <param name="maxDegreeOfParallelism">Threads; null uses all processors.</param>
    public static BondOrder Compute(IReadOnlyList<Vec3> points, VoronoiTessellation voronoi, Q6Weighting weighting = Q6Weighting.Equal, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(voronoi);
        int n = voronoi.Count;
        if (points.Count != n)
        {
            throw new ArgumentException($"{points.Count} points but a tessellation of {n}.", nameof(points));
        }

        var q = new double[n * Stride];
        var norm = new double[n];
        var q6 = new double[n];
        var po = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.For(0, n, po, i =>
        {
            Span<double> re = stackalloc double[SphericalHarmonics6.Components];
            Span<double> im = stackalloc double[SphericalHarmonics6.Components];
            Span<double> acc = q.AsSpan(i * Stride, Stride);
            var nbs = voronoi.NeighborsOf(i);
            var areas = voronoi.FacetAreasOf(i);
            double wsum = 0;
            for (int k = 0; k < nbs.Length; k++)
            {
                double w = weighting == Q6Weighting.Equal ? 1.0 : areas[k];
                SphericalHarmonics6.Evaluate(points[nbs[k]] - points[i], re, im);
                for (int m = 0; m < SphericalHarmonics6.Components; m++)
                {
                    acc[m] += w * re[m];
                    acc[SphericalHarmonics6.Components + m] += w * im[m];
                }

                wsum += w;
            }

            if (!(wsum > 0))
            {
                q6[i] = double.NaN;
                return;
            }

            double s = 0;
            for (int m = 0; m < SphericalHarmonics6.Components; m++)
            {
                acc[m] /= wsum;
                acc[SphericalHarmonics6.Components + m] /= wsum;
                double mag = (acc[m] * acc[m]) + (acc[SphericalHarmonics6.Components + m] * acc[SphericalHarmonics6.Components + m]);
                s += m == 0 ? mag : 2 * mag;
            }

            norm[i] = Math.Sqrt(s);
            q6[i] = Math.Sqrt(4 * Math.PI / 13 * s);
        });
        return new BondOrder(q, norm, q6);
    }

    /// <summary>
    /// C_q(i, j) = Σₘ q̂₆ₘ(i) q̂₆ₘ*(j) with unit-normalised vectors (eq. 3): 1 for identical environments,
    /// ≤ 1 in general; NaN if either particle has no neighbours.
    /// </summary>
    public double Cq(int i, int j)
    {
        if (!(_norm[i] > 0) || !(_norm[j] > 0))
        {
            return double.NaN;
        }

        const int c = SphericalHarmonics6.Components;
        var a = _q.AsSpan(i * Stride, Stride);
        var b = _q.AsSpan(j * Stride, Stride);
        double sum = a[0] * b[0] + (a[c] * b[c]);
        for (int m = 1; m < c; m++)
        {
            sum += 2 * ((a[m] * b[m]) + (a[c + m] * b[c + m]));
        }

        return sum / (_norm[i] * _norm[j]);
    }

    /// <summary>q₆ₘ(i) for m = −6…6 (Steinhardt mean, B = Nᵢ), as (Re, Im) pairs.</summary>
    public (double Re, double Im)[] Q6m(int i)
    {
        const int c = SphericalHarmonics6.Components;
        var a = _q.AsSpan(i * Stride, Stride);
        var r = new (double, double)[13];
        for (int m = 0; m < c; m++)
        {
            r[6 + m] = (a[m], a[c + m]);
            double sign = (m & 1) == 0 ? 1 : -1;
            r[6 - m] = (sign * a[m], -sign * a[c + m]);
        }

        return r;
    }
}
