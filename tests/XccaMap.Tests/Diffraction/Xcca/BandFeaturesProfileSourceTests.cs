using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;
using XccaMap.Diffraction.Xcca;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>The adapter from <c>process</c>'s per-frame band features to ring profiles.</summary>
public sealed class BandFeaturesProfileSourceTests
{
    [Fact]
    public void Rings_of_both_bands_are_numbered_saxs_first_with_their_net_profiles_and_coverage()
    {
        // A 300 × 300 detector with the beam near a corner: rings cut by the edges (coverage < 1 or 0).
        var shape = new DetectorShape(300, 300);
        var poni = new PoniGeometry(0.05, 20 * 75e-6, 30 * 75e-6, 0, 0, 0, 1e-10, DetectorSpec.Generic(75e-6, 75e-6, shape));
        var geometry = PixelGeometry.Create(poni, shape);
        var saxsRing = new Ring(RingKind.Superlattice, 0.30, 0.29, 0.31, 0.005, 1);
        var waxsRings = new[] { new Ring(RingKind.AtomicLattice, 0.60, 0.59, 0.61, 0.005, 1), new Ring(RingKind.AtomicLattice, 0.75, 0.74, 0.76, 0.005, 1) };
        var saxs = new BandCake(RemapTable.Build(geometry, null, RemapBins.Cake(0.27, 0.33, 24, 36)), [saxsRing]);
        var waxs = new BandCake(RemapTable.Build(geometry, null, RemapBins.Cake(0.57, 0.78, 84, 36)), waxsRings);
        var fs = new BandFeatures(saxs, 3);
        var fw = new BandFeatures(waxs, 3);
        for (int j = 0; j < 36; j++)
        {
            fs.Net(1, 0)[j] = j;
            fw.Net(1, 1)[j] = 100 + j;
        }

        var source = new BandFeaturesProfileSource(fs, fw, [true, true, false]);
        Assert.Equal(3, source.Rings.Count);
        Assert.Same(saxsRing, source.Rings[0]);
        Assert.Same(waxsRings[1], source.Rings[2]);
        Assert.Equal(36, source.PhiCount);
        double[] i = new double[36], w = new double[36];
        Assert.False(source.TryRead(2, 0, i, w));
        Assert.True(source.TryRead(1, 2, i, w));
        var valid = waxs.Valid(1);
        var coverage = waxs.Coverage(1);
        Assert.Contains(true, valid.ToArray());
        Assert.Contains(false, valid.ToArray());
        for (int j = 0; j < 36; j++)
        {
            Assert.Equal(valid[j] ? coverage[j] : 0, w[j]);
            Assert.Equal(valid[j] ? 100 + j : 0, i[j]);
        }

        Assert.True(source.TryRead(1, 0, i, w));
        Assert.Equal(Enumerable.Range(0, 36).Select(j => saxs.Valid(0)[j] ? (double)j : 0), i);
    }
}
