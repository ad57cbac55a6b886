using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;

namespace XccaMap.Tests.Detector.Masks;

public sealed class HotPixelDetectorTests
{
    private static readonly DetectorShape Shape = new(50, 70);

    private static uint[] Frame(int seed)
    {
        var rng = new Random(seed);
        var f = new uint[Shape.PixelCount];
        for (int r = 0; r < Shape.Rows; r++)
        {
            for (int c = 0; c < Shape.Cols; c++)
            {
                // Background ~20 counts plus a bright 5-pixel-wide vertical streak (a diffraction feature).
                double mean = 20 + (c >= 40 && c < 45 ? 2000 : 0);
                f[r * Shape.Cols + c] = (uint)Math.Max(0, mean + Math.Sqrt(mean) * (rng.NextDouble() * 2 - 1));
            }
        }

        f[10] = uint.MaxValue; // a gap pixel
        return f;
    }

    [Fact]
    public void Finds_pixels_hot_in_most_frames_but_not_features()
    {
        var frames = Enumerable.Range(0, 5).Select(Frame).ToArray();
        int hot = 12 * Shape.Cols + 12;       // hot in 4 of 5 frames
        int flicker = 30 * Shape.Cols + 20;   // hot in 1 of 5 frames
        int nearGap = 11;                     // hot, next to the gap pixel
        for (int k = 0; k < 5; k++)
        {
            if (k != 2)
            {
                frames[k][hot] = 5000;
            }

            frames[k][nearGap] = 900;
        }

        frames[0][flicker] = 5000;
        var result = HotPixelDetector.Detect(frames.Select(f => (ReadOnlyMemory<uint>)f).ToArray(), Shape);
        Assert.True(result[hot]);
        Assert.True(result[nearGap]);
        Assert.False(result[flicker]);
        Assert.False(result[10]);
        Assert.Equal(2, result.Count(b => b)); // nothing on the streak

        var mask = new MaskBuilder(Shape).AddAllOnesPixels(frames[0], Shape, "frame 0")
            .AddHotPixels(frames.Select(f => (ReadOnlyMemory<uint>)f).ToArray(), new HotPixelOptions { Window = 5 })
            .Build();
        Assert.Equal(3, mask.ExcludedCount);
    }

    [Fact]
    public void Frame_of_wrong_size_is_named()
    {
        var e = Assert.Throws<MaskShapeException>(() => HotPixelDetector.Detect([new uint[7]], Shape));
        Assert.Contains("frame 0", e.Message, StringComparison.Ordinal);
    }
}
