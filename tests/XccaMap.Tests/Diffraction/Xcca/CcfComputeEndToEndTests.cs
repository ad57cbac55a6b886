using XccaMap.Cli;
using XccaMap.Hdf5;
using static XccaMap.Tests.Diffraction.Xcca.CcfTestProfiles;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary><c>xccamap ccf compute</c> end to end on the simulated demo scan.</summary>
[Collection(SimulatedXccaCollection.Name)]
[Trait("Category", "Slow")]
public sealed class CcfComputeEndToEndTests(SimulatedXccaFixture fixture)
{
    [Fact]
    public void Points_of_a_class_give_the_library_result_in_nexus_and_svg()
    {
        using var dir = new TempDir();
        var c = fixture.Truth.Classes[0];
        var expected = fixture.Runs[0].Domains.Single();
        var raster = XccaMap.Diffraction.Processing.Raster.ReadScanFile(fixture.Result.ScanDescriptionPath);
        var lines = Enumerable.Range(0, raster.Points).Where(f => fixture.Truth.ClassOfFrame(f) == c.Index)
            .Select(f => raster.PointOfFrame(f)).Select(p => $"{p.Row} {p.Col} 3").ToList();
        File.WriteAllLines(dir.File("points.txt"), ["# row col domain", .. lines]);
        string q1 = FormattableString.Invariant($"{c.Q1 - c.Q1HalfWidth}:{c.Q1 + c.Q1HalfWidth}");
        string q2 = FormattableString.Invariant($"{c.Q2 - c.Q2HalfWidth}:{c.Q2 + c.Q2HalfWidth}");
        string peak = FormattableString.Invariant($"{c.Q2 - 0.12}:{c.Q2 + 0.12}");
        string output = dir.File("ccf.h5");
        int code = CliApp.Run(["ccf", "compute", fixture.Result.MasterPath, "--scan", fixture.Result.ScanDescriptionPath, "--mask", fixture.Result.BeamstopPath,
            "--q1", q1, "--q2", q2, "--points", dir.File("points.txt"), "--peak", peak, "--polarisation", "0.99", "--per-frame", "--out", output]);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("<svg", File.ReadAllText(dir.File("ccf.svg")), StringComparison.Ordinal);
        using var file = H5File.Open(output);
        using var g = file.OpenGroup("entry/xcca/domain_3");
        Assert.Equal("NXdata", g.ReadStringAttribute("NX_class"));
        Assert.Equal("ccf", g.ReadStringAttribute("signal"));
        Assert.Equal(2, g.ReadDoubleAttribute("q1_angstrom^-1")!.Length);
        using var delta = g.OpenDataset("delta");
        Assert.Equal("degree", delta.ReadStringAttribute("units"));
        var ccf = g.OpenDataset("ccf").ReadAll<double>();
        Assert.Equal(360, ccf.Length);

        // The command's mask lacks the fixture's hot pixels: the CCFs agree closely, not exactly.
        Assert.True(Pearson(ccf, expected.Ccf.Scaled) > 0.999);
        double axis = g.ReadDoubleAttribute("symmetry_axis_deg")![0];
        Assert.Equal(expected.Ccf.Axis.AxisDeg, axis, 0.2);
        using var disorder = file.OpenGroup("entry/disorder/domain_3");
        using var dphi = disorder.OpenDataset("delta_phi_deg");
        Assert.Equal(expected.Disorder!.DeltaPhiDeg.Value, dphi.ReadScalarDouble(), 0.1);
        using var frames = file.OpenDataset("entry/frames/ccf");
        Assert.Equal([(ulong)lines.Count, 360UL], frames.Dims);
    }
}
