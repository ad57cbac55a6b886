using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

public class LineProfilerTests
{
    private static (ResultsMaps Maps, BoundaryResult R) Setup(double edgeCol = 29.8)
    {
        var maps = SyntheticMaps.Create(edgeCol: edgeCol);
        return (maps, BoundaryResult.Analyse(maps));
    }

    [Fact]
    public void Finds_the_edge_where_scattering_stops_to_a_fraction_of_a_step()
    {
        var (maps, r) = Setup(edgeCol: 29.8);
        var line = LineProfiler.Profile(maps, r.Domains, r.Distances, r.QMap, 10, 2, 10, 37);
        Assert.Equal(EdgeKind.ScatteringStops, line.Edge);
        Assert.True(line.EdgeRefined);

        // Truth: the edge at column 29.8, i.e. 27.8 steps from the start.
        Assert.Equal(27.8 * SyntheticMaps.Step, line.EdgePosition, 0.03);
        Assert.Equal(SyntheticMaps.C, line.Fit.Amplitude, 0.005);
        Assert.Equal(SyntheticMaps.L, line.Fit.DecayLength, 0.1 * SyntheticMaps.L);
        Assert.Equal(1.0, line.CosAngle, 0.05);
        Assert.Equal(36, line.Samples.Count);
        Assert.All(line.Samples.Where(s => s.Domain == 0), s => Assert.True(s.EdgeDistance > 0));
    }

    [Fact]
    public void A_line_from_outside_is_reversed_and_bilinear_sampling_interpolates()
    {
        var (maps, r) = Setup();
        var line = LineProfiler.Profile(maps, r.Domains, r.Distances, r.QMap, 10, 37, 10, 2.5, new LineOptions { Sampling = LineSampling.Bilinear, SpacingSteps = 0.5 });
        Assert.Contains(line.Notes, n => n.Contains("reversed", StringComparison.Ordinal));
        Assert.Equal(2.5, line.FromCol);
        var s = line.Samples[1];
        Assert.Equal(3.0, s.Col, 9);
        Assert.Equal(0.05, line.Samples[1].Position - line.Samples[0].Position, 9);
        int i0 = (10 * maps.Cols) + 2, i1 = i0 + 1;
        Assert.Equal(0.5 * (r.QMap.Q[i0] + r.QMap.Q[i1]), line.Samples[0].Q, 12);
    }

    [Fact]
    public void A_line_that_stays_inside_uses_the_map_distances()
    {
        var (maps, r) = Setup();
        var line = LineProfiler.Profile(maps, r.Domains, r.Distances, r.QMap, 2, 5, 15, 5);
        Assert.Equal(EdgeKind.NotFound, line.Edge);
        Assert.All(line.Samples, s => Assert.Equal(s.MapEdgeDistance, s.EdgeDistance));
        Assert.Throws<ArgumentException>(() => LineProfiler.Profile(maps, r.Domains, r.Distances, r.QMap, 2, 5, 2, 5));
        Assert.Throws<ArgumentException>(() => LineProfiler.Profile(maps, r.Domains, r.Distances, r.QMap, 2, 5, 99, 5));
    }
}
