using System.Globalization;
using XccaMap.Crystallography.SpaceGroups;
using XccaMap.Tests.Tomography.SpaceGroups;
using XccaMap.Tomography.Analysis;
using XccaMap.Tomography.Synthesis;
using Xunit.Abstractions;

namespace XccaMap.Tests.Tomography;

/// <summary>
/// The acceptance on synthetic superlattices built from published cells: 10 % of the particles missing,
/// 5 % false positives, 0.5 nm positional noise, three randomly oriented crystallites. Every crystallite found must
/// give the published cell (lengths within 2 %, angles within 1.5°), every species position within 0.05 (fractional)
/// and the published space group, which spglib must confirm on the same averaged cell and tolerance.
/// </summary>
[Trait("Category", "CrossCheck")]
public class SuperlatticeAcceptanceTests(ITestOutputHelper output)
{
    public static TheoryData<string, double, double, int> Cases => new()
    {
        // cell, unit cells per grain, space-group tolerance (nm), seed
        { "alb2", 600, 1.0, 11 },
        { "cuau", 600, 1.0, 12 },
        { "nazn13", 60, 1.0, 13 },
        { "a6b19", 100, 1.7, 14 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SyntheticSample_GivesPublishedCellPositionsAndSpaceGroup(string name, double cellsPerGrain, double tolerance, int seed)
    {
        var cell = SuperlatticeCells.ByName(name);
        var sample = SyntheticSample.Generate(cell, new SyntheticSampleOptions { CellsPerGrain = cellsPerGrain, Seed = seed });
        var result = TomographyAnalyzer.Analyze(sample.Table, new AnalysisOptions { SymmetryTolerance = tolerance });
        output.WriteLine($"{name}: {sample.Table.Count} particles, {result.Crystallites.Count} crystallites, q6 weights {result.Weighting}; "
            + string.Join(", ", result.Timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Stage} {t.Seconds:F2} s"))));
        Assert.True(result.Crystallites.Count >= 2, $"only {result.Crystallites.Count} crystallite(s) found");
        foreach (var c in result.Crystallites)
        {
            var cmp = CellComparison.Compare(c.Cell, c.Sites, cell);
            output.WriteLine($"  #{c.Id}: {c.Members.Count} + {c.Others.Count} particles, {c.Sites.Count} sites, index {c.SupercellIndex}, "
                + $"{c.Symmetry?.Group}, cell {c.Cell.Parameters}; "
                + (cmp is null ? "no match" : string.Create(CultureInfo.InvariantCulture, $"length {cmp.MaxLengthError:P2}, angle {cmp.MaxAngleError:F2}°, sites ≤ {cmp.MaxSiteDeviation:F3}")));
            Assert.NotNull(cmp);
            Assert.True(cmp.MaxLengthError <= 0.02, $"crystallite {c.Id}: length error {cmp.MaxLengthError:P2}");
            Assert.True(cmp.MaxAngleError <= 1.5, $"crystallite {c.Id}: angle error {cmp.MaxAngleError:F2}°");
            Assert.True(cmp.MaxSiteDeviation <= 0.05, $"crystallite {c.Id}: a site is {cmp.MaxSiteDeviation:F3} off");
            var (truthLattice, truthSites) = CellComparison.Primitive(cell);
            Assert.Equal(truthSites.Count, c.Sites.Count);
            Assert.Equal(cell.SpaceGroup, c.Symmetry?.Group?.Number);

            // spglib on the same averaged cell and tolerance.
            var species = c.Sites.Select(s => s.Species).Distinct().ToList();
            var input = c.Sites.Select(s => new SymmetrySite(species.IndexOf(s.Species), s.Mean)).ToList();
            var spglib = SpglibReference.Analyze(c.Cell, input, tolerance)[0];
            Assert.Equal(cell.SpaceGroup, spglib.Number);
        }
    }
}
