using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Processing;

namespace XccaMap.Tests.Diffraction.Classification;

public class SpatialCleanupTests
{
    private static readonly Raster Grid = new(5, 5, Snake: false);

    private static int[] Filled(int label) => Enumerable.Repeat(label, Grid.Points).ToArray();

    [Fact]
    public void UnexplainedPoint_TakesTheMajorityOfItsClassedNeighbours()
    {
        // Centre (2, 2): neighbours 3 × class 0 (top row), 2 × class 1 (bottom corners), the rest mixed (two classes).
        var labels = Filled(ClassLabels.Mixed);
        var unexplained = new bool[Grid.Points];
        unexplained[12] = true;
        labels[6] = labels[7] = labels[8] = 0;
        labels[16] = labels[18] = 1;
        Assert.Equal(1, SpatialCleanup.Apply(labels, unexplained, Enumerable.Repeat(true, Grid.Points).ToArray(), Grid, minNeighbours: 2));
        Assert.Equal(0, labels[12]);

        // A tie (2 against 2) decides nothing.
        labels[8] = ClassLabels.Mixed;
        labels[12] = ClassLabels.Mixed;
        Assert.Equal(0, SpatialCleanup.Apply(labels, unexplained, Enumerable.Repeat(true, Grid.Points).ToArray(), Grid, minNeighbours: 2));
        Assert.Equal(ClassLabels.Mixed, labels[12]);
    }

    [Fact]
    public void PointWithoutPeaks_EnclosedByOneDomain_TakesItsClass_AHoleDoesNot()
    {
        var hasData = Enumerable.Repeat(true, Grid.Points).ToArray();
        var labels = Filled(3);
        labels[12] = ClassLabels.Empty;
        Assert.Equal(1, SpatialCleanup.Apply(labels, new bool[Grid.Points], hasData, Grid, minNeighbours: 2));
        Assert.Equal(3, labels[12]);

        // Two empty points side by side: a hole in the film, kept; so is an empty point next to a frame never read.
        labels = Filled(3);
        labels[12] = labels[13] = ClassLabels.Empty;
        labels[6] = ClassLabels.Empty;
        hasData[1] = false;
        labels[1] = ClassLabels.Empty;
        Assert.Equal(0, SpatialCleanup.Apply(labels, new bool[Grid.Points], hasData, Grid, minNeighbours: 2));
        Assert.Equal(ClassLabels.Empty, labels[12]);
        Assert.Equal(ClassLabels.Empty, labels[6]);
    }
}
