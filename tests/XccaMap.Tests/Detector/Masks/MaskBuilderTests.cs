using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;

namespace XccaMap.Tests.Detector.Masks;

public sealed class MaskBuilderTests : IDisposable
{
    private static readonly DetectorShape Shape = new(40, 60);
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"xccamap-mask-{Guid.NewGuid():N}");

    public MaskBuilderTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Any_pixel_mask_bit_excludes()
    {
        var pm = new uint[Shape.PixelCount];
        pm[3] = 1;        // gap
        pm[70] = 1 << 3;  // hot
        pm[100] = 1 << 4; // noisy
        pm[200] = 0x80000000;
        var mask = new MaskBuilder(Shape).AddEigerPixelMask(pm, Shape, "master.h5:/entry/.../pixel_mask").Build();
        Assert.Equal(4, mask.ExcludedCount);
        Assert.True(mask.IsExcluded(70));
        Assert.True(mask.IsExcluded(1, 10)); // index 70
        Assert.False(mask.IsExcluded(4));
    }

    [Fact]
    public void All_ones_pixels_are_excluded_and_sources_are_recorded()
    {
        var frame = new uint[Shape.PixelCount];
        frame[5] = uint.MaxValue;
        frame[6] = uint.MaxValue - 1; // a large count, not a marker
        var pm = new uint[Shape.PixelCount];
        pm[5] = 1;
        pm[7] = 2;
        var b = new MaskBuilder(Shape).AddEigerPixelMask(pm, Shape, "pixel_mask").AddAllOnesPixels(frame, Shape, "frame 0");
        var mask = b.Build();
        Assert.True(mask.IsExcluded(5));
        Assert.False(mask.IsExcluded(6));
        Assert.Equal(2, mask.ExcludedCount);
        Assert.Equal(new MaskContribution("frame 0", 1, 0), b.Contributions[1]);
    }

    [Fact]
    public void Beamstop_npy_of_any_type_and_polarity()
    {
        var beamstop = new byte[Shape.PixelCount];
        beamstop[Shape.Cols * 20 + 30] = 1;
        beamstop[Shape.Cols * 20 + 31] = 255;
        var path = Path.Combine(_dir, "beamstop.npy");
        NpyWriter.Write(path, beamstop, Shape.Rows, Shape.Cols);
        Assert.Equal(2, new MaskBuilder(Shape).AddNpy(path).Build().ExcludedCount);
        Assert.Equal(Shape.PixelCount - 2, new MaskBuilder(Shape).AddNpy(path, MaskFilePolarity.NonZeroValid).Build().ExcludedCount);

        var saved = Path.Combine(_dir, "saved.npy");
        var mask = new MaskBuilder(Shape).AddNpy(path).Build();
        mask.Save(saved);
        Assert.Equal(mask.Excluded.ToArray(), DetectorMask.Load(saved, Shape).Excluded.ToArray());
    }

    [Fact]
    public void Shape_mismatch_names_the_file_and_both_shapes()
    {
        var path = Path.Combine(_dir, "wrong.npy");
        NpyWriter.Write(path, new bool[41 * 60], 41, 60);
        var e = Assert.Throws<MaskShapeException>(() => new MaskBuilder(Shape).AddNpy(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("40 × 60", e.Message, StringComparison.Ordinal);
        Assert.Contains("(41, 60)", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(e);

        var e2 = Assert.Throws<MaskShapeException>(() => new MaskBuilder(Shape).AddEigerPixelMask(new uint[10], new DetectorShape(2, 5), "master.h5"));
        Assert.Contains("master.h5", e2.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void All_excluded_is_an_error()
    {
        var all = Enumerable.Repeat(true, Shape.PixelCount).ToArray();
        var e = Assert.Throws<AllPixelsMaskedException>(() => new MaskBuilder(Shape).AddMask(all, Shape, "everything.npy").Build());
        Assert.Contains("everything.npy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Q_and_phi_ranges()
    {
        // Beam at the centre of pixel (20, 30).
        var g = PixelGeometry.Create(PoniGeometry.FromNxmx(30.5, 20.5, 0.1, 75e-6, 1e-10, Shape));
        var q = g.Q.Span;
        var phi = g.Phi.Span;
        var qMask = new MaskBuilder(Shape).ExcludeQRange(g, 0.05, 0.1).Build();
        var phiMask = new MaskBuilder(Shape).ExcludePhiRange(g, 350, 10).Build(); // wraps through 0
        for (int i = 0; i < Shape.PixelCount; i++)
        {
            Assert.Equal(q[i] >= 0.05 && q[i] <= 0.1, qMask.IsExcluded(i));
            Assert.Equal(phi[i] >= 350 || phi[i] <= 10, phiMask.IsExcluded(i));
        }

        Assert.True(phiMask.IsExcluded(20, 50));  // φ = 0
        Assert.False(phiMask.IsExcluded(40 - 1, 30)); // φ = 90
        Assert.Throws<AllPixelsMaskedException>(() => new MaskBuilder(Shape).ExcludePhiRange(g, 0, 360).Build());
    }
}
