using System.Buffers.Binary;
using System.IO.Compression;

namespace XccaMap.Tests.Monitor;

/// <summary>A minimal PNG reader for screenshots (8-bit RGB or RGBA, non-interlaced): RGBA pixels, row-major.</summary>
internal static class PngDecoder
{
    public static (int Width, int Height, byte[] Rgba) Decode(byte[] png)
    {
        int o = 8, width = 0, height = 0, channels = 0;
        using var idat = new MemoryStream();
        while (o < png.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(o));
            string type = System.Text.Encoding.ASCII.GetString(png, o + 4, 4);
            var data = png.AsSpan(o + 8, len);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                if (data[8] != 8 || data[12] != 0 || data[10] != 0)
                {
                    throw new NotSupportedException("only 8-bit, non-interlaced PNG");
                }

                channels = data[9] switch { 2 => 3, 6 => 4, _ => throw new NotSupportedException($"PNG colour type {data[9]}") };
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }

            o += 12 + len;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        int stride = width * channels;
        var raw = new byte[(stride + 1) * height];
        z.ReadExactly(raw);
        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            for (int x = 0; x < stride; x++)
            {
                int a = x >= channels ? pixels[(y * stride) + x - channels] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= channels && y > 0 ? pixels[((y - 1) * stride) + x - channels] : 0;
                int v = raw[(y * (stride + 1)) + 1 + x];
                int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
                v += filter switch
                {
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => pa <= pb && pa <= pc ? a : pb <= pc ? b : c,
                    _ => 0,
                };
                pixels[(y * stride) + x] = (byte)v;
            }
        }

        if (channels == 4)
        {
            return (width, height, pixels);
        }

        var rgba = new byte[width * height * 4];
        for (int i = 0; i < width * height; i++)
        {
            rgba[4 * i] = pixels[3 * i];
            rgba[(4 * i) + 1] = pixels[(3 * i) + 1];
            rgba[(4 * i) + 2] = pixels[(3 * i) + 2];
            rgba[(4 * i) + 3] = 255;
        }

        return (width, height, rgba);
    }

    /// <summary>Pixels that differ between two images in a rectangle.</summary>
    public static int Differences((int Width, int Height, byte[] Rgba) a, (int Width, int Height, byte[] Rgba) b, int x0, int y0, int w, int h)
    {
        int n = 0;
        for (int y = y0; y < y0 + h && y < a.Height && y < b.Height; y++)
        {
            for (int x = x0; x < x0 + w && x < a.Width && x < b.Width; x++)
            {
                int ia = ((y * a.Width) + x) * 4, ib = ((y * b.Width) + x) * 4;
                if (a.Rgba[ia] != b.Rgba[ib] || a.Rgba[ia + 1] != b.Rgba[ib + 1] || a.Rgba[ia + 2] != b.Rgba[ib + 2])
                {
                    n++;
                }
            }
        }

        return n;
    }
}
