using XccaMap.Crystallography.FormFactors;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.Structures;

/// <summary>
/// Ready-made structures: fcc (one scatterer per lattice point), rock salt, PbS, and the fcc superlattice
/// of nanocrystals. All use the conventional cubic cell, so Miller indices are the usual cubic ones
/// (fcc: h, k, l all even or all odd).
/// </summary>
public static class StructureFactory
{
    /// <summary>Default PbS lattice constant in Å (rock salt, room temperature; q₁₁₁ = 1.833, q₂₀₀ = 2.117 Å⁻¹).</summary>
    public const double PbSLatticeConstant = 5.936;

    /// <summary>Example superlattice constant in Å (Mukharamova et al. 2019: 150.1 ± 3.0 Å). An example, not a truth.</summary>
    public const double ExampleSuperlatticeConstant = 150.0;

    /// <summary>The four lattice points of the conventional fcc cell (fractional).</summary>
    public static IReadOnlyList<Vec3> FccTranslations { get; } =
        [new Vec3(0, 0, 0), new Vec3(0, 0.5, 0.5), new Vec3(0.5, 0, 0.5), new Vec3(0.5, 0.5, 0)];

    /// <summary>fcc: one <paramref name="scatterer"/> at each of the 4 lattice points of a cubic cell of edge <paramref name="a"/> (Å).</summary>
    public static Structure Fcc(double a, IScatterer scatterer, string name = "fcc") =>
        new(name, Lattice.Cubic(a), FccTranslations.Select(t => new Site(t, scatterer)));

    /// <summary>
    /// Rock salt (Fm-3m, B1): cation at (0,0,0) + fcc, anion at (½,½,½) + fcc; cubic edge <paramref name="a"/> (Å).
    /// F = 4(f_c + f_a) for h, k, l all even, 4(f_c − f_a) for all odd, 0 otherwise.
    /// </summary>
    public static Structure RockSalt(double a, IScatterer cation, IScatterer anion, string name = "rock salt")
    {
        var half = new Vec3(0.5, 0.5, 0.5);
        var sites = FccTranslations.Select(t => new Site(t, cation))
            .Concat(FccTranslations.Select(t => new Site(Wrap(t + half), anion)));
        return new Structure(name, Lattice.Cubic(a), sites);
    }

    /// <summary>
    /// PbS (galena) in the rock-salt structure with Cromer–Mann form factors of neutral Pb and S
    /// (<see cref="CromerMannScatterer"/>); <paramref name="a"/> in Å, default 5.936 Å.
    /// </summary>
    public static Structure PbS(double a = PbSLatticeConstant) =>
        RockSalt(a, CromerMannScatterer.Pb, CromerMannScatterer.S, "PbS rock salt");

    /// <summary>
    /// fcc superlattice of nanocrystals modelled as spheres with normally distributed radii
    /// (<see cref="PolydisperseSphere"/>): edge <paramref name="a"/> (Å), mean radius and σ (Å).
    /// Defaults are the example values of Mukharamova et al. 2019 (a = 150 Å, R = 65 ± 5 Å).
    /// </summary>
    public static Structure FccSuperlattice(double a = ExampleSuperlatticeConstant, double meanRadius = 65.0, double sigmaRadius = 5.0) =>
        Fcc(a, new PolydisperseSphere(meanRadius, sigmaRadius), "fcc superlattice");

    /// <summary>fcc superlattice with any nanocrystal scatterer (e.g. <see cref="SphereScatterer"/>); edge in Å.</summary>
    public static Structure FccSuperlattice(double a, IScatterer nanocrystal) => Fcc(a, nanocrystal, "fcc superlattice");

    private static Vec3 Wrap(Vec3 f) => new(f.X - Math.Floor(f.X), f.Y - Math.Floor(f.Y), f.Z - Math.Floor(f.Z));
}
