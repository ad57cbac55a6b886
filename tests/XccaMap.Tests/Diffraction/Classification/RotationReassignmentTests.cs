using XccaMap.Diffraction.Classification;

namespace XccaMap.Tests.Diffraction.Classification;

public class RotationReassignmentTests
{
    private const double Margin = 0.05, MinScore = 0.05, Dominance = 2;

    private static int Choose(int current, params (double Score, double Tilt)[] row) =>
        RotationReassignment.Choose(row, current, Margin, MinScore, Dominance);

    [Fact]
    public void ClearlyBetterClass_TakesThePoint()
    {
        // Class 1 under a 4° tilt explains 0.6 of the pattern, the current class 0 only 0.1.
        Assert.Equal(1, Choose(0, (0.1, 2), (0.6, 4), (0.02, 8)));

        // A mixed point goes to a class that explains twice what any other does.
        Assert.Equal(2, Choose(ClassLabels.Mixed, (0.1, 2), (0.05, 4), (0.3, 8)));
    }

    [Fact]
    public void NearEqualClasses_ThePointKeepsItsClass_OrTheSmallerTiltWins()
    {
        // Better, but not twice as good: no change.
        Assert.Equal(0, Choose(0, (0.3, 2), (0.5, 4)));

        // Two classes within 5 % of each other: the smaller tilt is preferred, and the current class is one of them.
        Assert.Equal(0, Choose(0, (0.48, 3), (0.5, 9)));

        // Within 5 % the smaller tilt wins even over a slightly higher score, when it dominates the current class.
        Assert.Equal(2, Choose(0, (0.1, 1), (0.5, 12), (0.49, 3)));
    }

    [Fact]
    public void PointExplainedByNoClass_KeepsItsLabel()
    {
        Assert.Equal(1, Choose(1, (0.04, 2), (0.001, 4)));
        Assert.Equal(ClassLabels.Mixed, Choose(ClassLabels.Mixed, (0.01, 2), (0.03, 4)));
    }
}
