using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Tomography.Structure;

/// <summary>
/// Least-squares lattice of a crystallite (eq. 5 of Friedrich et al. 2009 SI, with one origin per site so
/// that cells holding several particles of the species are fitted too): particle n sits at
/// o_k(n) + K a + L b + M c. Positions in nm.
/// </summary>
public sealed class LatticeFit
{
    internal LatticeFit(Vec3 a, Vec3 b, Vec3 c, Vec3[] siteOrigins, int[] site, (int K, int L, int M)[] index, Vec3[] residual, double tolerance)
    {
        Lattice = Lattice.FromBasis(a, b, c);
        SiteOrigins = siteOrigins;
        Site = site;
        Index = index;
        Residual = residual;
        NodeTolerance = tolerance;
        var used = Enumerable.Range(0, site.Length).Where(i => site[i] >= 0).ToList();
        Fitted = used.Count;
        Rms = used.Count == 0 ? double.NaN : Math.Sqrt(used.Average(i => residual[i].NormSquared));
        Vec3 ua = a.Normalized(), ub = b.Normalized(), uc = c.Normalized();
        RmsAlong = used.Count == 0 ? new Vec3(double.NaN, double.NaN, double.NaN) : new Vec3(
            Math.Sqrt(used.Average(i => Math.Pow(Vec3.Dot(residual[i], ua), 2))),
            Math.Sqrt(used.Average(i => Math.Pow(Vec3.Dot(residual[i], ub), 2))),
            Math.Sqrt(used.Average(i => Math.Pow(Vec3.Dot(residual[i], uc), 2))));
    }

    /// <summary>The fitted base vectors a, b, c (nm).</summary>
    public Lattice Lattice { get; }

    /// <summary>Origin of each site (nm): the node of site k in cell (K, L, M) is o_k + K a + L b + M c.</summary>
    public IReadOnlyList<Vec3> SiteOrigins { get; }

    /// <summary>Site of each input particle, −1 if it is not near a node.</summary>
    public IReadOnlyList<int> Site { get; }

    /// <summary>Cell indices (K, L, M) of each input particle.</summary>
    public IReadOnlyList<(int K, int L, int M)> Index { get; }

    /// <summary>Displacement of each particle from its node (nm).</summary>
    public IReadOnlyList<Vec3> Residual { get; }

    /// <summary>Largest distance (nm) from a node at which a particle counted as on the lattice.</summary>
    public double NodeTolerance { get; }

    /// <summary>Number of particles on nodes (used in the fit).</summary>
    public int Fitted { get; }

    /// <summary>RMS displacement from the lattice (nm, 3D).</summary>
    public double Rms { get; }

    /// <summary>RMS displacement components along â, b̂, ĉ (nm): the "±" of SI Tables 1–4.</summary>
    public Vec3 RmsAlong { get; }

    /// <summary>Number of sites (particles of this species per cell).</summary>
    public int SiteCount => SiteOrigins.Count;

    /// <summary>Nearest node to <paramref name="x"/> (nm): site, cell indices and displacement x − node.</summary>
    public (int Site, (int K, int L, int M) Index, Vec3 Residual) Locate(Vec3 x)
    {
        var best = (-1, (0, 0, 0), new Vec3(double.MaxValue, 0, 0));
        double bestD = double.MaxValue;
        for (int k = 0; k < SiteOrigins.Count; k++)
        {
            Vec3 f = Lattice.ToFractional(x - SiteOrigins[k]);
            var n = ((int)Math.Round(f.X), (int)Math.Round(f.Y), (int)Math.Round(f.Z));
            Vec3 r = x - Node(k, n);
            if (r.NormSquared < bestD)
            {
                bestD = r.NormSquared;
                best = (k, n, r);
            }
        }

        return best;
    }

    /// <summary>Position (nm) of the node of site <paramref name="k"/> in cell <paramref name="n"/>.</summary>
    public Vec3 Node(int k, (int K, int L, int M) n) => SiteOrigins[k] + Lattice.ToCartesian(new Vec3(n.K, n.L, n.M));
}
