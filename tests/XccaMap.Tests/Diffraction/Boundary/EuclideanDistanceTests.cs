using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

public class EuclideanDistanceTests
{
    [Theory]
    [InlineData(1, 17, 23, 0.05)]
    [InlineData(2, 31, 9, 0.01)]
    [InlineData(3, 1, 40, 0.2)]
    public void Matches_the_brute_force_twin(int seed, int rows, int cols, double density)
    {
        var random = new Random(seed);
        var feature = Enumerable.Range(0, rows * cols).Select(_ => random.NextDouble() < density).ToArray();
        feature[random.Next(feature.Length)] = true;
        var fast = EuclideanDistance.Distance(feature, rows, cols);
        var reference = EuclideanDistance.DistanceReference(feature, rows, cols);
        for (int i = 0; i < fast.Length; i++)
        {
            Assert.Equal(reference[i], fast[i], 1e-9);
        }
    }

    [Fact]
    public void Without_features_every_distance_is_infinite()
    {
        var d = EuclideanDistance.Distance(new bool[12], 3, 4);
        Assert.All(d, x => Assert.True(double.IsPositiveInfinity(x)));
    }

    [Fact]
    public void Known_answer_3_4_5()
    {
        var feature = new bool[10 * 10];
        feature[0] = true;
        var d = EuclideanDistance.Distance(feature, 10, 10);
        Assert.Equal(5.0, d[(3 * 10) + 4], 12);
        Assert.Equal(Math.Sqrt(162), d[99], 12);
    }
}
