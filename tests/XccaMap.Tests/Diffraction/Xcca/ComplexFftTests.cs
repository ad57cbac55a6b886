using System.Numerics;
using XccaMap.Diffraction.Xcca;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>The mixed-radix plan against the plain O(N²) DFT.</summary>
public sealed class ComplexFftTests
{
    public static TheoryData<int> Lengths() => [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 15, 16, 25, 27, 49, 64, 77, 97, 120, 180, 360, 720, 1000, 1440];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Forward_and_inverse_match_the_reference_dft(int n)
    {
        var rng = new Random(n);
        var x = Enumerable.Range(0, n).Select(_ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5)).ToArray();
        var expected = new Complex[n];
        ComplexFft.ReferenceDft(x, expected);
        var plan = new ComplexFft(n);
        var y = (Complex[])x.Clone();
        plan.Forward(y, new Complex[n]);
        double scale = expected.Max(c => c.Magnitude);
        for (int k = 0; k < n; k++)
        {
            Assert.True((y[k] - expected[k]).Magnitude <= 1e-12 * Math.Max(scale, 1), $"N = {n}, bin {k}: {y[k]} vs {expected[k]}");
        }

        plan.Inverse(y, new Complex[n]);
        for (int k = 0; k < n; k++)
        {
            Assert.True((y[k] - x[k]).Magnitude <= 1e-13, $"round trip N = {n}, bin {k}");
        }
    }

    [Fact]
    public void Plan_of_360_uses_fast_radices_only()
    {
        Assert.Equal([4, 2, 3, 3, 5], new ComplexFft(360).Radices);
        Assert.Equal([4, 4, 4, 4, 4, 3, 3, 5], new ComplexFft(360 * 128).Radices);
        Assert.Equal([4, 2, 3, 3, 5], new ComplexFft(360).Radices.ToArray());
    }

    [Fact]
    public void Single_harmonic_lands_in_its_bin()
    {
        const int N = 360;
        var x = Enumerable.Range(0, N).Select(j => Complex.FromPolarCoordinates(1, 2 * Math.PI * 7 * j / N)).ToArray();
        new ComplexFft(N).Forward(x, new Complex[N]);
        Assert.Equal(N, x[7].Real, 9);
        Assert.True(x.Where((_, k) => k != 7).All(c => c.Magnitude < 1e-9));
    }
}
