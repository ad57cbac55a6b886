using XccaMap.Detector.Eiger;
using XccaMap.Hdf5;

namespace XccaMap.Tests.Detector.Eiger;

/// <summary>Each kind of bad input gives a message naming file, dataset and frame; the rest of the scan goes on.</summary>
public class BadInputTests
{
    [Fact]
    public void Missing_master_names_the_path()
    {
        var e = Assert.Throws<FileNotFoundException>(() => EigerScan.Open("/nonexistent/scan_master.h5"));
        Assert.Contains("/nonexistent/scan_master.h5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_hdf5_is_a_format_error()
    {
        using var dir = new TempDir();
        var path = dir.File("scan_master.h5");
        File.WriteAllText(path, "{\"not\": \"hdf5\"}");
        var e = Assert.Throws<ScanFormatException>(() => EigerScan.Open(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("not an HDF5 file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_master_without_entry_data_is_a_format_error()
    {
        using var dir = new TempDir();
        var path = dir.File("m.h5");
        using (var f = H5File.Create(path))
        {
            using var g = f.CreateGroup("entry/instrument/detector");
        }

        var e = Assert.Throws<ScanFormatException>(() => EigerScan.Open(path));
        Assert.Contains("/entry/data", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_data_file_is_reported_by_frame_range_and_the_others_stream()
    {
        using var dir = new TempDir();
        var frames = ScanFixtures.Write(dir.PathName, "s", 16, 24, frames: 9, framesPerFile: 3, elementSize: 4, ScanFixtures.Content.Random);
        File.Delete(dir.File("s_data_000002.h5"));
        using var scan = EigerScan.Open(dir.File("s_master.h5"));
        Assert.Equal(9, scan.FrameCount);
        Assert.Equal(6, scan.PresentFrameCount);
        var problem = Assert.Single(scan.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Contains("s_data_000002.h5", problem.File, StringComparison.Ordinal);
        Assert.Contains("frames 3–5", problem.Message, StringComparison.Ordinal);
        var got = FrameStream.Read(scan, FrameStream.PresentFrames(scan)).ToList();
        Assert.Equal([0L, 1, 2, 6, 7, 8], got.Select(r => r.Index));
        foreach (var r in got)
        {
            Assert.Equal(frames[r.Index], r.Frame!.Data.ToArray());
            r.Frame.Dispose();
        }

        var e = Assert.Throws<FrameReadException>(() => scan.ReadFrame(4));
        Assert.Equal(4, e.Frame);
    }

    [Fact]
    public void A_corrupt_chunk_skips_that_frame_only()
    {
        using var dir = new TempDir();
        var frames = ScanFixtures.Write(dir.PathName, "s", 32, 40, frames: 4, framesPerFile: 4, elementSize: 4, ScanFixtures.Content.SparsePoisson);
        using (var f = H5File.Open(dir.File("s_data_000001.h5"), H5OpenMode.ReadWrite))
        using (var ds = f.OpenDataset("/entry/data/data"))
        {
            // A chunk whose header promises the right size but whose LZ4 stream is garbage.
            var junk = new byte[300];
            new Random(3).NextBytes(junk);
            BitConverter.TryWriteBytes(junk.AsSpan(0, 8), System.Buffers.Binary.BinaryPrimitives.ReverseEndianness((long)(32 * 40 * 4)));
            BitConverter.TryWriteBytes(junk.AsSpan(8, 4), System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(8192));
            ds.WriteChunkRaw([2, 0, 0], junk);
        }

        using var scan = EigerScan.Open(dir.File("s_master.h5"));
        foreach (var path in new[] { DecodePath.Direct, DecodePath.Hdf5 })
        {
            var got = FrameStream.Read(scan, [0L, 1, 2, 3], new FrameStreamOptions { Path = path }).ToList();
            Assert.Equal(4, got.Count);
            var bad = Assert.Single(got, r => r.Error is not null);
            Assert.Equal(2, bad.Index);
            Assert.Contains("frame 2", bad.Error!.Message, StringComparison.Ordinal);
            Assert.Contains("s_data_000001.h5", bad.Error.Message, StringComparison.Ordinal);
            Assert.Contains("/entry/data/data", bad.Error.Message, StringComparison.Ordinal);
            Assert.Equal(frames[3], got[3].Frame!.Data.ToArray());
            got.ForEach(r => r.Frame?.Dispose());
        }
    }

    [Fact]
    public void A_truncated_data_file_is_reported_and_the_other_files_stream()
    {
        using var dir = new TempDir();
        ScanFixtures.Write(dir.PathName, "s", 64, 64, frames: 6, framesPerFile: 3, elementSize: 4, ScanFixtures.Content.Random);
        var victim = dir.File("s_data_000002.h5");
        using (var fs = new FileStream(victim, FileMode.Open))
        {
            fs.SetLength(fs.Length / 2);
        }

        using var scan = EigerScan.Open(dir.File("s_master.h5"));
        var got = FrameStream.Read(scan, Enumerable.Range(0, (int)scan.FrameCount).Select(i => (long)i)).ToList();
        Assert.All(got.Take(3), r => Assert.Null(r.Error));
        var failed = got.Skip(3).Where(r => r.Error is not null).ToList();
        var reported = scan.Problems.Where(p => p.Severity == ProblemSeverity.Error && p.File == victim).ToList();
        Assert.True(failed.Count > 0 || reported.Count > 0, "truncation went unnoticed");
        Assert.All(reported, p => Assert.Contains("s_data_000002.h5", p.ToString(), StringComparison.Ordinal));
        got.ForEach(r => r.Frame?.Dispose());
    }

    [Fact]
    public void Nimages_disagreeing_with_the_frames_present_is_a_warning()
    {
        using var dir = new TempDir();
        // Announce 10 frames, write 4: the scan stopped early.
        var spec = new NxmxScanSpec { Directory = dir.PathName, Name = "s", Rows = 8, Columns = 8, Frames = 10, FramesPerFile = 4 };
        using (var w = NxmxWriter.Create(spec))
        {
            for (int i = 0; i < 4; i++)
            {
                w.WriteFrame(new uint[64]);
            }
        }

        using var scan = EigerScan.Open(dir.File("s_master.h5"));
        Assert.Equal(4, scan.PresentFrameCount);
        Assert.Contains(scan.Problems, p => p.Severity == ProblemSeverity.Warning && p.Message.Contains("nimages × ntrigger = 10 but 4 frames", StringComparison.Ordinal));
    }

    [Fact]
    public void A_pixel_mask_of_the_wrong_shape_is_a_format_error_naming_both_shapes()
    {
        using var dir = new TempDir();
        ScanFixtures.Write(dir.PathName, "s", 10, 12, frames: 1, framesPerFile: 1, elementSize: 4, ScanFixtures.Content.Random);
        using (var f = H5File.Open(dir.File("s_master.h5"), H5OpenMode.ReadWrite))
        {
            f.WriteDataset<uint>(EigerScan.PixelMaskPath, new uint[12 * 10 + 12], [11, 12]);
        }

        using var scan = EigerScan.Open(dir.File("s_master.h5"));
        var e = Assert.Throws<ScanFormatException>(() => scan.ReadPixelMask());
        Assert.Contains("(11, 12)", e.Message, StringComparison.Ordinal);
        Assert.Contains("(10, 12)", e.Message, StringComparison.Ordinal);
        Assert.Contains("pixel_mask", e.Message, StringComparison.Ordinal);
    }
}
