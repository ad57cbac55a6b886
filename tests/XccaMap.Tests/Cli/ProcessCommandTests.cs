using System.Text.Json;
using XccaMap.Cli;
using XccaMap.Tests.Diffraction.Processing;

namespace XccaMap.Tests.Cli;

/// <summary><c>xccamap process</c> end to end on a small synthetic scan: outputs written, h5py reads the NeXus maps.</summary>
[Collection("Console")]
public class ProcessCommandTests
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
    public void Process_WritesResultsSummaryReportAndFigures_ThatH5pyReads()
    {
        using var dir = new TempDir();
        var scan = SyntheticScan.Write(dir.PathName, framesWritten: 110);
        var outDir = dir.File("out");
        var (code, stdout, stderr) = Run("process", scan.Master, "--raster", "10x12", "--snake", "--poni", scan.Poni, "--mask", scan.Beamstop, "--out", outDir);
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("processed 110 frames", stdout, StringComparison.Ordinal);
        Assert.Contains("features", stderr, StringComparison.Ordinal); // plain progress lines (stderr redirected)

        foreach (var f in new[] { "results.h5", "summary.json", "report.html", "figures/saxs_classes.png", "figures/waxs_classes.png", "figures/profile_scan_average.svg" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, f)), f);
        }

        Assert.Empty(Directory.GetFiles(outDir, "*.tmp"));
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "summary.json")));
        var frames = summary.RootElement.GetProperty("frames");
        Assert.Equal(110, frames.GetProperty("processed").GetInt32());
        Assert.Equal(10, frames.GetProperty("points_without_data").GetInt32());
        Assert.Equal(3, summary.RootElement.GetProperty("classification").GetProperty("saxs").GetProperty("classes").GetInt32());
        Assert.True(summary.RootElement.GetProperty("throughput").GetProperty("frames_per_second").GetDouble() > 0);

        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        Assert.Contains("data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        var report = Python.Run(
            """
            import sys, h5py, numpy as np
            f = h5py.File(sys.argv[1], "r")
            s = lambda v: v.decode() if isinstance(v, bytes) else str(v)
            e = f[s(f.attrs["default"])]
            assert s(e.attrs["NX_class"]) == "NXentry"
            m = e[s(e.attrs["default"])]
            assert s(m.attrs["NX_class"]) == "NXdata" and s(m.attrs["signal"]) == "saxs_class"
            assert [s(a) for a in m.attrs["axes"]] == ["row", "col"]
            assert m["saxs_class"].shape == (10, 12) and m["waxs_class"].shape == (10, 12)
            assert s(m["q_sl_200"].attrs["units"]) == "1/angstrom" and m["q_sl_200"].shape == (10, 12)
            assert "q_sl_200" in [s(a) for a in m.attrs["auxiliary_signals"]]
            assert "degrees" in s(e["process/phi_convention"][()])
            assert s(e["scan_average"].attrs["signal"]) == "intensity" and s(e["scan_average/q"].attrs["units"]) == "1/angstrom"
            c = e["classes/saxs_class_1"]
            assert c["pattern/data"].ndim == 2 and s(c["core_profile/q"].attrs["units"]) == "1/angstrom"
            nodata = int((m["saxs_class"][()] == -3).sum())
            print(nodata, float(e["indexing/superlattice/a_mean"][()]), len(e["classes"]))
            """,
            Path.Combine(outDir, "results.h5"));
        var parts = report.Split(' ', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("10", parts[0]);
        Assert.InRange(double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), 59.4, 60.6);
        Assert.Equal("6", parts[2]); // 3 SAXS + 3 WAXS classes
    }

    [Theory]
    [InlineData("process m.h5 --out o")]
    [InlineData("process m.h5 --scan s.json --raster 3x3 --poni p.poni --out o")]
    [InlineData("process m.h5 --raster 3y3 --poni p.poni --out o")]
    [InlineData("process m.h5 --raster 3x3 --out o")]
    [InlineData("process m.h5 --raster 3x3 --poni p.poni")]
    public void BadCommandLines_AreUsageErrors(string commandLine)
    {
        Assert.Equal(ExitCodes.Usage, Run(commandLine.Split(' ')).Code);
    }

    [Fact]
    public void UnknownConfigKey_IsBadData()
    {
        using var dir = new TempDir();
        var scan = SyntheticScan.Write(dir.PathName, framesWritten: 4);
        File.WriteAllText(dir.File("c.json"), """{ "survey_frame": 10 }""");
        var (code, _, stderr) = Run("process", scan.Master, "--raster", "10x12", "--poni", scan.Poni, "--config", dir.File("c.json"), "--out", dir.File("o"));
        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains("survey_frame", stderr, StringComparison.Ordinal);
    }
}
