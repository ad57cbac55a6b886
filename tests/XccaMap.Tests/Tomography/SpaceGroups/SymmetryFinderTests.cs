using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.SpaceGroups;
using XccaMap.Tomography.Synthesis;

namespace XccaMap.Tests.Tomography.SpaceGroups;

public class SymmetryFinderTests
{
    public static TheoryData<string, int> Cells => new() { { "alb2", 191 }, { "nazn13", 226 }, { "cuau", 123 }, { "a6b19", 187 } };

    [Theory]
    [MemberData(nameof(Cells))]
    public void PublishedCells_AreIdentified(string name, int expected)
    {
        var cell = SuperlatticeCells.ByName(name);
        var (lattice, sites) = SuperlatticeCells.AsSymmetryInput(cell);
        var result = SymmetryFinder.Analyze(lattice, sites, 0.1);
        Assert.Equal(expected, result.Group?.Number);
        Assert.True(result.MaxShift < 1e-6, $"max shift {result.MaxShift}");
        Assert.All(result.Sites, s => Assert.NotNull(s.Wyckoff));
    }

    [Fact]
    public void A6B19_WyckoffPositionsAsTableS3_At17nm()
    {
        var cell = SuperlatticeCells.A6B19();
        var (lattice, sites) = SuperlatticeCells.AsSymmetryInput(cell);
        var result = SymmetryFinder.Analyze(lattice, sites, 1.7);
        Assert.Equal(187, result.Group?.Number);
        string Letters(int species) => string.Concat(result.Sites.Where(s => s.Species == species).Select(s => s.Wyckoff!.Letter).Order());
        Assert.Equal("jjjkkk", Letters(0));
        Assert.Equal("bejjjjjjhhkkknnnnnn".Order().Aggregate(string.Empty, (s, c) => s + c), Letters(1));
        Assert.Equal(23.36, result.ConventionalCell.A, 6);
        Assert.Equal(120, result.ConventionalCell.GammaDeg, 6);
    }

    [Fact]
    public void NonPrimitiveInput_IsReducedToItsPrimitiveCell()
    {
        // Conventional fcc cell with 4 atoms: Fm-3m, reported on the primitive cell.
        var lattice = Lattice.Cubic(10);
        var sites = new[] { new Vec3(0, 0, 0), new Vec3(0.5, 0.5, 0), new Vec3(0.5, 0, 0.5), new Vec3(0, 0.5, 0.5) }
            .Select(f => new SymmetrySite(0, f)).ToList();
        var result = SymmetryFinder.Analyze(lattice, sites, 0.1);
        Assert.Equal(225, result.Group?.Number);
        Assert.Contains(result.Notes, n => n.Contains("primitive", StringComparison.Ordinal));
        Assert.All(result.Sites, s => Assert.Equal('a', s.Wyckoff!.Letter));
    }

    [Fact]
    public void DistortedCell_GroupDependsOnTolerance()
    {
        // CuAu with one Au pushed 0.4 nm off the body centre: P4mm-like distortion below 0.5 nm, P4/mmm above.
        var cell = SuperlatticeCells.CuAu();
        var (lattice, sites) = SuperlatticeCells.AsSymmetryInput(cell);
        sites[1] = sites[1] with { Fractional = sites[1].Fractional + new Vec3(0, 0, 0.4 / 10.6) };
        Assert.Equal(123, SymmetryFinder.Analyze(lattice, sites, 0.8).Group?.Number);
        Assert.Equal(99, SymmetryFinder.Analyze(lattice, sites, 0.2).Group?.Number);
        var sym = SymmetryFinder.Analyze(lattice, sites, 0.8);
        Assert.Equal(0.4, sym.Sites.Sum(s => s.Shift), 6); // both sites move to the centre of their separation
    }

    public static TheoryData<string, double, int> Perturbed => new()
    {
        { "alb2", 0.5, 1 }, { "alb2", 1.0, 2 }, { "nazn13", 0.8, 3 }, { "cuau", 1.0, 4 }, { "cuau", 0.05, 5 },
        { "a6b19", 1.7, 6 }, { "a6b19", 0.4, 7 }, { "a6b19", 1.0, 8 },
    };

    [Theory]
    [MemberData(nameof(Perturbed))]
    [Trait("Category", "CrossCheck")]
    public void PerturbedCells_AgreeWithSpglib(string name, double tol, int seed)
    {
        var cell = SuperlatticeCells.ByName(name);
        var (lattice, sites) = SuperlatticeCells.AsSymmetryInput(cell);
        var rng = new Random(seed);
        // 0.12 nm per coordinate: site errors well inside the tolerances above (clear cases), except 0.05 (clearly outside).
        double sigma = 0.12;
        var noisy = sites.Select(s => s with
        {
            Fractional = s.Fractional + lattice.ToFractional(new Vec3(Noise(), Noise(), Noise()) * sigma),
        }).ToList();
        var ours = SymmetryFinder.Analyze(lattice, noisy, tol);
        var reference = SpglibReference.Analyze(lattice, noisy, tol)[0];
        Assert.Equal(reference.Number, ours.Group?.Number ?? 0);
        if (ours.Group is not null && WyckoffTable.For(ours.Group.Number) is not null)
        {
            // Letters depend on which of the equivalent origins is taken (spglib and we may differ, e.g. 1b vs 1a
            // of P-6m2); multiplicities and oriented site symmetries do not.
            Assert.Equal(reference.SiteSymmetries, ours.Sites.Select(s => s.Wyckoff!.SiteSymmetry).ToArray());
        }

        double Noise() => LatticeBlocks.Gauss(rng);
    }
}
