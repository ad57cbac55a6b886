using System.Runtime.InteropServices;
using XccaMap.Detector.Eiger;

namespace XccaMap.Tests.Detector.Eiger;

public class EigerReaderTests
{
    [Theory]
    [InlineData(4, ScanFixtures.Content.Random, 37, 53)]       // 1961 elements: not a multiple of 8 or of the block
    [InlineData(4, ScanFixtures.Content.SparsePoisson, 64, 80)]
    [InlineData(2, ScanFixtures.Content.Random, 41, 67)]
    [InlineData(2, ScanFixtures.Content.SparsePoisson, 129, 260)]
    public void Direct_decode_equals_hdf5_filter_path_bit_for_bit(int elementSize, ScanFixtures.Content content, int rows, int cols)
    {
        using var dir = new TempDir();
        var frames = ScanFixtures.Write(dir.PathName, "t", rows, cols, frames: 5, framesPerFile: 2, elementSize, content);
        using var scan = EigerScan.Open(Path.Combine(dir.PathName, "t_master.h5"));
        Assert.Equal(5, scan.PresentFrameCount);
        Assert.Equal(3, scan.Sources.Count);
        Assert.Equal("bitshuffle+lz4", scan.Compression);
        var a = new byte[rows * cols * elementSize];
        var b = new byte[a.Length];
        for (int f = 0; f < 5; f++)
        {
            scan.ReadFrameRaw(f, a, DecodePath.Direct);
            scan.ReadFrameRaw(f, b, DecodePath.Hdf5);
            Assert.True(a.AsSpan().SequenceEqual(b), $"frame {f} differs between paths");
            using var widened = scan.ReadFrame(f);
            var expected = frames[f].Select(v => elementSize == 2 && v >= ushort.MaxValue ? uint.MaxValue : v).ToArray();
            Assert.Equal(expected, widened.Data.ToArray());
        }
    }

    [Theory]
    [InlineData(FrameCompression.Lz4)]
    [InlineData(FrameCompression.None)]
    public void Other_codings_read_the_same_by_both_paths(FrameCompression compression)
    {
        using var dir = new TempDir();
        var frames = ScanFixtures.Write(dir.PathName, "t", 33, 47, frames: 3, framesPerFile: 3, elementSize: 4, ScanFixtures.Content.SparsePoisson, compression: compression);
        using var scan = EigerScan.Open(Path.Combine(dir.PathName, "t_master.h5"));
        for (int f = 0; f < 3; f++)
        {
            using var d = scan.ReadFrame(f, DecodePath.Direct);
            using var h = scan.ReadFrame(f, DecodePath.Hdf5);
            Assert.Equal(frames[f], d.Data.ToArray());
            Assert.Equal(frames[f], h.Data.ToArray());
        }
    }

    [Fact]
    public void Stream_returns_frames_in_order_and_roi_decodes_the_roi_pixels()
    {
        using var dir = new TempDir();
        const int rows = 300, cols = 200;
        var frames = ScanFixtures.Write(dir.PathName, "t", rows, cols, frames: 12, framesPerFile: 5, elementSize: 4, ScanFixtures.Content.Random);
        using var scan = EigerScan.Open(Path.Combine(dir.PathName, "t_master.h5"));
        var roi = FrameRoi.FromRows(rows, cols, [(10, 20), (250, 299)]);
        var seen = new List<long>();
        foreach (var r in FrameStream.Read(scan, FrameStream.PresentFrames(scan), new FrameStreamOptions { Roi = roi, MaxInFlight = 3 }))
        {
            Assert.True(r.Error is null, r.Error?.ToString());
            using var frame = r.Frame!;
            seen.Add(r.Index);
            foreach (var (start, length) in roi.Runs)
            {
                Assert.True(frame.Data.Slice(start, length).SequenceEqual(frames[r.Index].AsSpan(start, length)));
            }
        }

        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), seen);
    }

    [Fact]
    public void Metadata_is_read_in_si_units()
    {
        using var dir = new TempDir();
        var mask = new uint[20 * 30];
        mask[5] = 1;
        mask[7] = 8;
        ScanFixtures.Write(dir.PathName, "t", 20, 30, frames: 2, framesPerFile: 10, elementSize: 4, ScanFixtures.Content.Random, pixelMask: mask);
        using var scan = EigerScan.Open(Path.Combine(dir.PathName, "t_master.h5"));
        var m = scan.Metadata;
        Assert.Equal(0.898, m.WavelengthMetres!.Value * 1e10, 12);
        Assert.Equal(0.41, m.DistanceMetres);
        Assert.Equal(12.5, m.BeamCenterX);
        Assert.Equal(7.25, m.BeamCenterY);
        Assert.Equal(75e-6, m.PixelSizeX);
        Assert.Equal(0.3, m.CountTimeSeconds);
        Assert.Equal(2, m.ExpectedFrames);
        Assert.Equal(mask, scan.ReadPixelMask());
        Assert.Empty(scan.Problems);
    }

    [Fact]
    public void Units_attributes_are_honoured()
    {
        Assert.Equal(0.41, UnitConversion.ToMetres(410, "mm", "m", "x"), 12);
        Assert.Equal(0.898, UnitConversion.ToMetres(0.898, "angstrom", "m", "x") * 1e10, 12);
        Assert.Equal(0.898, UnitConversion.ToMetres(0.0898, "nm", "m", "x") * 1e10, 12);
        Assert.Equal(75e-6, UnitConversion.ToMetres(75, "um", "m", "x"), 15);
        Assert.Equal(0.3, UnitConversion.ToSeconds(300, "ms", "s", "x"), 12);
        Assert.Equal(100, UnitConversion.ToPixels(7.5, "mm", 75e-6, "x"), 9);
        Assert.Equal(0.898, UnitConversion.EnergyToWavelengthMetres(13806.9, "eV") * 1e10, 4);
        Assert.Throws<InvalidDataException>(() => UnitConversion.ToMetres(1, "furlong", "m", "x"));
    }

    [Fact]
    public void Widening_maps_all_ones_of_the_stored_type_to_all_ones()
    {
        ushort[] u16 = [0, 1, 65534, 65535];
        var dest = new uint[4];
        PixelWidening.ToUInt32(MemoryMarshal.AsBytes(u16.AsSpan()), 2, dest);
        Assert.Equal([0u, 1, 65534, uint.MaxValue], dest);
        byte[] u8 = [0, 254, 255, 3];
        PixelWidening.ToUInt32(u8, 1, dest);
        Assert.Equal([0u, 254, uint.MaxValue, 3], dest);
    }
}
