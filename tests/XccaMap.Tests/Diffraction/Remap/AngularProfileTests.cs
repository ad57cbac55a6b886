using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Tests.Diffraction.Remap;

public sealed class AngularProfileTests
{
    [Fact]
    public void Weight_is_zero_where_masked_and_one_where_covered_and_intensity_follows_the_modulation()
    {
        // Beam in the middle of a 300 × 300 detector; a ring at 0.5 Å⁻¹ with 4-fold peaks at 30° + k·90°;
        // the sector 100°–140° masked.
        var shape = new DetectorShape(300, 300);
        var g = PixelGeometry.Create(PoniGeometry.FromNxmx(150, 150, 0.1, 100e-6, 1e-10, shape));
        var ring = new SyntheticRing(0.5, 0.01, 1000, 4, 0.5, 30);
        var frame = SyntheticFrame.Expected(g, [ring], 0);
        var mask = new MaskBuilder(shape).ExcludePhiRange(g, 100, 140).Build();
        var table = RemapTable.Build(g, mask, RemapBins.Cake(0.4, 0.6, 40, 72), new RemapOptions { Split = PixelSplit.Full });
        var acc = new RemapAccumulator(table);
        table.Integrate(frame, acc);
        var profile = AngularProfile.From(acc, 0.48, 0.52);
        Assert.Equal(0.48, profile.QMin, 9);
        Assert.Equal(0.52, profile.QMax, 9);
        for (int j = 0; j < 72; j++)
        {
            double phi = profile.Phi[j];
            if (phi - 2.5 > 101 && phi + 2.5 < 139)
            {
                // Bins wholly inside the masked sector (a degree away from its edges, which split pixels straddle).
                Assert.Equal(0, profile.Weight[j]);
                Assert.Equal(0, profile.Intensity[j]);
            }
            else if (phi > 105 - 10 && phi < 145 + 5)
            {
                Assert.InRange(profile.Weight[j], 0, 1); // bins cut by the mask edge
            }
            else
            {
                Assert.Equal(1, profile.Weight[j], 0.02);
                double expected = (1 + 0.5 * Math.Cos(4 * (phi - 30) * Math.PI / 180)) / (1 + 0.5 * Math.Cos(0));
                Assert.Equal(expected, profile.Intensity[j] / profile.Intensity[6], 0.03);
            }
        }

        Assert.Throws<ArgumentException>(() => AngularProfile.From(acc, 0.7, 0.8));
        var strict = AngularProfile.From(acc, 0.48, 0.52, minCoverage: 0.99);
        Assert.True(strict.Weight.Count(w => w > 0) < profile.Weight.Count(w => w > 0));
    }
}
