using XccaMap.Diffraction.Remap;

namespace XccaMap.Tests.Diffraction.Remap;

public sealed class PolygonClipperTests
{
    [Fact]
    public void Clipping_a_tilted_square_conserves_area()
    {
        // A unit square rotated by 30° around (1.3, 2.6), cut into the unit grid cells it covers: the pieces add up.
        var xs = new double[4];
        var ys = new double[4];
        for (int k = 0; k < 4; k++)
        {
            double a = Math.PI / 6 + k * Math.PI / 2;
            xs[k] = 1.3 + Math.Sqrt(0.5) * Math.Cos(a);
            ys[k] = 2.6 + Math.Sqrt(0.5) * Math.Sin(a);
        }

        Assert.Equal(1.0, Math.Abs(PolygonClipper.Area(xs, ys)), 12);
        var t1 = new double[16];
        var t2 = new double[16];
        var sx = new double[16];
        var sy = new double[16];
        var cx = new double[16];
        var cy = new double[16];
        double total = 0;
        for (int i = 0; i < 3; i++)
        {
            int m = PolygonClipper.Clip(xs, ys, i, true, t1, t2);
            m = PolygonClipper.Clip(t1.AsSpan(0, m), t2.AsSpan(0, m), i + 1, false, sx, sy);
            for (int j = 1; j < 4; j++)
            {
                int n = PolygonClipper.Clip(sy.AsSpan(0, m), sx.AsSpan(0, m), j, true, t2, t1);
                n = PolygonClipper.Clip(t2.AsSpan(0, n), t1.AsSpan(0, n), j + 1, false, cy, cx);
                total += Math.Abs(PolygonClipper.Area(cx.AsSpan(0, n), cy.AsSpan(0, n)));
            }
        }

        Assert.Equal(1.0, total, 12);
    }

    [Fact]
    public void Half_plane_cut_of_a_square()
    {
        double[] xs = [0, 2, 2, 0];
        double[] ys = [0, 0, 2, 2];
        var ox = new double[8];
        var oy = new double[8];
        int m = PolygonClipper.Clip(xs, ys, 0.5, keepAbove: true, ox, oy);
        Assert.Equal(3.0, Math.Abs(PolygonClipper.Area(ox.AsSpan(0, m), oy.AsSpan(0, m))), 12);
        Assert.Equal(0, PolygonClipper.Clip(xs, ys, 3, keepAbove: true, ox, oy));
    }
}
