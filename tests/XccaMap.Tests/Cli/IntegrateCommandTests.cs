using XccaMap.Cli;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Tests.Cli;

/// <summary><c>xccamap integrate</c> end to end: a ring at a known q comes out at that q, in a NeXus file h5py reads.</summary>
[Collection("Console")]
public class IntegrateCommandTests
{
    [Fact]
    public void A_ring_at_known_q_is_found_in_the_nexus_output()
    {
        using var dir = new TempDir();
        const int rows = 256, cols = 300;
        var poni = new PoniGeometry(0.41, 120.5 * 75e-6, 20.5 * 75e-6, 0, 0, 0, 0.898e-10, new DetectorSpec("test", 75e-6, 75e-6, new DetectorShape(rows, cols)));
        var poniPath = dir.File("g.poni");
        poni.Write(poniPath);
        var geometry = PixelGeometry.Create(poni, new DetectorShape(rows, cols));
        const double ringQ = 0.1;
        var expected = SyntheticFrame.Expected(geometry, [new SyntheticRing(ringQ, 0.002, 200)], background: 1);
        var spec = new NxmxScanSpec { Directory = dir.PathName, Name = "r", Rows = rows, Columns = cols, Frames = 3, FramesPerFile = 2 };
        using (var w = NxmxWriter.Create(spec))
        {
            for (int f = 0; f < 3; f++)
            {
                w.WriteFrame(SyntheticFrame.Poisson(expected, cols, seed: f));
            }
        }

        var output = dir.File("int.h5");
        var stdout = Console.Out;
        var stderr = Console.Error;
        try
        {
            Console.SetOut(TextWriter.Null);
            Console.SetError(TextWriter.Null);
            Assert.Equal(ExitCodes.Ok, CliApp.Run(["integrate", spec.MasterPath, "--poni", poniPath, "--q-range", "0.02:0.2", "--q-bins", "180", "--phi-bins", "36", "--out", output]));
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }

        var report = Python.Run(
            """
            import sys, h5py, numpy as np
            f = h5py.File(sys.argv[1], "r")
            e = f[f.attrs["default"]]; d = e[e.attrs["default"]]
            assert d.attrs["NX_class"] == b"NXdata" and d.attrs["signal"] == b"intensity"
            assert list(d.attrs["axes"]) == [b"frame", b"q"] and d["q"].attrs["units"] == b"1/angstrom"
            i = d["intensity"][()]; q = d["q"][()]
            c = e["cake"]; assert c["intensity"].shape == (3, 36, 180) and c["phi"].attrs["units"] == b"degree"
            print(i.shape[0], q[np.argmax(i.mean(axis=0))])
            """,
            output);
        var parts = report.Split(' ', StringSplitOptions.TrimEntries);
        Assert.Equal("3", parts[0]);
        Assert.Equal(ringQ, double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 0.0011);
    }
}
