using System.Security.Cryptography;
using System.Text;
using XccaMap.Reporting;

namespace XccaMap.Tests.Reporting;

public class PngEncoderTests
{
    [Fact]
    public void Crc32_KnownAnswers()
    {
        Assert.Equal(0xAE426082u, Crc32.Compute("IEND"u8));
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8)); // the CRC-32/ISO-HDLC check value
        Assert.Equal(0u, Crc32.Compute([]));
    }

    [Fact]
    public void Crc32_SliceBy4_MatchesBitwiseReference_AndAppends()
    {
        var rng = new Random(20190417);
        var data = new byte[1003];
        rng.NextBytes(data);
        Assert.Equal(PngTestDecoder.BitwiseCrc(data), Crc32.Compute(data));
        Assert.Equal(Crc32.Compute(data), Crc32.Append(Crc32.Compute(data.AsSpan(0, 517)), data.AsSpan(517)));
    }

    [Fact]
    public void File_EndsWithTheStandardIendChunk()
    {
        byte[] png = PngEncoder.Encode(new byte[] { 1, 2, 3 }, 1, 1, PngColorType.Rgb);
        byte[] iend = [0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82];
        Assert.Equal(iend, png[^12..]);
    }

    public static TheoryData<PngColorType, PngFilter, int, int> Cases()
    {
        var data = new TheoryData<PngColorType, PngFilter, int, int>();
        foreach (var ct in new[] { PngColorType.Grayscale, PngColorType.Rgb, PngColorType.Rgba })
        {
            foreach (var f in new[] { PngFilter.None, PngFilter.Sub, PngFilter.Up, PngFilter.Adaptive })
            {
                data.Add(ct, f, 1, 1);
                data.Add(ct, f, 37, 5);   // odd width: exercises the scalar tails of the vector filters
                data.Add(ct, f, 121, 121);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RoundTrip_DecodesToTheSamePixels(PngColorType ct, PngFilter filter, int w, int h)
    {
        byte[] pixels = TestImage(w, h, PngEncoder.Channels(ct), seed: w * 31 + h);
        byte[] png = PngEncoder.Encode(pixels, w, h, ct, filter);
        var img = PngTestDecoder.Decode(png);
        Assert.Equal((w, h, (int)ct), (img.Width, img.Height, img.ColorType));
        Assert.Equal(pixels, img.Pixels);
    }

    [Fact]
    public void LargeNoisyImage_SplitsIdat_AndRoundTrips()
    {
        const int w = 800, h = 700; // 1.68 MB of noise: more than one 1-MiB IDAT chunk
        var pixels = new byte[w * h * 3];
        new Random(7).NextBytes(pixels);
        var img = PngTestDecoder.Decode(PngEncoder.Encode(pixels, w, h, PngColorType.Rgb));
        Assert.True(img.Chunks.Count(c => c == "IDAT") >= 2);
        Assert.Equal(pixels, img.Pixels);
    }

    [Fact]
    public void Filters_MakeSmoothImagesSmaller()
    {
        const int w = 300, h = 200;
        var pixels = new byte[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                pixels[(y * w) + x] = (byte)((x * 7) + (y * 3)); // a ramp: None compresses poorly, Sub/Up well
            }
        }

        int none = PngEncoder.Encode(pixels, w, h, PngColorType.Grayscale, PngFilter.None).Length;
        int adaptive = PngEncoder.Encode(pixels, w, h, PngColorType.Grayscale, PngFilter.Adaptive).Length;
        Assert.True(adaptive < none, $"adaptive {adaptive} B should beat none {none} B");
    }

    public static TheoryData<string> AdaptiveImages() => ["ramp", "blocky", "colour-mapped noise"];

    [Theory]
    [MemberData(nameof(AdaptiveImages))]
    public void Adaptive_IsWithin5PercentOfTheBestSingleFilter(string kind)
    {
        const int w = 240, h = 240;
        var rng = new Random(11);
        var lut = Colormap.Magma.Table;
        var blocks = new byte[30 * 30];
        rng.NextBytes(blocks);
        var pixels = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                int level = kind switch
                {
                    "ramp" => (x + y) / 2,
                    "blocky" => blocks[((y / 8) * 30) + (x / 8)],           // an 8× upscaled 30 × 30 map
                    _ => Math.Clamp(128 + (int)(40 * (rng.NextDouble() - 0.5) * 4), 0, 255), // Poisson-like noise, colour-mapped
                };
                var c = lut[level];
                (pixels[((y * w) + x) * 3], pixels[(((y * w) + x) * 3) + 1], pixels[(((y * w) + x) * 3) + 2]) = (c.R, c.G, c.B);
            }
        }

        int best = new[] { PngFilter.None, PngFilter.Sub, PngFilter.Up }.Min(f => PngEncoder.Encode(pixels, w, h, PngColorType.Rgb, f).Length);
        int adaptive = PngEncoder.Encode(pixels, w, h, PngColorType.Rgb, PngFilter.Adaptive).Length;
        Assert.True(adaptive <= best * 1.05, $"{kind}: adaptive {adaptive} B, best single filter {best} B");
    }

    [Fact]
    public void WrongBufferLength_Throws_WithExpectedSize()
    {
        var ex = Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new byte[10], 2, 2, PngColorType.Rgb));
        Assert.Contains("needs 12", ex.Message);
    }

    [PythonFact("PIL")]
    public void Pillow_ReadsTheSamePixels()
    {
        string dir = Directory.CreateTempSubdirectory("xccamap-png-").FullName;
        try
        {
            foreach (var (ct, mode) in new[] { (PngColorType.Grayscale, "L"), (PngColorType.Rgb, "RGB"), (PngColorType.Rgba, "RGBA") })
            {
                const int w = 53, h = 29;
                byte[] pixels = TestImage(w, h, PngEncoder.Channels(ct), seed: (int)ct);
                string path = Path.Combine(dir, $"{mode}.png");
                File.WriteAllBytes(path, PngEncoder.Encode(pixels, w, h, ct));
                var (code, stdout, stderr) = Python.Run(
                    "import sys, hashlib; from PIL import Image; im = Image.open(sys.argv[1]); im.load(); " +
                    "print(im.mode, im.size[0], im.size[1], hashlib.sha256(im.tobytes()).hexdigest())",
                    path);
                Assert.True(code == 0, stderr);
                string expected = $"{mode} {w} {h} {Convert.ToHexStringLower(SHA256.HashData(pixels))}";
                Assert.Equal(expected, stdout.Trim());
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Smooth gradients plus seeded noise, so every filter sees both cases.</summary>
    private static byte[] TestImage(int w, int h, int channels, int seed)
    {
        var rng = new Random(seed);
        var p = new byte[w * h * channels];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int i = (((y * w) + x) * channels) + c;
                    p[i] = (x + y) % 3 == 0 ? (byte)rng.Next(256) : (byte)((x * (c + 1)) + (2 * y));
                }
            }
        }

        return p;
    }

    [Fact]
    public void Encoding_IsDeterministic()
    {
        byte[] pixels = TestImage(64, 48, 3, 1);
        Assert.Equal(PngEncoder.Encode(pixels, 64, 48, PngColorType.Rgb), PngEncoder.Encode(pixels, 64, 48, PngColorType.Rgb));
        Assert.Equal("IHDR", Encoding.ASCII.GetString(PngEncoder.Encode(pixels, 64, 48, PngColorType.Rgb), 12, 4));
    }
}
