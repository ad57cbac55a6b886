using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace XccaMap.Tests.Reporting;

/// <summary>
/// A minimal, independent PNG reader for tests: 8-bit non-interlaced grayscale/RGB/RGBA,
/// all five filter types, chunk CRCs checked with a bit-by-bit CRC-32 (PNG spec annex D
/// without the table), so it shares no code with the encoder under test.
/// </summary>
internal static class PngTestDecoder
{
    public sealed record Image(int Width, int Height, int ColorType, byte[] Pixels, List<string> Chunks);

    public static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            c ^= b;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }
        }

        return ~c;
    }

    public static Image Decode(byte[] file)
    {
        byte[] sig = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        Assert.True(file.AsSpan(0, 8).SequenceEqual(sig), "PNG signature");
        int pos = 8, width = 0, height = 0, colorType = -1;
        var idat = new MemoryStream();
        var chunks = new List<string>();
        while (pos < file.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(pos));
            string type = Encoding.ASCII.GetString(file, pos + 4, 4);
            var data = file.AsSpan(pos + 8, len);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(pos + 8 + len));
            Assert.Equal(BitwiseCrc(file.AsSpan(pos + 4, len + 4)), crc);
            chunks.Add(type);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    Assert.Equal(8, data[8]);
                    colorType = data[9];
                    Assert.Equal(0, data[10]);
                    Assert.Equal(0, data[11]);
                    Assert.Equal(0, data[12]);
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
            }

            pos += 12 + len;
        }

        Assert.Equal(file.Length, pos);
        Assert.Equal("IHDR", chunks[0]);
        Assert.Equal("IEND", chunks[^1]);
        int bpp = colorType switch { 0 => 1, 2 => 3, 6 => 4, _ => throw new InvalidDataException($"colour type {colorType}") };
        int stride = width * bpp;
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        z.CopyTo(raw);
        byte[] f = raw.ToArray();
        Assert.Equal(height * (stride + 1), f.Length);
        var pixels = new byte[height * stride];
        for (int y = 0; y < height; y++)
        {
            int ft = f[y * (stride + 1)];
            for (int i = 0; i < stride; i++)
            {
                int x = f[(y * (stride + 1)) + 1 + i];
                int a = i >= bpp ? pixels[(y * stride) + i - bpp] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + i] : 0;
                int c = i >= bpp && y > 0 ? pixels[((y - 1) * stride) + i - bpp] : 0;
                int pred = ft switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {ft} in row {y}"),
                };
                pixels[(y * stride) + i] = (byte)(x + pred);
            }
        }

        return new Image(width, height, colorType, pixels, chunks);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
