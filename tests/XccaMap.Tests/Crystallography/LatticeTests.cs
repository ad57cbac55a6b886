using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Tests.Crystallography;

public class LatticeTests
{
    [Fact]
    public void ReciprocalBasis_SatisfiesTwoPiDelta_ForTriclinicCell()
    {
        Lattice l = Lattice.FromParameters(5, 6, 7, 80, 95, 100);
        Vec3[] direct = [l.A, l.B, l.C];
        Vec3[] recip = [l.AStar, l.BStar, l.CStar];
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(i == j ? 2 * Math.PI : 0, Vec3.Dot(direct[i], recip[j]), 12);
            }
        }

        Mat3 expected = l.MetricTensor.Inverse() * (4 * Math.PI * Math.PI);
        Assert.True(Mat3.MaxAbsDifference(l.ReciprocalMetricTensor, expected) < 1e-12);
    }

    [Fact]
    public void Parameters_RoundTrip_AndVolumeMatchesFormula()
    {
        var p = new LatticeParameters(5, 6, 7, 80, 95, 100);
        Lattice l = Lattice.FromParameters(p);
        Assert.True(l.Parameters.ApproximatelyEquals(p, 1e-12, 1e-10), l.Parameters.ToString());
        double ca = Math.Cos(Angles.ToRad(80)), cb = Math.Cos(Angles.ToRad(95)), cg = Math.Cos(Angles.ToRad(100));
        double v = 5 * 6 * 7 * Math.Sqrt(1 - (ca * ca) - (cb * cb) - (cg * cg) + (2 * ca * cb * cg));
        Assert.Equal(v, l.Volume, 9);
        Assert.True(l.IsRightHanded);
        var x = new Vec3(0.1, 0.7, -0.3);
        Assert.True(Vec3.MaxAbsDifference(l.ToFractional(l.ToCartesian(x)), x) < 1e-14);
    }

    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(1, 1, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(2, 0, 0)]
    [InlineData(3, 1, 1)]
    [InlineData(3, -2, 4)]
    public void CubicDSpacing_IsAOverSqrtSumOfSquares(int h, int k, int l)
    {
        Lattice lattice = Lattice.Cubic(4.2);
        var m = new Miller(h, k, l);
        Assert.Equal(4.2 / Math.Sqrt(m.SumOfSquares), lattice.DSpacing(m), 12);
        Assert.Equal(2 * Math.PI / lattice.DSpacing(m), lattice.Q(m), 12);
    }

    [Fact]
    public void HexagonalDSpacing_KnownAnswer()
    {
        Lattice l = Lattice.FromParameters(3, 3, 5, 90, 90, 120);
        Assert.Equal(3 * Math.Sqrt(3) / 2, l.DSpacing(new Miller(1, 0, 0)), 12);
        Assert.Equal(5, l.DSpacing(new Miller(0, 0, 1)), 12);
        Assert.Equal(1.5, l.DSpacing(new Miller(1, 1, 0)), 12);
    }

    [Fact]
    public void FccSuperlattice_QValues_For150Angstrom()
    {
        Lattice sl = Lattice.Cubic(150);
        Assert.Equal(2 * Math.PI * Math.Sqrt(3) / 150, sl.Q(new Miller(1, 1, 1)), 14);
        Assert.Equal(2 * Math.PI * 2 / 150, sl.Q(new Miller(2, 0, 0)), 14);
        Assert.Equal(2 * Math.PI * Math.Sqrt(8) / 150, sl.Q(new Miller(2, 2, 0)), 14);
        Assert.Equal(2 * Math.PI * Math.Sqrt(11) / 150, sl.Q(new Miller(3, 1, 1)), 14);
        Assert.Equal(0.0838, sl.Q(new Miller(2, 0, 0)), 4); // the paper's q_200 = 0.083 Å⁻¹
    }

    [Fact]
    public void IndexBounds_CoverAllReflectionsBelowQMax()
    {
        Lattice l = Lattice.FromParameters(5, 6, 7, 80, 95, 100);
        const double qMax = 3.0;
        (int hm, int km, int lm) = l.IndexBounds(qMax);
        foreach (Miller m in Miller.Enumerate(12))
        {
            if (l.Q(m) <= qMax)
            {
                Assert.True(Math.Abs(m.H) <= hm && Math.Abs(m.K) <= km && Math.Abs(m.L) <= lm, m.ToString());
            }
        }
    }

    [Fact]
    public void Coplanar_Basis_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Lattice.FromBasis(Vec3.UnitX, Vec3.UnitY, new Vec3(1, 1, 0)));
        Assert.Throws<ArgumentException>(() => Lattice.FromParameters(1, 1, 1, 120, 120, 120));
    }
}
