using XccaMap.Detector.Eiger;

namespace XccaMap.Tests.Detector.Eiger;

/// <summary>Files written by another tool (h5py + Debian's bitshuffle/LZ4 plugins) read bit for bit.</summary>
public class H5pyCrossCheckTests
{
    [Theory]
    [InlineData("uint32", "bitshuffle")]
    [InlineData("uint16", "bitshuffle")]
    [InlineData("uint32", "lz4")]
    public void A_scan_written_by_h5py_reads_bit_for_bit(string dtype, string codec)
    {
        using var dir = new TempDir();
        Python.Run(
            """
            import sys, os, numpy as np, h5py
            out, dtype, codec = sys.argv[1], np.dtype(sys.argv[2]), sys.argv[3]
            rng = np.random.default_rng(5)
            rows, cols, per_file, n = 61, 77, 3, 7
            frames = rng.poisson(0.3, size=(n, rows, cols)).astype(dtype)
            frames[:, 20, :] = np.iinfo(dtype).max          # a gap row: all ones
            frames[:, :, 40] = rng.integers(0, 1000, size=(n, rows))
            filt = dict(compression=32008, compression_opts=(0, 2)) if codec == "bitshuffle" else dict(compression=32004)
            with h5py.File(os.path.join(out, "py_master.h5"), "w") as m:
                det = m.create_group("entry/instrument/detector")
                det["x_pixel_size"] = 75e-6; det["x_pixel_size"].attrs["units"] = "m"
                det["detector_distance"] = 410.0; det["detector_distance"].attrs["units"] = "mm"
                m.create_dataset("entry/instrument/beam/incident_wavelength", data=0.0898).attrs["units"] = "nm"
                sp = det.create_group("detectorSpecific")
                sp["nimages"] = n; sp["ntrigger"] = 1
                m.create_group("entry/data")
                for k in range(0, n, per_file):
                    name = "py_data_%06d.h5" % (k // per_file + 1)
                    with h5py.File(os.path.join(out, name), "w") as d:
                        d.create_dataset("entry/data/data", data=frames[k:k + per_file], chunks=(1, rows, cols), maxshape=(None, rows, cols), **filt)
                    m["entry/data/data_%06d" % (k // per_file + 1)] = h5py.ExternalLink(name, "/entry/data/data")
            np.save(os.path.join(out, "frames.npy"), frames)
            """,
            dir.PathName,
            dtype,
            codec);

        var expected = XccaMap.Detector.Masks.NpyReader.Read(dir.File("frames.npy"));
        using var scan = EigerScan.Open(dir.File("py_master.h5"));
        Assert.Equal(7, scan.PresentFrameCount);
        Assert.Equal(0.41, scan.Metadata.DistanceMetres!.Value, 12);
        Assert.Equal(0.898, scan.Metadata.WavelengthMetres!.Value * 1e10, 12);
        int size = dtype == "uint16" ? 2 : 4;
        var a = new byte[scan.PixelsPerFrame * size];
        var b = new byte[a.Length];
        var raw = size == 2
            ? System.Runtime.InteropServices.MemoryMarshal.AsBytes(expected.As<ushort>().AsSpan()).ToArray()
            : System.Runtime.InteropServices.MemoryMarshal.AsBytes(expected.As<uint>().AsSpan()).ToArray();
        for (int f = 0; f < 7; f++)
        {
            scan.ReadFrameRaw(f, a, DecodePath.Direct);
            scan.ReadFrameRaw(f, b, DecodePath.Hdf5);
            Assert.True(a.AsSpan().SequenceEqual(b), $"frame {f}: paths differ");
            Assert.True(a.AsSpan().SequenceEqual(raw.AsSpan(f * a.Length, a.Length)), $"frame {f}: differs from what h5py wrote");
        }
    }
}
