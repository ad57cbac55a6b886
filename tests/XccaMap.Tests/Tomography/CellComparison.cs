using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.SpaceGroups;
using XccaMap.Tomography.Structure;
using XccaMap.Tomography.Synthesis;

namespace XccaMap.Tests.Tomography;

/// <summary>
/// Compares a measured (averaged) cell with the published one, whatever basis, orientation and origin the
/// analysis chose: finds an integer change of basis M (entries −2…2) under which the metrics agree within the
/// length and angle tolerances, and an origin shift pairing the first site, then measures every site's
/// fractional deviation from the nearest published site of its species.
/// </summary>
internal static class CellComparison
{
    public sealed record Result(LatticeParameters Measured, LatticeParameters Published, double MaxLengthError, double MaxAngleError, double MaxSiteDeviation, int MatchedSites);

    /// <summary>The published cell reduced to a primitive cell (F/I/C/A/R centring removed) with its sites.</summary>
    public static (Lattice Lattice, List<CellSite> Sites) Primitive(SuperlatticeCell cell)
    {
        var l = cell.Lattice;
        var g = SpaceGroupTable.Get(cell.SpaceGroup);
        if (g.Centering == 'P')
        {
            return (l, cell.Sites.ToList());
        }

        var centrings = g.Centrings.Where(c => c.NormSquared > 0).ToList();
        var vectors = new List<Vec3> { Vec3.UnitX, Vec3.UnitY, Vec3.UnitZ };
        vectors.AddRange(centrings);
        var cart = vectors.SelectMany(v => new[] { v, -v }).Select(l.ToCartesian).ToList();
        var basis = LatticeFinder.SuccessiveMinima(cart)!.Value;
        var p = Lattice.FromBasis(basis.A, basis.B, basis.C);
        var sites = new List<CellSite>();
        foreach (var s in cell.Sites)
        {
            Vec3 f = SymmetryOperation.Wrap(p.ToFractional(l.ToCartesian(s.Fractional)));
            if (!sites.Any(x => x.Species == s.Species && Vec3.MaxAbsDifference(SymmetryOperation.WrapCentered(x.Fractional - f), Vec3.Zero) < 1e-6))
            {
                sites.Add(new CellSite(s.Species, f));
            }
        }

        return (p, sites);
    }

    /// <summary>The best match (smallest site deviation) among metric-compatible bases; null if none.</summary>
    public static Result? Compare(Lattice measured, IReadOnlyList<AveragedSite> sites, SuperlatticeCell published, double lengthTol = 0.02, double angleTolDeg = 1.5)
    {
        var (truth, truthSites) = Primitive(published);
        if (Math.Abs(measured.Volume - truth.Volume) > 0.08 * truth.Volume)
        {
            return null;
        }

        var lengths = new[] { measured.A.Norm, measured.B.Norm, measured.C.Norm };
        var candidates = new List<Vec3>[3];
        for (int b = 0; b < 3; b++)
        {
            candidates[b] = [];
            for (int i = -2; i <= 2; i++)
            {
                for (int j = -2; j <= 2; j++)
                {
                    for (int k = -2; k <= 2; k++)
                    {
                        double len = truth.ToCartesian(new Vec3(i, j, k)).Norm;
                        if (len > 0 && Math.Abs(len - lengths[b]) <= lengthTol * len)
                        {
                            candidates[b].Add(new Vec3(i, j, k));
                        }
                    }
                }
            }
        }

        Result? best = null;
        Mat3 gm = measured.MetricTensor;
        foreach (var m1 in candidates[0])
        {
            foreach (var m2 in candidates[1])
            {
                foreach (var m3 in candidates[2])
                {
                    var m = Mat3.FromColumns(m1, m2, m3);
                    if (Math.Abs(Math.Abs(m.Determinant) - 1) > 1e-9)
                    {
                        continue;
                    }

                    var t = Lattice.FromDirectMatrix(truth.Direct * m);
                    var tp = t.Parameters;
                    var mp = measured.Parameters;
                    double angleErr = Math.Max(Math.Abs(tp.AlphaDeg - mp.AlphaDeg), Math.Max(Math.Abs(tp.BetaDeg - mp.BetaDeg), Math.Abs(tp.GammaDeg - mp.GammaDeg)));
                    double lengthErr = Math.Max(Math.Abs(tp.A - mp.A) / tp.A, Math.Max(Math.Abs(tp.B - mp.B) / tp.B, Math.Abs(tp.C - mp.C) / tp.C));
                    if (angleErr > angleTolDeg || lengthErr > lengthTol)
                    {
                        continue;
                    }

                    // Published fractional = M·measured + shift; the shift pairs the first measured site with a published one.
                    var first = sites[0];
                    foreach (var anchor in truthSites.Where(s => s.Species == first.Species))
                    {
                        Vec3 shift = anchor.Fractional - (m * first.Mean);
                        double worst = 0;
                        int matched = 0;
                        foreach (var s in sites)
                        {
                            Vec3 f = (m * s.Mean) + shift;
                            double d = truthSites.Where(x => x.Species == s.Species)
                                .Min(x => MaxAbs(SymmetryOperation.WrapCentered(x.Fractional - f)));
                            worst = Math.Max(worst, d);
                            matched++;
                        }

                        if (best is null || worst < best.MaxSiteDeviation)
                        {
                            best = new Result(mp, tp, lengthErr, angleErr, worst, matched);
                        }
                    }
                }
            }
        }

        return best;
    }

    private static double MaxAbs(Vec3 v) => Math.Max(Math.Abs(v.X), Math.Max(Math.Abs(v.Y), Math.Abs(v.Z)));
}
