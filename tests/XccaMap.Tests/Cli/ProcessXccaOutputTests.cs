using System.Globalization;
using System.Text.Json;
using XccaMap.Cli;
using XccaMap.Tests.Diffraction.Processing;

namespace XccaMap.Tests.Cli;

/// <summary>
/// The cross-correlation outputs of <c>xccamap process</c> on the small synthetic scan (fast): <c>/entry/xcca</c> and
/// <c>/entry/disorder</c> as h5py reads them, the per-domain entries of summary.json and the report, and
/// <c>xccamap ccf fit --results</c> run on the process output (issue 7).
/// </summary>
[Collection("Console")]
public class ProcessXccaOutputTests
{
    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = Console.Out;
        var stderr = Console.Error;
        var o = new StringWriter();
        var e = new StringWriter();
        try
        {
            Console.SetOut(o);
            Console.SetError(e);
            return (CliApp.Run(args), o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    [Fact]
    public void Process_writes_the_domain_CCFs_that_h5py_reads_and_ccf_fit_fits()
    {
        using var dir = new TempDir();
        var scan = SyntheticScan.Write(dir.PathName);
        var outDir = dir.File("out");
        var (code, _, stderr) = Run("process", scan.Master, "--raster", "10x12", "--snake", "--poni", scan.Poni, "--mask", scan.Beamstop, "--out", outDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("xcca domain_0", stderr, StringComparison.Ordinal);

        // summary.json: per domain the ring pair, the symmetry axis and the disorder fit; the stages timed.
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var xcca = summary.RootElement.GetProperty("xcca");
        Assert.Equal(1.0, xcca.GetProperty("delta_step_deg").GetDouble());
        var domains = xcca.GetProperty("domains").EnumerateArray().ToList();
        Assert.Equal(3, domains.Count);
        foreach (var d in domains)
        {
            int k = d.GetProperty("domain").GetInt32();
            Assert.Equal($"saxs_class_{k + 1}", d.GetProperty("saxs_class").GetString());
            Assert.StartsWith("sl_", d.GetProperty("ring_pair").GetProperty("q1").GetString(), StringComparison.Ordinal);
            Assert.Equal("al_200", d.GetProperty("ring_pair").GetProperty("q2").GetString());
            Assert.Equal(JsonValueKind.Number, d.GetProperty("symmetry_axis_deg").ValueKind);
            Assert.Equal(JsonValueKind.Number, d.GetProperty("symmetry_axis_err_deg").ValueKind);
            Assert.True(d.GetProperty("disorder").TryGetProperty("delta_phi_err_deg", out _));
        }

        var stages = summary.RootElement.GetProperty("throughput").GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).ToList();
        Assert.Contains("xcca", stages);
        Assert.Contains("xcca setup", stages);
        Assert.True(xcca.GetProperty("timing").GetProperty("profile_frames").GetInt64() == 120);

        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("Cross-correlation and orientational disorder", html, StringComparison.Ordinal);
        Assert.Contains("ΔΦ (°)", html, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "figures", "ccf_domain_0.svg")));

        var report = Python.Run(
            """
            import sys, h5py, numpy as np
            f = h5py.File(sys.argv[1], "r")
            s = lambda v: v.decode() if isinstance(v, bytes) else str(v)
            x = f["entry/xcca"]
            assert s(x.attrs["NX_class"]) == "NXcollection" and "saxs_class" in s(x.attrs["domain_mapping"])
            assert "degrees" in s(x.attrs["phi_convention"]) and float(x.attrs["delta_step_deg"]) == 1.0
            out = []
            for name in sorted(x):
                g = x[name]
                assert s(g.attrs["NX_class"]) == "NXdata" and s(g.attrs["signal"]) == "ccf"
                assert [s(a) for a in g.attrs["axes"]] == ["delta"]
                assert s(g["delta"].attrs["units"]) == "degree" and g["delta"].shape == (360,)
                c = g["ccf"][()]
                assert np.nanmin(c) == 0 and np.nanmax(c) == 1 and g["auto_q1"].shape == (360,)
                assert len(g.attrs["q1_angstrom^-1"]) == 2 and s(g.attrs["q2_ring"]) == "al_200"
                d = f["entry/disorder/" + name]
                assert s(d["delta_phi_deg"].attrs["units"]) == "degree"
                cut = d["radial_cut"]
                assert s(cut.attrs["signal"]) == "intensity" and s(cut["q"].attrs["units"]) == "1/angstrom"
                assert d["azimuthal_cut/fit"].shape == d["azimuthal_cut/phi"].shape
                k = int(g.attrs["domain"])
                assert s(g.attrs["domain_name"]) == "saxs_class_%d" % (k + 1) and ("saxs_class_%d" % (k + 1)) in f["entry/classes"]
                out.append("%s:%d:%.3f" % (name, int(g.attrs["frames"]), float(d["delta_phi_deg"][()])))
            assert list(f["entry/process/detector_shape"][()]) == [256, 256]
            print(" ".join(out))
            """,
            Path.Combine(outDir, "results.h5"));
        var groups = report.Split(' ', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["domain_0", "domain_1", "domain_2"], groups.Select(g => g.Split(':')[0]));
        Assert.All(groups, g => Assert.True(int.Parse(g.Split(':')[1], CultureInfo.InvariantCulture) > 0, g));

        // ccf fit on the process output, as a user would run it (closes issue 7).
        var (fitCode, fitOut, fitErr) = Run("ccf", "fit", "--results", Path.Combine(outDir, "results.h5"), "--domain", "1", "--zone", "0,0,1", "--model", "conf1");
        Assert.True(fitCode == ExitCodes.Ok, fitErr + fitOut);
        Assert.Contains("256", fitErr, StringComparison.Ordinal); // masks from the recorded 256 × 256 detector, not an Eiger 4M
        using var fit = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "ccf_fit_domain_1.json")));
        Assert.True(fit.RootElement.GetProperty("results").GetArrayLength() > 0);
        Assert.Equal(360, fit.RootElement.GetProperty("curves").GetProperty("measured").GetArrayLength());
    }

    [Fact]
    public void Xcca_can_be_switched_off()
    {
        using var dir = new TempDir();
        var scan = SyntheticScan.Write(dir.PathName, framesWritten: 60);
        File.WriteAllText(dir.File("c.json"), """{ "xcca": { "enabled": false } }""");
        var outDir = dir.File("out");
        var (code, _, stderr) = Run("process", scan.Master, "--raster", "10x12", "--snake", "--poni", scan.Poni, "--mask", scan.Beamstop, "--config", dir.File("c.json"), "--out", outDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        Assert.Equal(JsonValueKind.Null, summary.RootElement.GetProperty("xcca").ValueKind);
        Assert.Equal("False", Python.Run("import sys, h5py; print('xcca' in h5py.File(sys.argv[1])['entry'])", Path.Combine(outDir, "results.h5")).Trim());
    }
}
