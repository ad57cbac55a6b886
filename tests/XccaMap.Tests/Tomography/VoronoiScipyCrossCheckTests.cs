using System.Globalization;
using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tests.Tomography;

/// <summary>Our Voronoi neighbours against scipy.spatial.Voronoi (Qhull) for interior particles.</summary>
[Trait("Category", "CrossCheck")]
public class VoronoiScipyCrossCheckTests
{
    // Prints, for every point whose Qhull region is bounded, "i: j k l …" (its ridge neighbours).
    private const string Script = """
        import sys, numpy as np
        from scipy.spatial import Voronoi
        p = np.loadtxt(sys.argv[1], delimiter=",")
        v = Voronoi(p)
        nb = [[] for _ in range(len(p))]
        for a, b in v.ridge_points:
            nb[a].append(b); nb[b].append(a)
        for i in range(len(p)):
            reg = v.regions[v.point_region[i]]
            if len(reg) > 0 and -1 not in reg:
                print(i, ":", " ".join(str(j) for j in sorted(nb[i])))
        """;

    public static TheoryData<string> Sets => ["random", "noisy-fcc", "noisy-hcp"];

    [Theory]
    [MemberData(nameof(Sets))]
    public void InteriorNeighbours_EqualScipy(string kind)
    {
        var rng = new Random(20240601);
        List<Vec3> points = kind switch
        {
            "random" => Enumerable.Range(0, 3000).Select(_ => new Vec3(rng.NextDouble() * 60, rng.NextDouble() * 40, rng.NextDouble() * 30)).ToList(),
            "noisy-fcc" => LatticeBlocks.AddNoise(LatticeBlocks.Transform(LatticeBlocks.Fcc(8), Mat3.Identity * 10, Vec3.Zero), 0.35, 5),
            _ => LatticeBlocks.AddNoise(LatticeBlocks.Transform(LatticeBlocks.Hcp(9), Mat3.Identity * 9.4, Vec3.Zero), 0.5, 6),
        };
        using var dir = new TempDir();
        string file = dir.File("points.csv");
        File.WriteAllLines(file, points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:R},{p.Y:R},{p.Z:R}")));
        var scipy = new Dictionary<int, int[]>();
        foreach (var line in Python.Run(Script, file).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(':');
            scipy[int.Parse(parts[0], CultureInfo.InvariantCulture)] =
                parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        }

        // Exact comparison: keep every facet of non-zero area (noise makes every facet real).
        var ours = VoronoiBuilder.Compute(points, new VoronoiOptions { RelativeAreaTolerance = 0 });
        int compared = 0;
        for (int i = 0; i < points.Count; i++)
        {
            if (ours.IsOpen[i] || !scipy.TryGetValue(i, out var expected))
            {
                continue;
            }

            Assert.Equal(expected, ours.NeighborsOf(i).ToArray());
            compared++;
        }

        Assert.True(compared > points.Count / 3, $"only {compared} interior particles compared");
    }
}
