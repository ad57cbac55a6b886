using System.Globalization;
using System.Text.Json;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.SpaceGroups;

namespace XccaMap.Tests.Tomography.SpaceGroups;

/// <summary>Runs spglib (Debian python3-spglib) on a structure: space-group number and Wyckoff letters.</summary>
internal static class SpglibReference
{
    private const string Script = """
        import sys, json, spglib
        d = json.load(open(sys.argv[1]))
        for s in d["symprec"]:
            r = spglib.get_symmetry_dataset((d["lattice"], d["positions"], d["numbers"]), symprec=s)
            if r is None:
                print(0, "-", "-")
            else:
                print(r["number"], "".join(r["wyckoffs"]), ",".join(r["site_symmetry_symbols"]))
        """;

    /// <summary>(number, Wyckoff letters per site, site-symmetry symbols per site) for each tolerance.</summary>
    public static List<(int Number, string Wyckoffs, string[] SiteSymmetries)> Analyze(Lattice lattice, IReadOnlyList<SymmetrySite> sites, params double[] symprec)
    {
        using var dir = new TempDir();
        string file = dir.File("cell.json");
        // spglib takes the basis vectors as rows.
        var rows = new[] { lattice.A, lattice.B, lattice.C }.Select(v => new[] { v.X, v.Y, v.Z }).ToArray();
        var json = JsonSerializer.Serialize(new
        {
            lattice = rows,
            positions = sites.Select(s => new[] { s.Fractional.X, s.Fractional.Y, s.Fractional.Z }).ToArray(),
            numbers = sites.Select(s => s.Species + 1).ToArray(),
            symprec,
        });
        File.WriteAllText(file, json);
        return Python.Run(Script, file).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' '))
            .Select(p => (int.Parse(p[0], CultureInfo.InvariantCulture), p[1], p[2].Split(',')))
            .ToList();
    }
}
