using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Tests.Crystallography;

public class NiggliReductionTests
{
    private static Lattice FromG6(double a, double b, double c, double xi, double eta, double zeta) => Lattice.FromParameters(
        Math.Sqrt(a), Math.Sqrt(b), Math.Sqrt(c),
        Angles.ToDeg(Math.Acos(xi / (2 * Math.Sqrt(b * c)))),
        Angles.ToDeg(Math.Acos(eta / (2 * Math.Sqrt(a * c)))),
        Angles.ToDeg(Math.Acos(zeta / (2 * Math.Sqrt(a * b)))));

    private static void AssertG6(ReducedCell cell, double a, double b, double c, double xi, double eta, double zeta, double tol)
    {
        var g = cell.G6;
        Assert.True(
            Math.Abs(g.A - a) < tol && Math.Abs(g.B - b) < tol && Math.Abs(g.C - c) < tol
            && Math.Abs(g.Xi - xi) < tol && Math.Abs(g.Eta - eta) < tol && Math.Abs(g.Zeta - zeta) < tol,
            $"G6 = {g}, expected ({a}, {b}, {c}, {xi}, {eta}, {zeta})");
    }

    private static void AssertIsNiggliAndSameLattice(Lattice input, ReducedCell cell)
    {
        var g = cell.G6;
        double e = 1e-6 * Math.Pow(input.Volume, 2.0 / 3.0);
        Assert.True(g.A <= g.B + e && g.B <= g.C + e, $"ordering {g}");
        Assert.True(Math.Abs(g.Xi) <= g.B + e && Math.Abs(g.Eta) <= g.A + e && Math.Abs(g.Zeta) <= g.A + e, $"main conditions {g}");
        bool allPositive = g.Xi > e && g.Eta > e && g.Zeta > e;
        bool allNonPositive = g.Xi <= e && g.Eta <= e && g.Zeta <= e;
        Assert.True(allPositive || allNonPositive, $"sign condition {g}");
        Assert.True(g.Xi + g.Eta + g.Zeta + g.A + g.B >= -e, $"A8 condition {g}");
        Mat3 t = cell.Transformation;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(Math.Round(t[i, j]), t[i, j]);
            }
        }

        Assert.Equal(1, Math.Abs(t.Determinant), 9);
        Assert.Equal(input.Volume, cell.Lattice.Volume, 6);
        Assert.Equal(input.IsRightHanded, cell.Lattice.IsRightHanded);
    }

    [Fact]
    public void KrivyGruber1976_Example_ReducesTo_4_9_9_9_3_4()
    {
        Lattice l = FromG6(9, 27, 4, -5, -4, -22);
        ReducedCell cell = l.NiggliReduce();
        AssertIsNiggliAndSameLattice(l, cell);
        AssertG6(cell, 4, 9, 9, 9, 3, 4, 1e-9);
    }

    [Fact]
    public void SkewedFccPrimitiveCell_ReducesToRhombohedral60Degrees()
    {
        const double a = 150;
        Vec3 p1 = new Vec3(0, 0.5, 0.5) * a, p2 = new Vec3(0.5, 0, 0.5) * a, p3 = new Vec3(0.5, 0.5, 0) * a;
        // A unimodular (det 1) skew of the primitive basis.
        Lattice skewed = Lattice.FromBasis(p1 + (2 * p2), p2 - p3, p1 + (3 * p2)); // columns (1,2,0), (0,1,−1), (1,3,0): det 1
        ReducedCell cell = skewed.NiggliReduce();
        AssertIsNiggliAndSameLattice(skewed, cell);
        LatticeParameters r = cell.Lattice.Parameters;
        Assert.True(r.ApproximatelyEquals(new LatticeParameters(a / Math.Sqrt(2), a / Math.Sqrt(2), a / Math.Sqrt(2), 60, 60, 60), 1e-9, 1e-7), r.ToString());
    }

    [Fact]
    public void BccPrimitiveCell_IsTypeII_With109Degrees()
    {
        const double a = 4;
        Lattice bcc = Lattice.FromBasis(new Vec3(-1, 1, 1) * (a / 2), new Vec3(1, -1, 1) * (a / 2), new Vec3(1, 1, -1) * (a / 2));
        ReducedCell cell = bcc.NiggliReduce();
        AssertIsNiggliAndSameLattice(bcc, cell);
        double angle = Angles.ToDeg(Math.Acos(-1.0 / 3));
        Assert.True(cell.Lattice.Parameters.ApproximatelyEquals(new LatticeParameters(a * Math.Sqrt(3) / 2, a * Math.Sqrt(3) / 2, a * Math.Sqrt(3) / 2, angle, angle, angle), 1e-9, 1e-7));
    }

    [Fact]
    public void CubicCell_IsAlreadyReduced()
    {
        ReducedCell cell = Lattice.Cubic(5.936).NiggliReduce();
        AssertG6(cell, 5.936 * 5.936, 5.936 * 5.936, 5.936 * 5.936, 0, 0, 0, 1e-9);
    }

    [Fact]
    public void RandomUnimodularBases_OfOneLattice_ReduceToTheSameG6()
    {
        Lattice reference = Lattice.FromParameters(5, 6.5, 7.2, 81, 97, 104);
        ReducedCell expected = reference.NiggliReduce();
        var random = new Random(2024);
        for (int trial = 0; trial < 60; trial++)
        {
            Mat3 t = Mat3.Identity;
            for (int step = 0; step < 6; step++)
            {
                // Elementary shear: column j += s · column i (det 1).
                int i = random.Next(3), j = (i + 1 + random.Next(2)) % 3, s = random.Next(-2, 3);
                double[] e = [1, 0, 0, 0, 1, 0, 0, 0, 1];
                e[(3 * i) + j] = s;
                t *= new Mat3(e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8]);
            }

            Lattice skewed = Lattice.FromDirectMatrix(reference.Direct * t);
            ReducedCell cell = skewed.NiggliReduce();
            AssertIsNiggliAndSameLattice(skewed, cell);
            var g = expected.G6;
            AssertG6(cell, g.A, g.B, g.C, g.Xi, g.Eta, g.Zeta, 1e-7);
            // The reported transformation really maps the input basis to the reduced one.
            Assert.True(Mat3.MaxAbsDifference(skewed.Direct * cell.Transformation, cell.Lattice.Direct) < 1e-9);
        }
    }
}
