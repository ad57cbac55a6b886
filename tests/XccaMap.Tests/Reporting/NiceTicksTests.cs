using XccaMap.Reporting;

namespace XccaMap.Tests.Reporting;

public class NiceTicksTests
{
    [Theory]
    [InlineData(1.0, 6, 0.2)]
    [InlineData(0.25, 6, 0.05)]
    [InlineData(97.0, 6, 20)]
    [InlineData(0.03, 5, 0.01)]
    [InlineData(4.0, 5, 1)]
    public void Step_IsOneTwoOrFiveTimesAPowerOfTen(double span, int maxTicks, double expected) =>
        Assert.Equal(expected, NiceTicks.Step(span, maxTicks), 12);

    [Fact]
    public void Cover_ContainsTheDataOnWholeSteps()
    {
        var (min, max, step) = NiceTicks.Cover(0.1312, 0.1588, 8);
        Assert.Equal((0.13, 0.16, 0.005), (min, max, step));
        Assert.Equal(["0.130", "0.135", "0.140"], NiceTicks.Labels([0.13, 0.135, 0.14], step));
    }

    [Fact]
    public void Linear_TicksInsideRange_NoNegativeZero()
    {
        double[] t = NiceTicks.Linear(-0.3, 0.3, 7);
        Assert.Equal([-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3], t);
        Assert.Equal(["-0.3", "-0.2", "-0.1", "0.0", "0.1", "0.2", "0.3"], NiceTicks.Labels(t, 0.1));
    }

    [Fact]
    public void Labels_UseExponentsOnlyForExtremeMagnitudes()
    {
        Assert.Equal(["0", "2e5", "4e5"], NiceTicks.Labels([0, 2e5, 4e5], 2e5));
        Assert.Equal(["0", "500", "1000"], NiceTicks.Labels([0, 500, 1000], 500));
        Assert.Equal(["1.0e-5", "1.5e-5"], NiceTicks.Labels([1e-5, 1.5e-5], 5e-6));
    }

    [Fact]
    public void Log10_DecadesAndSubdivisions()
    {
        Assert.Equal([1, 10, 100, 1000, 10000], NiceTicks.Log10(0.5, 20000));
        Assert.Equal([20, 50, 100, 200], NiceTicks.Log10(15, 300));
        Assert.Equal(["0.001", "1", "1000", "1e6"], NiceTicks.LogLabels([1e-3, 1, 1e3, 1e6]));
        double[] thinned = NiceTicks.Log10(1e-6, 1e12, 5);
        Assert.True(thinned.Length <= 5 && thinned.Length >= 2);
    }

    [Theory]
    [InlineData(0.14523, 4, "0.1452")]
    [InlineData(149.87, 4, "149.9")]
    [InlineData(-2.0e-7, 3, "-2.00e-7")]
    [InlineData(0, 4, "0")]
    [InlineData(double.NaN, 4, "NaN")]
    public void Format_SignificantDigits(double v, int digits, string expected) => Assert.Equal(expected, NiceTicks.Format(v, digits));
}
