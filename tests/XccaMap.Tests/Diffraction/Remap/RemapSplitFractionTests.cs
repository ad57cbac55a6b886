using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Tests.Diffraction.Remap;

/// <summary>
/// Full-split fractions against independent truth: supersampling each pixel in the detector plane, and a
/// hand-computed case where pyFAI 0.21.3's 2-D full split is wrong.
/// </summary>
public sealed class RemapSplitFractionTests
{
    [Fact]
    public void Full_split_fractions_match_supersampling_of_the_pixel()
    {
        var g = PixelGeometry.Create(RemapTestData.Tilted());
        var bins = RemapTestData.FullQ(g, 60, 72);
        var table = RemapTable.Build(g, null, bins, new RemapOptions { Split = PixelSplit.Full, CorrectSolidAngle = false });
        var byPixel = table.Entries().GroupBy(e => e.Pixel).ToDictionary(x => x.Key, x => x.ToDictionary(e => e.Bin, e => (double)e.Fraction));
        var rng = new Random(17);
        const int n = 40; // 40 × 40 samples per pixel
        int checkedPixels = 0, splitPixels = 0;
        while (checkedPixels < 300)
        {
            int r = rng.Next(g.Shape.Rows), c = rng.Next(g.Shape.Cols);
            if (g.AtPixel(r, c).Q < 0.3)
            {
                continue; // near the beam the true footprint is curved; the table uses straight edges between corners
            }

            var sampled = new Dictionary<int, double>();
            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    var p = g.Evaluate(r + (a + 0.5) / n, c + (b + 0.5) / n);
                    int iq = (int)((p.Q - bins.QMin) / bins.QStep), j = (int)(p.Phi / bins.PhiStep);
                    int bin = bins.BinIndex(iq, j);
                    sampled[bin] = sampled.GetValueOrDefault(bin) + 1.0 / (n * n);
                }
            }

            var ours = byPixel[r * g.Shape.Cols + c];
            foreach (int bin in sampled.Keys.Union(ours.Keys))
            {
                Assert.Equal(sampled.GetValueOrDefault(bin), ours.GetValueOrDefault(bin), 0.004);
            }

            splitPixels += ours.Count > 1 ? 1 : 0;
            checkedPixels++;
        }

        Assert.True(splitPixels > 20, $"only {splitPixels} split pixels sampled");
    }

    [Fact]
    public void Diamond_tip_across_a_phi_edge_gets_its_exact_share()
    {
        // Pixel (179, 154) of a 200 × 200 Eiger-like detector, beam at (100.3, 60.7), 0.41 m, 0.898 Å: at φ ≈ 40°
        // its (q, φ) footprint is a diamond whose tip (corner at φ = 39.847°) crosses the 40° edge of 10° bins.
        // Shoelace on the corners gives a tip of 0.1086 of the area; pyFAI 0.21.3 (full, csr) 2-D gives 0.0037.
        var shape = new DetectorShape(200, 200);
        var g = PixelGeometry.Create(new PoniGeometry(0.41, 100.3 * 75e-6, 60.7 * 75e-6, 0, 0, 0, 0.898e-10, DetectorSpec.Generic(75e-6, 75e-6, shape)));
        var bins = new RemapBins(0, 0.5, 50, 180, 540, 36);
        var corners = new[] { (0, 0), (1, 0), (1, 1), (0, 1) }.Select(d => g.Evaluate(179 + d.Item1, 154 + d.Item2)).ToArray();
        double[] f = corners.Select(p => (p.Q - bins.QMin) / bins.QStep).ToArray();
        double[] u = corners.Select(p => Azimuth.Normalize(p.Phi - 180) / bins.PhiStep).ToArray();
        double total = Math.Abs(PolygonClipper.Area(f, u));
        var tf = new double[8];
        var tu = new double[8];
        int m = PolygonClipper.Clip(u, f, 22, keepAbove: false, tu, tf); // u ≤ 22 ↔ φ ≤ 40°
        double tip = Math.Abs(PolygonClipper.Area(tf.AsSpan(0, m), tu.AsSpan(0, m))) / total;
        Assert.Equal(0.1086, tip, 0.0005);

        var table = RemapTable.Build(g, null, bins, new RemapOptions { Split = PixelSplit.Full, CorrectSolidAngle = false });
        var entries = table.Entries().Where(e => e.Pixel == 179 * 200 + 154).ToDictionary(e => e.Bin, e => (double)e.Fraction);
        Assert.Equal(tip, entries[bins.BinIndex(15, 21)], 1e-5);
        Assert.Equal(1 - tip, entries[bins.BinIndex(15, 22)], 1e-5);
    }
}
