using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.SpaceGroups;
using XccaMap.Tomography.Analysis;
using XccaMap.Tomography.Structure;

namespace XccaMap.Tomography.Reports;

/// <summary>
/// The basis in which a crystallite is reported (A, B, C of SI Tables 1–4): measured vectors, expressed on the
/// conventional axes of the space group where the cell is primitive (so AlB2 reads A ≈ B, AB ≈ 120°).
/// </summary>
public sealed class ReportingBasis
{
    private ReportingBasis(Mat3 direct, Mat3 fromCell, LatticeFit fit)
    {
        Direct = direct;
        FromCell = fromCell;
        Lattice = Lattice.FromDirectMatrix(direct);
        Vec3[] axes = [direct.Column(0).Normalized(), direct.Column(1).Normalized(), direct.Column(2).Normalized()];
        var used = Enumerable.Range(0, fit.Site.Count).Where(i => fit.Site[i] >= 0).ToList();
        RmsAlong = used.Count == 0 ? new Vec3(double.NaN, double.NaN, double.NaN) : new Vec3(
            Math.Sqrt(used.Average(i => Math.Pow(Vec3.Dot(fit.Residual[i], axes[0]), 2))),
            Math.Sqrt(used.Average(i => Math.Pow(Vec3.Dot(fit.Residual[i], axes[1]), 2))),
            Math.Sqrt(used.Average(i => Math.Pow(Vec3.Dot(fit.Residual[i], axes[2]), 2))));
    }

    /// <summary>Base vectors A, B, C (columns, nm).</summary>
    public Mat3 Direct { get; }

    /// <summary>The reported lattice.</summary>
    public Lattice Lattice { get; }

    /// <summary>Fractional coordinates in this basis = FromCell · fractional coordinates in the structure cell.</summary>
    public Mat3 FromCell { get; }

    /// <summary>RMS displacement of the primary particles along Â, B̂, Ĉ (nm): the "±" of the lengths.</summary>
    public Vec3 RmsAlong { get; }

    /// <summary>
    /// Basis for the A, B, C lengths and angles (the primary lattice of eq. 5): conventional axes of the space group
    /// when the structure cell is that lattice and primitive, else its Niggli cell.
    /// </summary>
    public static ReportingBasis ForLattice(CrystalliteResult c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.SupercellIndex == 1 && Conventional(c) is { } p)
        {
            return new ReportingBasis(c.Cell.Direct * p, p.Inverse(), c.CellFit);
        }

        Mat3 primary = c.PrimaryLattice.Lattice.NiggliReduce().Lattice.Direct;
        return new ReportingBasis(primary, primary.Inverse() * c.Cell.Direct, c.PrimaryLattice);
    }

    /// <summary>Basis for the positions in the unit cell: the structure cell on conventional axes when primitive, else the cell itself.</summary>
    public static ReportingBasis ForSites(CrystalliteResult c)
    {
        ArgumentNullException.ThrowIfNull(c);
        Mat3 p = Conventional(c) ?? Mat3.Identity;
        return new ReportingBasis(c.Cell.Direct * p, p.Inverse(), c.CellFit);
    }

    private static Mat3? Conventional(CrystalliteResult c) =>
        c.Symmetry is { Group: not null } sym && Math.Abs(Math.Abs(sym.ToConventional.Determinant) - 1) < 1e-6 ? sym.ToConventional : null;

    /// <summary>A site of the structure cell in this basis: mean wrapped to [0, 1); std propagated assuming independent axes.</summary>
    public (Vec3 Mean, Vec3 Std) Convert(AveragedSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        Vec3 m = SymmetryOperation.Wrap(FromCell * site.Mean);
        Mat3 t = FromCell;
        Vec3 v = new(site.Std.X * site.Std.X, site.Std.Y * site.Std.Y, site.Std.Z * site.Std.Z);
        Vec3 s = new(
            Math.Sqrt((t.M11 * t.M11 * v.X) + (t.M12 * t.M12 * v.Y) + (t.M13 * t.M13 * v.Z)),
            Math.Sqrt((t.M21 * t.M21 * v.X) + (t.M22 * t.M22 * v.Y) + (t.M23 * t.M23 * v.Z)),
            Math.Sqrt((t.M31 * t.M31 * v.X) + (t.M32 * t.M32 * v.Y) + (t.M33 * t.M33 * v.Z)));
        return (m, s);
    }
}
