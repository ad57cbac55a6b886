using System.Security.Cryptography;
using System.Text.Json;
using XccaMap.Detector.Eiger;
using XccaMap.Hdf5;

namespace XccaMap.Tests.Detector.Eiger;

/// <summary>Every real file in shared/data/eiger: both decode paths agree bit for bit, and agree with h5py.</summary>
public class RealFilesTests
{
    public static TheoryData<string, string> FrameDatasets()
    {
        var data = new TheoryData<string, string>();
        var root = TestData.Eiger(string.Empty);
        foreach (var file in Directory.EnumerateFiles(root, "*.h5", SearchOption.AllDirectories).Concat(Directory.EnumerateFiles(root, "*.hdf5", SearchOption.AllDirectories)).Order(StringComparer.Ordinal))
        {
            if (!H5File.IsHdf5(file))
            {
                continue;
            }

            using var f = H5File.Open(file);
            foreach (var path in Walk(f, "/"))
            {
                using var ds = f.OpenDataset(path);
                var t = ds.ElementType;
                if (ds.Dims.Length is 2 or 3 && t.Class == H5TypeClass.Integer && !t.IsSigned && ds.ElementCount > 0 && !path.Contains("detectorSpecific", StringComparison.Ordinal))
                {
                    data.Add(Path.GetRelativePath(root, file), path);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FrameDatasets))]
    public void Both_paths_agree_bit_for_bit_and_with_h5py(string relativeFile, string dataset)
    {
        var file = TestData.Eiger(relativeFile);
        using var scan = EigerScan.Open($"{file}::{dataset}");
        var bytesPerFrame = scan.PixelsPerFrame * scan.ElementType.Size;
        var a = new byte[bytesPerFrame];
        var b = new byte[bytesPerFrame];
        var hashes = new List<string>();
        for (long i = 0; i < scan.PresentFrameCount; i++)
        {
            scan.ReadFrameRaw(i, a, DecodePath.Direct);
            scan.ReadFrameRaw(i, b, DecodePath.Hdf5);
            Assert.True(a.AsSpan().SequenceEqual(b), $"{relativeFile}:{dataset} frame {i}: direct and HDF5 paths differ");
            hashes.Add(Convert.ToHexStringLower(SHA256.HashData(a)));
        }

        var reference = Python.Run(
            """
            import sys, json, hashlib, h5py, numpy as np
            f = h5py.File(sys.argv[1], "r"); d = f[sys.argv[2]]
            frames = d[()] if d.ndim == 2 else None
            out = []
            n = 1 if d.ndim == 2 else d.shape[0]
            for i in range(n):
                a = np.ascontiguousarray(d[()] if d.ndim == 2 else d[i]).astype(d.dtype.newbyteorder("<"))
                out.append(hashlib.sha256(a.tobytes()).hexdigest())
            print(json.dumps(out))
            """,
            file,
            dataset);
        Assert.Equal(JsonSerializer.Deserialize<List<string>>(reference), hashes);
    }

    [Fact]
    public void Real_eiger4m_frame_decodes_with_gaps_all_ones()
    {
        using var scan = EigerScan.Open(TestData.Eiger("eiger4m-frame/bitshuffle.h5"));
        Assert.Equal((2167, 2070), (scan.Rows, scan.Columns));
        using var frame = scan.ReadFrame(0);
        // Module gaps (design.md §2): rows 514–550 and columns 1030–1039 hold the all-ones value.
        Assert.Equal(uint.MaxValue, frame.Data[(520 * 2070) + 5]);
        Assert.Equal(uint.MaxValue, frame.Data[(5 * 2070) + 1035]);
    }

    [Fact]
    public void Masters_give_their_metadata()
    {
        using (var arina = EigerScan.Open(TestData.Eiger("arina-master-and-data/test_00_master.h5")))
        {
            Assert.Equal(1e-4, arina.Metadata.PixelSizeX);
            Assert.Equal(16, arina.Metadata.ExpectedFrames);
            Assert.Equal(16, arina.PresentFrameCount);
            Assert.Equal((192, 192), (arina.Rows, arina.Columns));
            Assert.Equal(192 * 192, arina.ReadPixelMask()!.Length);
        }

        using (var dials = EigerScan.Open(TestData.Eiger("masters-only/dials-eiger9m-legacy_master.h5")))
        {
            Assert.Equal(0.9801122, dials.Metadata.WavelengthMetres!.Value * 1e10, 6);
            Assert.Equal(0.134255, dials.Metadata.DistanceMetres!.Value, 6);
            Assert.Equal(1607.415, dials.Metadata.BeamCenterX!.Value, 3);
            Assert.Equal(0, dials.PresentFrameCount);
            Assert.Contains(dials.Problems, p => p.Severity == ProblemSeverity.Error && p.Message.Contains("not found", StringComparison.Ordinal));
        }

        using var dls = EigerScan.Open(TestData.Eiger("masters-only/dls-i03-nxmx-Therm_6_2.nxs"));
        Assert.Equal(0.98027356, dls.Metadata.WavelengthMetres!.Value * 1e10, 7);
        Assert.Equal(0.21395897, dls.Metadata.DistanceMetres!.Value, 7);
        Assert.Equal(2216.0555, dls.Metadata.BeamCenterX!.Value, 1e-3);
        Assert.Equal(488, dls.Metadata.ExpectedFrames);
    }

    [Fact]
    public void Master_with_mostly_absent_data_files_streams_what_exists_and_reports_the_rest()
    {
        using var scan = EigerScan.Open(TestData.Eiger("dectris-h5-testfiles/dataset_artificial_large_001/test_master.h5"));
        Assert.Equal(1000, scan.Sources.Count);
        Assert.Equal(2, scan.Sources.Count(s => s.IsPresent));
        var results = FrameStream.Read(scan, FrameStream.PresentFrames(scan)).ToList();
        Assert.All(results, r => Assert.Null(r.Error));
        Assert.Equal(scan.PresentFrameCount, results.Count);
        results.ForEach(r => r.Frame!.Dispose());
        Assert.Equal(998, scan.Problems.Count(p => p.Severity == ProblemSeverity.Error && p.Message.Contains("data file not found", StringComparison.Ordinal)));
        Assert.Throws<FrameReadException>(() => scan.ReadFrame(scan.Sources[5].FirstFrame));
    }

    private static IEnumerable<string> Walk(H5Group g, string prefix)
    {
        foreach (var name in g.LinkNames())
        {
            var path = prefix.TrimEnd('/') + "/" + name;
            if (!g.CanOpen(name))
            {
                continue;
            }

            if (g.IsDataset(name))
            {
                yield return path;
            }
            else if (g.LinkKindOf(name) == H5LinkKind.Hard)
            {
                using var child = g.OpenGroup(name);
                foreach (var p in Walk(child, path))
                {
                    yield return p;
                }
            }
        }
    }
}
