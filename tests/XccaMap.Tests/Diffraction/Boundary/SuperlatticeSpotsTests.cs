using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Orientation;
using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

public class SuperlatticeSpotsTests
{
    [Theory]
    [InlineData(0, 0, 1, 20.0)]
    [InlineData(1, 1, 2, -35.0)]
    [InlineData(3, 0, -1, 101.0)]
    public void The_fast_twin_gives_the_reference_simulators_spots(int u, int v, int w, double psi)
    {
        var model = new SuperlatticeSpots(150, 0.3);
        var shape = new SpotShape(1.2, 0.0011);
        var r = AxisAngle.RotationMatrixDeg(new Vec3(1, 2, 0), 4) * OrientationFactory.FromZoneAxis(u, v, w, psi);
        var buffer = new ModelSpot[model.Count];
        int n = model.Generate(r, 1.0, shape, 0.898, 0, 0.3, buffer);
        var reference = model.Reference(shape, 0.3).Spots(r, 0.898);
        Assert.Equal(reference.Length, n);
        foreach (var s in reference)
        {
            var mine = buffer.Take(n).Single(m => Math.Abs(m.Q - s.Q) < 1e-12 && Math.Abs(Angles.Wrap180(m.PhiDeg - s.PhiDeg)) < 1e-9);
            Assert.Equal(s.Intensity, mine.Intensity, s.Intensity * 1e-9);
            Assert.Equal(s.SigmaPhiDeg, mine.SigmaPhiDeg, 1e-9);
            Assert.Equal(s.SigmaQ, mine.SigmaQ, 1e-12);
            Assert.Equal((s.Hkl.H * s.Hkl.H) + (s.Hkl.K * s.Hkl.K) + (s.Hkl.L * s.Hkl.L), model.FamilyN[mine.Family]);
        }
    }

    [Fact]
    public void Scale_compresses_the_lattice()
    {
        var model = new SuperlatticeSpots(150, 0.3);
        var buffer = new ModelSpot[model.Count];
        var r = OrientationFactory.FromZoneAxis(0, 0, 1, 0);
        int n = model.Generate(r, 1.05, SyntheticCake.Shape, 0.898, 0, 0.3, buffer);
        double q200 = 2 * Math.PI * 2 / 150;
        Assert.Contains(buffer.Take(n), s => Math.Abs(s.Q - (1.05 * q200)) < 1e-12);
    }
}
