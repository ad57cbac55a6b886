using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Tests.Diffraction.Remap;

/// <summary>Small detectors and frames with known truth for remap tests.</summary>
internal static class RemapTestData
{
    public static readonly DetectorShape Shape = new(240, 320);

    /// <summary>A tilted geometry with the beam inside the small detector (rings seen over all φ near the beam).</summary>
    public static PoniGeometry Tilted() => new(0.12, 101.3 * 100e-6, 142.7 * 100e-6, 0.08, -0.05, 0.3, 1e-10, DetectorSpec.Generic(100e-6, 100e-6, Shape));

    public static RemapBins FullQ(PixelGeometry g, int qCount, int phiCount = 1) =>
        RemapBins.Cake(0, g.Corners.Q.ToArray().Max() * 1.001, qCount, phiCount);

    /// <summary>Mask: a random 3 % of pixels plus a block.</summary>
    public static DetectorMask Mask(DetectorShape shape, int seed)
    {
        var rng = new Random(seed);
        var excluded = new bool[shape.PixelCount];
        for (int i = 0; i < excluded.Length; i++)
        {
            excluded[i] = rng.NextDouble() < 0.03;
        }

        for (int r = 150; r < 170; r++)
        {
            for (int c = 20; c < 60; c++)
            {
                excluded[r * shape.Cols + c] = true;
            }
        }

        return new MaskBuilder(shape).AddMask(excluded, shape, "test mask").Build();
    }

    /// <summary>A noisy uint32 frame with rings.</summary>
    public static uint[] Frame(PixelGeometry g, int seed) =>
        SyntheticFrame.Poisson(
            SyntheticFrame.Expected(g, [new SyntheticRing(0.6, 0.02, 500, 6, 0.7), new SyntheticRing(1.2, 0.03, 300)], 20),
            g.Shape.Cols,
            seed);
}
