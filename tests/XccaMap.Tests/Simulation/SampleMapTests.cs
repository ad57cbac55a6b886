using XccaMap.Simulation.Model;
using XccaMap.Simulation.Scan;

namespace XccaMap.Tests.Simulation;

/// <summary>The sample model: grains, labels, boundary compression and rotation, reproducibility.</summary>
public sealed class SampleMapTests
{
    private static ScanDefinition Demo(int? seed = null)
    {
        var d = ScanDefinitionJson.Read(RepoFiles.Scan("demo.json"));
        return seed is null ? d : d with { Seed = seed.Value };
    }

    private static SampleMap Map(ScanDefinition d) =>
        SampleMap.Create(d, new RasterLayout(d.Raster.Rows, d.Raster.Cols, d.Raster.StepUm, d.Raster.Order));

    [Fact]
    public void Labels_follow_the_footprint_shares()
    {
        var d = Demo();
        var map = Map(d);
        var seen = new HashSet<int>();
        foreach (var p in map.Points)
        {
            seen.Add(p.Label);
            var present = p.Contributions().Where(c => c.HasSample && c.Fraction >= d.Sample.MixedThreshold).Select(c => c.ClassIndex).Distinct().ToList();
            int expected = present.Count == 0 ? PointState.Empty : present.Count == 1 ? present[0] : PointState.Mixed;
            Assert.Equal(expected, p.Label);
            Assert.Equal(1.0, p.Contributions().Sum(c => c.Fraction), 12);
            Assert.InRange(p.Thickness, 0.05, 3);
        }

        Assert.Contains(0, seen);
        Assert.Contains(1, seen);
        Assert.Contains(2, seen);
        Assert.Contains(PointState.Mixed, seen);
    }

    [Fact]
    public void The_lattice_is_compressed_and_rotated_at_domain_edges_only()
    {
        var d = Demo() with { Raster = new RasterSettings { Rows = 40, Cols = 40, StepUm = 0.25 } };
        var map = Map(d);
        var s = d.Sample;
        foreach (var p in map.Points)
        {
            var c = p.Primary;
            double expectedScale = 1 + (s.BoundaryCompression * Math.Exp(-p.DistanceUm / s.CompressionDecayUm));
            Assert.Equal(expectedScale, c.QScale, 12);
            Assert.Equal(s.BoundaryRotationDeg * Math.Exp(-p.DistanceUm / s.RotationDecayUm), Math.Abs(c.RotationDeg), 9);
        }

        var deep = map.Points.ToArray().Where(p => p.DistanceUm > 4 * s.CompressionDecayUm).ToList();
        var edge = map.Points.ToArray().Where(p => p.DistanceUm < 0.1).ToList();
        Assert.NotEmpty(deep);
        Assert.NotEmpty(edge);
        Assert.All(deep, p => Assert.InRange(p.Primary.QScale, 1, 1.002));
        // Within 0.1 µm of the edge (decay length 0.6 µm): at least 1 + 0.08·e^(−1/6) and 11°·e^(−1/6).
        Assert.All(edge, p => Assert.InRange(p.Primary.QScale, 1.067, 1.08));
        Assert.All(edge, p => Assert.InRange(Math.Abs(p.Primary.RotationDeg), 9.3, 11));
    }

    [Fact]
    public void The_distance_transform_is_exact_on_a_known_feature()
    {
        var feature = new bool[7 * 9];
        feature[(3 * 9) + 4] = true;
        var d = DistanceTransform.Compute(feature, 7, 9);
        Assert.Equal(0, d[(3 * 9) + 4]);
        Assert.Equal(5, d[(0 * 9) + 0], 12); // (3, 4) → 5
        Assert.Equal(Math.Sqrt(9 + 16), d[(6 * 9) + 8], 12);
        Assert.All(DistanceTransform.Compute(new bool[6], 2, 3), v => Assert.True(double.IsPositiveInfinity(v)));
    }

    [Fact]
    public void Same_seed_same_sample_other_seed_other_sample()
    {
        var a = Map(Demo()).Points.ToArray().Select(p => p.Label).ToArray();
        var b = Map(Demo()).Points.ToArray().Select(p => p.Label).ToArray();
        var c = Map(Demo(seed: 12345)).Points.ToArray().Select(p => p.Label).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Raster_order_maps_frames_to_points_and_back()
    {
        var snake = new RasterLayout(3, 4, 0.25, ScanOrder.Snake);
        Assert.Equal((1, 3), snake.PointOfFrame(4));
        Assert.Equal((1, 0), snake.PointOfFrame(7));
        var rowMajor = snake with { Order = ScanOrder.RowMajor };
        Assert.Equal((1, 0), rowMajor.PointOfFrame(4));
        for (int f = 0; f < 12; f++)
        {
            var (r, c) = snake.PointOfFrame(f);
            Assert.Equal(f, snake.FrameOfPoint(r, c));
            (r, c) = rowMajor.PointOfFrame(f);
            Assert.Equal(f, rowMajor.FrameOfPoint(r, c));
        }
    }
}
