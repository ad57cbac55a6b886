using System.Globalization;
using XccaMap.Crystallography.SpaceGroups;

namespace XccaMap.Tests.Tomography.SpaceGroups;

public class HallSymbolTests
{
    [Theory]
    [InlineData(187, 12, 'P')]
    [InlineData(191, 24, 'P')]
    [InlineData(123, 16, 'P')]
    [InlineData(221, 48, 'P')]
    [InlineData(225, 192, 'F')]
    [InlineData(226, 192, 'F')]
    [InlineData(229, 96, 'I')]
    [InlineData(166, 36, 'R')]
    public void StandardGroups_HaveTheirOrderAndCentring(int number, int operations, char centering)
    {
        var g = SpaceGroupTable.Get(number);
        Assert.Equal(operations, g.Operations.Count);
        Assert.Equal(centering, g.Centering);
        var pg = PointGroupClassifier.Classify(g.Rotations);
        Assert.NotNull(pg);
        Assert.Equal(g.System == CrystalSystem.Trigonal ? CrystalSystem.Trigonal : g.System, pg.Value.System);
    }

    [Fact]
    public void AllGroups_PointGroupsClassifyIntoTheirCrystalSystem()
    {
        for (int n = 1; n <= 230; n++)
        {
            var g = SpaceGroupTable.Get(n);
            var pg = PointGroupClassifier.Classify(g.Rotations);
            Assert.True(pg.HasValue, $"group {n}: rotations not classified");
            Assert.Equal(g.System, pg.Value.System);
        }
    }

    [Fact]
    [Trait("Category", "CrossCheck")]
    public void AllHallSymbols_ExpandToSpglibDatabaseOperations()
    {
        const string script = """
            import spglib
            for h in range(1, 531):
                s = spglib.get_symmetry_from_database(h)
                ops = sorted("%s|%s" % (",".join(str(int(x)) for x in r.flatten()), ",".join("%d" % (round((t % 1) * 24) % 24) for t in tr))
                             for r, tr in zip(s["rotations"], s["translations"]))
                print(h, ";".join(ops))
            """;
        var spglib = Python.Run(script).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => p[1]);
        for (int n = 1; n <= 230; n++)
        {
            var g = SpaceGroupTable.Get(n);
            var ours = g.Operations.Select(o =>
                $"{o.Rotation.M11},{o.Rotation.M12},{o.Rotation.M13},{o.Rotation.M21},{o.Rotation.M22},{o.Rotation.M23},{o.Rotation.M31},{o.Rotation.M32},{o.Rotation.M33}|"
                + string.Join(",", new[] { o.Translation.X, o.Translation.Y, o.Translation.Z }.Select(t => ((int)Math.Round(SymmetryOperation.Wrap(t) * 24) % 24).ToString(CultureInfo.InvariantCulture))))
                .Order(StringComparer.Ordinal);
            Assert.True(spglib[g.HallNumber] == string.Join(";", ours), $"group {n} ({g.Hall}) differs from spglib Hall number {g.HallNumber}");
        }
    }
}
