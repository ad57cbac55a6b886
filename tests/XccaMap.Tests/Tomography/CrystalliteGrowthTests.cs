using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Crystallites;
using XccaMap.Tomography.Order;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tests.Tomography;

public class CrystalliteGrowthTests
{
    [Fact]
    public void TwoFccGrains_GiveTwoCrystallitesSplitAtTheBoundary()
    {
        // Two fcc blocks (a = 10 nm) side by side along x, the second turned by 35° about z, 0.3 nm noise.
        var rot = UnitQuaternion.FromAxisAngle(Vec3.UnitZ, 35 * Math.PI / 180).ToMatrix();
        var left = LatticeBlocks.Transform(LatticeBlocks.Fcc(7), Mat3.Identity * 10, Vec3.Zero).Where(p => p.X < 60).ToList();
        var right = LatticeBlocks.Transform(LatticeBlocks.Fcc(9), rot * (Mat3.Identity * 10), new Vec3(60, -20, 0))
            .Where(p => p.X >= 64 && p.X < 124 && p.Y >= 0 && p.Y < 70 && p.Z < 70).ToList();
        var points = LatticeBlocks.AddNoise([.. left, .. right], 0.3, 9);
        var vor = VoronoiBuilder.Compute(points);
        var order = BondOrder.Compute(points, vor);
        var (found, of, _) = CrystalliteDetector.Detect(points, vor, order, 3.5, 0.5, 50, 0.3);
        Assert.Equal(2, found.Count);
        foreach (var f in found)
        {
            bool isLeft = points[f.Members[0]].X < 62;
            // Completion may take a few boundary particles of the other grain that happen to sit near a node.
            int strays = f.Members.Count(i => isLeft != (points[i].X < 62));
            Assert.True(strays <= 0.03 * f.Members.Count, $"{strays} of {f.Members.Count} members from the other grain");
            Assert.True(f.Members.Count > 0.9 * (isLeft ? left.Count : right.Count), $"{f.Members.Count} members");
            Assert.Equal(250.0, f.Fit.Lattice.Volume, tolerance: 5.0); // fcc primitive cell a³/4
        }

        Assert.True(of.Count(c => c >= 0) > 0.9 * points.Count);
    }
}
