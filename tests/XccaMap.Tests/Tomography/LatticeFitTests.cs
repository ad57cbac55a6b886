using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Tomography.Structure;

namespace XccaMap.Tests.Tomography;

public class LatticeFitTests
{
    [Fact]
    public void NoisyMultiSiteCrystal_FirstGuessAndEq5RecoverTheCell()
    {
        // Hexagonal cell a = 12, c = 9 nm with three sites (AlB2 arrangement, one species), rotated, 0.4 nm noise, 10 % missing.
        var lattice = Lattice.FromParameters(12, 12, 9, 90, 90, 120);
        var rot = UnitQuaternion.FromAxisAngle(new Vec3(0.2, 0.9, -0.4).Normalized(), 0.8).ToMatrix();
        var basis = new[] { new Vec3(0, 0, 0), new Vec3(1.0 / 3, 2.0 / 3, 0.5), new Vec3(2.0 / 3, 1.0 / 3, 0.5) };
        var rng = new Random(3);
        var points = new List<Vec3>();
        for (int i = 0; i < 8; i++)
        {
            for (int j = 0; j < 8; j++)
            {
                for (int k = 0; k < 8; k++)
                {
                    foreach (var s in basis)
                    {
                        if (rng.NextDouble() > 0.1)
                        {
                            points.Add((rot * lattice.ToCartesian(new Vec3(i, j, k) + s)) + (new Vec3(LatticeBlocks.Gauss(rng), LatticeBlocks.Gauss(rng), LatticeBlocks.Gauss(rng)) * 0.4));
                        }
                    }
                }
            }
        }

        var guess = LatticeFinder.Find(points, 3.0);
        Assert.NotNull(guess);
        var fit = LatticeSelection.Choose(points, guess, 0.3 * guess.NearestNeighbor);
        Assert.NotNull(fit);
        Assert.Equal(3, fit.SiteCount);
        Assert.True(fit.Fitted > 0.99 * points.Count, $"{fit.Fitted} of {points.Count} on the lattice");
        Assert.Equal(lattice.Volume, fit.Lattice.Volume, 0.005 * lattice.Volume);
        var reduced = fit.Lattice.NiggliReduce().Lattice.Parameters;
        var expected = lattice.NiggliReduce().Lattice.Parameters;
        Assert.Equal(expected.A, reduced.A, 0.05);
        Assert.Equal(expected.B, reduced.B, 0.05);
        Assert.Equal(expected.C, reduced.C, 0.05);
        Assert.Equal(0.4 * Math.Sqrt(3), fit.Rms, 0.05);
    }

    [Fact]
    public void HermiteNormalForms_CountAllSublattices()
    {
        // Number of sublattices of index n of Z³: 1, 7, 13, 35.
        Assert.Equal(7, SublatticeSelection.HermiteNormalForms(2).Count());
        Assert.Equal(13, SublatticeSelection.HermiteNormalForms(3).Count());
        Assert.Equal(35, SublatticeSelection.HermiteNormalForms(4).Count());
        Assert.All(SublatticeSelection.HermiteNormalForms(4), h => Assert.Equal(4, h.Determinant, 9));
    }
}
