using System.Buffers;
using System.IO.Compression;

namespace XccaMap.Reporting;

/// <summary>
/// A mutable 8-bit RGBA raster (row-major, top row first, 4 bytes per pixel) with the few
/// drawing operations the figures need: fills, rectangles, lines along the axes and text
/// (<see cref="BitmapFont"/>). Coordinates are pixel indices; (0, 0) is the top-left pixel.
/// Drawing outside the image is clipped silently.
/// </summary>
public sealed class RasterImage
{
    private readonly byte[] _pixels;

    /// <summary>Creates an image filled with <paramref name="background"/>.</summary>
    /// <param name="width">Width in pixels, ≥ 1.</param>
    /// <param name="height">Height in pixels, ≥ 1.</param>
    /// <param name="background">Initial colour of every pixel.</param>
    public RasterImage(int width, int height, Rgba background)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if ((long)width * height * 4 > Array.MaxLength)
        {
            throw new ArgumentException($"A {width} × {height} RGBA image is too large for one buffer.");
        }

        Width = width;
        Height = height;
        _pixels = new byte[width * height * 4];
        Fill(background);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>The RGBA bytes, row-major, top row first.</summary>
    public Span<byte> Pixels => _pixels;

    /// <summary>The RGBA bytes of row <paramref name="y"/>.</summary>
    public Span<byte> Row(int y) => _pixels.AsSpan(y * Width * 4, Width * 4);

    /// <summary>Colour of pixel (x, y).</summary>
    public Rgba GetPixel(int x, int y)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            throw new ArgumentOutOfRangeException(nameof(x), $"Pixel ({x}, {y}) is outside the {Width} × {Height} image.");
        }

        int i = ((y * Width) + x) * 4;
        return new Rgba(_pixels[i], _pixels[i + 1], _pixels[i + 2], _pixels[i + 3]);
    }

    /// <summary>Sets pixel (x, y), replacing (not blending); ignored outside the image.</summary>
    public void SetPixel(int x, int y, Rgba c)
    {
        if ((uint)x >= (uint)Width || (uint)y >= (uint)Height)
        {
            return;
        }

        int i = ((y * Width) + x) * 4;
        _pixels[i] = c.R;
        _pixels[i + 1] = c.G;
        _pixels[i + 2] = c.B;
        _pixels[i + 3] = c.A;
    }

    /// <summary>Fills the whole image.</summary>
    public void Fill(Rgba c) => FillRect(0, 0, Width, Height, c);

    /// <summary>Fills the rectangle [x, x + w) × [y, y + h), clipped to the image.</summary>
    public void FillRect(int x, int y, int w, int h, Rgba c)
    {
        int x0 = Math.Max(0, x), y0 = Math.Max(0, y);
        int x1 = (int)Math.Min(Width, (long)x + w), y1 = (int)Math.Min(Height, (long)y + h);
        if (x1 <= x0 || y1 <= y0)
        {
            return;
        }

        uint packed = Pack(c);
        for (int yy = y0; yy < y1; yy++)
        {
            var row = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(Row(yy));
            row[x0..x1].Fill(packed);
        }
    }

    /// <summary>Draws a 1-pixel-wide outline just inside the rectangle [x, x + w) × [y, y + h).</summary>
    public void DrawRect(int x, int y, int w, int h, Rgba c)
    {
        FillRect(x, y, w, 1, c);
        FillRect(x, y + h - 1, w, 1, c);
        FillRect(x, y, 1, h, c);
        FillRect(x + w - 1, y, 1, h, c);
    }

    /// <summary>
    /// Draws <paramref name="text"/> in colour <paramref name="c"/> with its top-left corner at
    /// (<paramref name="x"/>, <paramref name="y"/>), the font magnified by <paramref name="scale"/> (≥ 1).
    /// </summary>
    public void DrawText(int x, int y, string text, Rgba c, int scale = 1) => BitmapFont.Draw(this, x, y, text, c, scale);

    /// <summary>True when every pixel has alpha 255.</summary>
    public bool IsOpaque()
    {
        for (int i = 3; i < _pixels.Length; i += 4)
        {
            if (_pixels[i] != 255)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Encodes the image as PNG: RGB when fully opaque (smaller), RGBA otherwise.
    /// </summary>
    public byte[] ToPng(CompressionLevel compression = CompressionLevel.Fastest)
    {
        if (!IsOpaque())
        {
            return PngEncoder.Encode(_pixels, Width, Height, PngColorType.Rgba, PngFilter.Adaptive, compression);
        }

        int n = Width * Height;
        byte[] rgb = ArrayPool<byte>.Shared.Rent(n * 3);
        try
        {
            for (int i = 0, j = 0; i < n; i++, j += 3)
            {
                rgb[j] = _pixels[i * 4];
                rgb[j + 1] = _pixels[(i * 4) + 1];
                rgb[j + 2] = _pixels[(i * 4) + 2];
            }

            return PngEncoder.Encode(rgb.AsSpan(0, n * 3), Width, Height, PngColorType.Rgb, PngFilter.Adaptive, compression);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rgb);
        }
    }

    /// <summary>Packs a colour into the uint whose little-endian bytes are R, G, B, A.</summary>
    internal static uint Pack(Rgba c)
    {
        uint v = c.R | ((uint)c.G << 8) | ((uint)c.B << 16) | ((uint)c.A << 24);
        return BitConverter.IsLittleEndian ? v : System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
    }
}
