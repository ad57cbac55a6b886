using XccaMap.Reporting;

namespace XccaMap.Tests.Reporting;

public class MapImageTests
{
    [Fact]
    public void ClassMap_EmptyWhite_MixedGrey_ClassesInPaletteColours()
    {
        // 3 × 4 scan: row 0 = classes 0,0,1,1; row 1 = mixed, empty, 2, 0; row 2 = empty ×4.
        int[] labels = [0, 0, 1, 1, ClassMap.Mixed, ClassMap.Empty, 2, 0, -1, -1, -1, -1];
        var img = MapImage.RenderClasses(labels, 3, 4, new ClassMapRenderOptions { Upscale = 10, FontScale = 1 });
        var p = CategoricalPalette.OkabeIto;
        var (x0, y0) = FindMapOrigin(img);
        Assert.Equal(p.ColorOf(0), img.GetPixel(x0 + 5, y0 + 5));
        Assert.Equal(p.ColorOf(1), img.GetPixel(x0 + 35, y0 + 5));
        Assert.Equal(Rgba.FromRgb(0xA0A0A0), img.GetPixel(x0 + 5, y0 + 15));
        Assert.Equal(Rgba.White, img.GetPixel(x0 + 15, y0 + 15));
        Assert.Equal(p.ColorOf(2), img.GetPixel(x0 + 25, y0 + 15));

        // The legend sits right of the map and shows every label present, including mixed grey.
        var right = Pixels(img).Where(q => q.X > x0 + 41).Select(q => q.C).ToHashSet();
        Assert.Contains(p.ColorOf(2), right);
        Assert.Contains(p.MixedColor, right);
    }

    [Fact]
    public void ClassMap_InvalidLabel_NamesItsPosition()
    {
        var ex = Assert.Throws<ArgumentException>(() => MapImage.RenderClasses([0, 1, -7, 0], 2, 2));
        Assert.Contains("row 1, column 0", ex.Message);
    }

    [Fact]
    public void ScalarMap_ColoursFollowTheScale_MaskAndNaN()
    {
        float[] v = [1, 2, 3, float.NaN, 5, 6];
        bool[] mask = [false, false, false, false, true, false];
        var options = new MapRenderOptions { Scale = ColorScale.Linear(1, 6), Upscale = 8, ColorBar = false, FontScale = 1 };
        var img = MapImage.RenderScalar(v, 2, 3, options, mask);
        var (x0, y0) = FindMapOrigin(img);
        Assert.Equal(Colormap.Viridis.Map(0), img.GetPixel(x0 + 3, y0 + 3));
        Assert.Equal(Colormap.Viridis.Map(0.4), img.GetPixel(x0 + 19, y0 + 3));
        Assert.Equal(Rgba.LightGray, img.GetPixel(x0 + 3, y0 + 11));      // NaN
        Assert.Equal(Rgba.White, img.GetPixel(x0 + 11, y0 + 11));         // masked
        Assert.Equal(Colormap.Viridis.Map(1), img.GetPixel(x0 + 19, y0 + 11));

        var flipped = MapImage.RenderScalar(v, 2, 3, options with { OriginAtBottom = true }, mask);
        Assert.Equal(Colormap.Viridis.Map(0), flipped.GetPixel(x0 + 3, y0 + 11));
    }

    [Fact]
    public void ScalarMap_WithColourBar_IsWiderAndHasTheTopColourRightOfTheMap()
    {
        float[] v = [.. Enumerable.Range(0, 121 * 121).Select(i => (float)(i % 121))];
        var bare = MapImage.RenderScalar(v, 121, 121, new MapRenderOptions { ColorBar = false });
        var withBar = MapImage.RenderScalar(v, 121, 121, new MapRenderOptions { ColorBarLabel = "q (Å⁻¹)", Title = "311 peak position" });
        Assert.Equal(4, MapImage.AutoUpscale(121, 121)); // 484 px ≥ 400 px
        Assert.True(withBar.Width > bare.Width + 40);
        var top = Colormap.Viridis.Map(1);
        Assert.Contains(Pixels(withBar), q => q.X > 121 * 4 + 20 && q.C == top);
    }

    [Fact]
    public void Font_MeasuresAndCoversTheLabelCharacters()
    {
        Assert.Equal((5 * 6) - 1, BitmapFont.MeasureWidth("0.135"));
        Assert.Equal(2 * ((5 * 6) - 1), BitmapFont.MeasureWidth("0.135", 2));
        foreach (char c in "q (Å⁻¹) 1e-3 +0.5 µm Δφ ±2° class mixed empty")
        {
            Assert.True(BitmapFont.Supports(c), $"no glyph for '{c}'");
        }

        var img = new RasterImage(60, 12, Rgba.White);
        img.DrawText(1, 1, "A", Rgba.Black);
        Assert.Equal(Rgba.Black, img.GetPixel(1 + 2, 1));   // apex of the A
        Assert.Equal(Rgba.White, img.GetPixel(1, 1));       // its top-left corner is empty
    }

    [Fact]
    public void RasterImage_ToPng_RoundTrips_RgbWhenOpaque_RgbaOtherwise()
    {
        var img = new RasterImage(5, 4, Rgba.White);
        img.SetPixel(2, 1, new Rgba(10, 20, 30));
        var decoded = PngTestDecoder.Decode(img.ToPng());
        Assert.Equal(2, decoded.ColorType);
        Assert.Equal(new byte[] { 10, 20, 30 }, decoded.Pixels.AsSpan(((1 * 5) + 2) * 3, 3).ToArray());
        img.SetPixel(0, 0, Rgba.Transparent);
        Assert.Equal(6, PngTestDecoder.Decode(img.ToPng()).ColorType);
    }

    /// <summary>Top-left pixel inside the 1-pixel black frame around the map.</summary>
    private static (int X, int Y) FindMapOrigin(RasterImage img)
    {
        for (int y = 0; y < img.Height; y++)
        {
            for (int x = 0; x < img.Width; x++)
            {
                if (img.GetPixel(x, y) == Rgba.Black && img.GetPixel(x + 1, y) == Rgba.Black && img.GetPixel(x, y + 1) == Rgba.Black
                    && img.GetPixel(x + 1, y + 1) != Rgba.Black)
                {
                    return (x + 1, y + 1);
                }
            }
        }

        throw new InvalidOperationException("No map frame found.");
    }

    private static IEnumerable<(int X, int Y, Rgba C)> Pixels(RasterImage img)
    {
        for (int y = 0; y < img.Height; y++)
        {
            for (int x = 0; x < img.Width; x++)
            {
                yield return (x, y, img.GetPixel(x, y));
            }
        }
    }
}
