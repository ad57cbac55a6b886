using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Symmetry;

namespace XccaMap.Tests.Crystallography;

public class SymmetryTests
{
    private static bool InGroup(Mat3 m) => CubicSymmetry.ProperRotations.Any(g => Mat3.MaxAbsDifference(g, m) < 1e-12);

    [Fact]
    public void CubicGroup_Has24DistinctRotations_AndCloses()
    {
        IReadOnlyList<Mat3> g = CubicSymmetry.ProperRotations;
        Assert.Equal(24, g.Count);
        Assert.Equal(Mat3.Identity, g[0]);
        for (int i = 0; i < g.Count; i++)
        {
            Assert.True(g[i].IsRotation(1e-15));
            for (int j = 0; j < g.Count; j++)
            {
                if (i != j)
                {
                    Assert.True(Mat3.MaxAbsDifference(g[i], g[j]) > 0.5);
                }

                Assert.True(InGroup(g[i] * g[j]), $"{i}·{j} not in group");
            }

            Assert.True(InGroup(g[i].Transpose()));
        }

        for (int i = 0; i < 24; i++)
        {
            Assert.True(Mat3.MaxAbsDifference(CubicSymmetry.ProperRotationQuaternions[i].ToMatrix(), g[i]) < 1e-15);
        }
    }

    [Theory]
    [InlineData(1, 1, 1, 8, 8)]
    [InlineData(2, 0, 0, 6, 6)]
    [InlineData(2, 2, 0, 12, 12)]
    [InlineData(3, 1, 1, 24, 24)]
    [InlineData(1, 2, 3, 48, 24)]
    public void Family_HasTheCubicMultiplicity(int h, int k, int l, int m3m, int proper)
    {
        IReadOnlyList<Miller> family = CubicSymmetry.Family(new Miller(h, k, l));
        Assert.Equal(m3m, family.Count);
        Assert.Equal(proper, CubicSymmetry.Family(new Miller(h, k, l), includeInversion: false).Count);
        Assert.All(family, m => Assert.Equal(h * h + k * k + l * l, m.SumOfSquares));
        Assert.Contains(new Miller(-h, -k, -l), family);
    }

    [Fact]
    public void ZoneLaw_AndZoneFromPlanes()
    {
        var zone = new ZoneAxis(1, 1, 0);
        Assert.True(new Miller(1, -1, 1).IsInZone(zone));
        Assert.True(zone.Contains(new Miller(0, 0, 2)));
        Assert.False(new Miller(2, 0, 0).IsInZone(zone));
        Assert.Equal(new ZoneAxis(0, 0, 1), ZoneAxis.FromPlanes(new Miller(1, 0, 0), new Miller(0, 1, 0)));
        Assert.Equal(new ZoneAxis(1, 1, 0), ZoneAxis.FromPlanes(new Miller(0, 0, 2), new Miller(1, -1, 1)).Reduced()); // (2 2 0)
        Assert.Equal(new Miller(1, 0, 0), new Miller(2, 0, 0).Reduced());
        Assert.True(new Miller(1, 1, 1).IsFccAllowed);
        Assert.True(new Miller(2, 0, 0).IsFccAllowed);
        Assert.False(new Miller(1, 0, 0).IsFccAllowed);
        Assert.False(new Miller(2, 1, 0).IsFccAllowed);
        Assert.False(new Miller(0, 0, 0).IsFccAllowed);
    }
}
