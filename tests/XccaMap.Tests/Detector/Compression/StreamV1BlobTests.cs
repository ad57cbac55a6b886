using System.Runtime.InteropServices;
using System.Text.Json;
using XccaMap.Detector.Compression;

namespace XccaMap.Tests.Detector.Compression;

/// <summary>
/// Real Eiger stream-interface v1 recordings (Eiger 1M, uint32): one image encoded
/// <c>bs32-lz4&lt;</c> (series 13), another encoded <c>lz4&lt;</c> (series 44). Every expected
/// number comes from the recorded JSON parts next to the blobs.
/// </summary>
public class StreamV1BlobTests
{
    private const uint Excluded = uint.MaxValue; // DECTRIS marks masked pixels with all ones

    [Fact]
    public void Bs32Lz4Blob_IsABitshuffleChunk_ThatDecodesToTheAnnouncedImage()
    {
        Part image = ReadImage("bslz4_32bit_dimage-1.0_00013_00000");
        Assert.Equal("bs32-lz4<", image.Encoding);
        Assert.Equal(image.Width * image.Height * 4L, BitshuffleLz4Decoder.ReadDecodedSize(image.Blob));

        uint[] pixels = DecodeBitshuffle(image);

        Assert.Equal(image.ExcludedPixels, pixels.Count(p => p == Excluded));
    }

    [Fact]
    public void Lz4Blob_IsABareLz4Block_ThatDecodesToTheAnnouncedImage()
    {
        Part image = ReadImage("lz4_32bit_dimage-1.0_00044_00000");
        Assert.Equal("lz4<", image.Encoding);

        // The blob has no 12-byte header: read as one, the "decoded size" is nonsense.
        Assert.NotEqual(image.Width * image.Height * 4L, Lz4ChunkDecoder.ReadDecodedSize(image.Blob));

        uint[] pixels = DecodeLz4(image);

        Assert.Equal(image.ExcludedPixels, pixels.Count(p => p == Excluded));
    }

    [Fact]
    public void BothEncodings_MaskTheSameDetectorPixels()
    {
        // Two different exposures of the same detector: the pixel mask (gaps, dead pixels) is
        // the same, so the all-ones pixels must sit at the same places; the counts differ.
        uint[] bitshuffled = DecodeBitshuffle(ReadImage("bslz4_32bit_dimage-1.0_00013_00000"));
        uint[] lz4 = DecodeLz4(ReadImage("lz4_32bit_dimage-1.0_00044_00000"));
        Assert.Equal(bitshuffled.Length, lz4.Length);
        int masked = 0;
        for (int i = 0; i < lz4.Length; i++)
        {
            Assert.True((bitshuffled[i] == Excluded) == (lz4[i] == Excluded), $"pixel {i}: mask differs");
            masked += lz4[i] == Excluded ? 1 : 0;
        }

        Assert.True(masked > 0);
        Assert.NotEqual(Sum(bitshuffled), Sum(lz4));
    }

    [Fact]
    public void Bs32Lz4Blob_RegionOfInterest_EqualsFullDecode()
    {
        Part image = ReadImage("bslz4_32bit_dimage-1.0_00013_00000");
        uint[] full = DecodeBitshuffle(image);
        ElementRange[] rows = [ElementRange.FromRows(100, 50, image.Width), ElementRange.FromRows(700, 7, image.Width)];
        var roi = new uint[full.Length];
        BitshuffleLz4Decoder.DecodeElementRanges(image.Blob, MemoryMarshal.AsBytes(roi.AsSpan()), 4, rows);
        for (int i = 0; i < full.Length; i++)
        {
            bool inside = (i >= rows[0].Start && i < rows[0].End) || (i >= rows[1].Start && i < rows[1].End);
            Assert.Equal(inside ? full[i] : 0u, roi[i]);
        }

        BlockCoverage coverage = BitshuffleLz4Decoder.CountBlocks(full.Length * 4L, BitshuffleLz4Decoder.ReadBlockSizeBytes(image.Blob), 4, rows);
        Assert.True(coverage.NeededBlocks < coverage.TotalBlocks / 10);
    }

    private static uint[] DecodeBitshuffle(Part image)
    {
        var pixels = new uint[image.Width * image.Height];
        BitshuffleLz4Decoder.Decode(image.Blob, MemoryMarshal.AsBytes(pixels.AsSpan()), 4);
        return pixels;
    }

    private static uint[] DecodeLz4(Part image)
    {
        var pixels = new uint[image.Width * image.Height];
        Span<byte> bytes = MemoryMarshal.AsBytes(pixels.AsSpan());
        Assert.Equal(bytes.Length, Lz4BlockDecoder.Decode(image.Blob, bytes));
        return pixels;
    }

    private static long Sum(uint[] pixels) => pixels.Where(p => p != Excluded).Sum(p => (long)p);

    /// <summary>Reads the dimage_d JSON part (shape, type, encoding, size), the blob, and the
    /// series header's excluded-pixel count.</summary>
    private static Part ReadImage(string prefix)
    {
        string folder = TestData.Eiger("stream-v1");
        using JsonDocument part1 = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, prefix + "_ZMQframe00001.raw")));
        JsonElement root = part1.RootElement;
        Assert.Equal("uint32", root.GetProperty("type").GetString());
        JsonElement shape = root.GetProperty("shape"); // [x (fast, width), y (height)]
        byte[] blob = File.ReadAllBytes(Path.Combine(folder, prefix + "_ZMQframe00002.raw"));
        Assert.Equal(root.GetProperty("size").GetInt64(), blob.Length);

        string series = prefix.Split('_')[3];
        string headerFile = Path.Combine(folder, prefix[..prefix.IndexOf("dimage", StringComparison.Ordinal)] + "dheader-1.0_" + series + "_ZMQframe00001.raw");
        using JsonDocument header = JsonDocument.Parse(File.ReadAllBytes(headerFile));
        Assert.Equal(shape[0].GetInt32(), header.RootElement.GetProperty("x_pixels_in_detector").GetInt32());
        Assert.Equal(shape[1].GetInt32(), header.RootElement.GetProperty("y_pixels_in_detector").GetInt32());

        return new Part(
            root.GetProperty("encoding").GetString() ?? "",
            shape[0].GetInt32(),
            shape[1].GetInt32(),
            header.RootElement.GetProperty("number_of_excluded_pixels").GetInt32(),
            blob);
    }

    private sealed record Part(string Encoding, int Width, int Height, int ExcludedPixels, byte[] Blob);
}
