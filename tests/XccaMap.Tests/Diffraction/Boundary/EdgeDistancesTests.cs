using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

public class EdgeDistancesTests
{
    [Fact]
    public void A_straight_edge_lies_half_way_between_the_last_point_in_and_the_first_out()
    {
        var maps = SyntheticMaps.Create(rows: 10, cols: 20, edgeCol: 12.5);
        var d = DomainSegmentation.Segment(maps.SaxsClass, maps.Rows, maps.Cols, maps.StepUm);
        var e = EdgeDistances.Compute(d, maps.SaxsClass, maps.StepUm, "um");
        for (int c = 0; c <= 12; c++)
        {
            // Points 0..12 are inside; the edge is half-way between columns 12 and 13.
            Assert.Equal((12.5 - c) * 0.1, e.Distance[(5 * 20) + c], 9);
        }

        Assert.True(double.IsNaN(e.Distance[(5 * 20) + 13]));
        Assert.False(e.Censored[(5 * 20) + 12]);

        // Column 0 is half a step from the raster border but 1.25 µm from the edge: censored.
        Assert.True(e.Censored[(5 * 20) + 0]);
        Assert.Equal(0.05, e.Unknown[(5 * 20) + 0], 9);
    }

    [Fact]
    public void A_diagonal_edge_is_within_a_third_of_a_step_of_the_truth()
    {
        int n = 30;
        var labels = new int[n * n];
        for (int r = 0; r < n; r++)
        {
            for (int c = 0; c < n; c++)
            {
                labels[(r * n) + c] = r + c < 30.3 ? 0 : ResultsMaps.Empty;
            }
        }

        var d = DomainSegmentation.Segment(labels, n, n, 1);
        var e = EdgeDistances.Compute(d, labels, 1, "um");
        double worst = 0;
        for (int r = 5; r < 25; r++)
        {
            for (int c = 5; c < 25; c++)
            {
                if (labels[(r * n) + c] == 0 && r + c > 22)
                {
                    double truth = (30.3 - r - c) / Math.Sqrt(2);
                    worst = Math.Max(worst, Math.Abs(e.Distance[(r * n) + c] - truth));
                }
            }
        }

        Assert.True(worst <= 0.3, $"worst error {worst:0.000} steps");
    }
}
