using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Order;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tests.Tomography;

public class VoronoiQ6Tests
{
    public static TheoryData<string, int, double> Lattices => new()
    {
        { "fcc", 12, 0.57452 },
        { "bcc", 14, 0.51069 },
        { "hcp", 12, 0.48476 },
        { "sc", 6, 0.35355 },
    };

    private static List<Vec3> Make(string name, int n) => name switch
    {
        "fcc" => LatticeBlocks.Fcc(n),
        "bcc" => LatticeBlocks.Bcc(n),
        "hcp" => LatticeBlocks.Hcp(n),
        _ => LatticeBlocks.Sc(n),
    };

    [Theory]
    [MemberData(nameof(Lattices))]
    public void PerfectLattice_ZeroAreaFacetsDropped_GivesKnownNeighbourCountAndQ6(string name, int neighbours, double q6)
    {
        // Axis-aligned (degenerate vertices land exactly on bucket and box planes) and rotated copies.
        var rotation = UnitQuaternion.FromAxisAngle(new Vec3(0.3, -0.5, 0.8).Normalized(), 0.7).ToMatrix();
        var lattice = Make(name, 7);
        var deep = LatticeBlocks.Deep(lattice, 2.5); // chosen on the unrotated block
        foreach (var points in new[] { lattice, LatticeBlocks.Transform(lattice, rotation, new Vec3(3.1, -2.2, 0.4)) })
        {
            var vor = VoronoiBuilder.Compute(points);
            var order = BondOrder.Compute(points, vor);
            Assert.NotEmpty(deep);
            foreach (int i in deep)
            {
                Assert.False(vor.IsOpen[i]);
                Assert.Equal(neighbours, vor.Degree(i));
                Assert.Equal(q6, order.Q6[i], 5);
                Assert.Equal(1.0, order.Cq(i, deep[0]), 9);
            }
        }
    }

    [Fact]
    public void PerfectLattice_CellVolumesTileTheLattice()
    {
        var points = LatticeBlocks.Fcc(6);
        var vor = VoronoiBuilder.Compute(points);
        foreach (int i in LatticeBlocks.Deep(points, 2))
        {
            Assert.Equal(0.25, vor.Volumes[i], 9); // four particles per unit cube
        }
    }

    [Fact]
    public void SurfaceParticles_AreOpen_InteriorOnesClosed()
    {
        var points = LatticeBlocks.AddNoise(LatticeBlocks.Sc(8), 0.05, 3);
        var vor = VoronoiBuilder.Compute(points);
        for (int i = 0; i < points.Count; i++)
        {
            var p = points[i];
            bool onSurface = new[] { p.X, p.Y, p.Z }.Any(v => v < 0.3 || v > 6.7);
            if (onSurface)
            {
                Assert.True(vor.IsOpen[i], $"surface particle {i} at {p} should be open");
            }
            else if (new[] { p.X, p.Y, p.Z }.All(v => v > 1.5 && v < 5.5))
            {
                Assert.False(vor.IsOpen[i], $"interior particle {i} at {p} should be closed");
            }
        }
    }

    [Fact]
    public void SphericalHarmonics_MatchClosedForms()
    {
        Span<double> re = stackalloc double[7], im = stackalloc double[7];
        SphericalHarmonics6.Evaluate(new Vec3(0, 0, 2), re, im);
        Assert.Equal(Math.Sqrt(13 / (4 * Math.PI)), re[0], 12); // Y60 at the pole
        for (int m = 1; m <= 6; m++)
        {
            Assert.Equal(0, re[m], 12);
        }

        // Y66(θ, φ) = (1/64) sqrt(3003/π) sin⁶θ e^{6iφ}.
        var v = new Vec3(Math.Cos(0.3), Math.Sin(0.3), 0);
        SphericalHarmonics6.Evaluate(v, re, im);
        double amp = Math.Sqrt(3003 / Math.PI) / 64;
        Assert.Equal(amp * Math.Cos(1.8), re[6], 12);
        Assert.Equal(amp * Math.Sin(1.8), im[6], 12);
    }

    [Fact]
    public void BondOrder_IsRotationInvariant()
    {
        var pts = LatticeBlocks.AddNoise(LatticeBlocks.Bcc(5), 0.04, 11);
        var rot = UnitQuaternion.FromAxisAngle(new Vec3(1, 2, 3).Normalized(), 1.1).ToMatrix();
        var a = BondOrder.Compute(pts, VoronoiBuilder.Compute(pts));
        var rotated = LatticeBlocks.Transform(pts, rot, Vec3.Zero);
        var b = BondOrder.Compute(rotated, VoronoiBuilder.Compute(rotated));
        foreach (int i in LatticeBlocks.Deep(pts, 1.5))
        {
            Assert.Equal(a.Q6[i], b.Q6[i], 9);
        }
    }
}
