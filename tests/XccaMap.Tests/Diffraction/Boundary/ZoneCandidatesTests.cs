using XccaMap.Crystallography.Geometry;
using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

public class ZoneCandidatesTests
{
    [Fact]
    public void One_representative_per_class_of_equivalent_directions()
    {
        var zones = ZoneCandidates.Enumerate(2);
        Assert.Equal(zones.Count, zones.Distinct().Count());
        Assert.Contains(zones, z => z.U == 0 && z.V == 0 && z.W == 1);

        // [001], [011], [111] and their opposites are equivalent under the 24 rotations (a 2-fold axis ⟂ turns them over).
        Assert.Single(zones, z => z.U * z.U + z.V * z.V + z.W * z.W == 1);
        Assert.Single(zones, z => z.U * z.U + z.V * z.V + z.W * z.W == 2);
        Assert.Single(zones, z => z.U * z.U + z.V * z.V + z.W * z.W == 3);
        Assert.Equal(ZoneCandidates.Canonical(1, 2, 0), ZoneCandidates.Canonical(0, -2, 1));
    }

    [Fact]
    public void Nearest_low_index_direction()
    {
        var (zone, angle) = ZoneCandidates.Nearest(new Vec3(3.01, 0, -1));
        Assert.Equal((3, 0, -1), (zone.U, zone.V, zone.W));
        Assert.True(angle < 0.2);
    }
}
