using XccaMap.Cli;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary><c>xccamap ccf compute</c>: usage errors and help (fast).</summary>
public sealed class CcfCommandTests
{
    [Fact]
    public void Ccf_lists_compute_and_compute_documents_its_options()
    {
        var ccf = CliApp.Build().Subcommands.Single(c => c.Name == "ccf");
        var compute = ccf.Subcommands.Single(c => c.Name == "compute");
        var options = compute.Options.Select(o => o.Name).ToHashSet();
        foreach (var name in new[] { "--poni", "--mask", "--q1", "--q2", "--frames", "--points", "--scan", "--raster", "--step", "--peak", "--per-frame", "--out" })
        {
            Assert.Contains(name, options);
        }

        Assert.All(compute.Options, o => Assert.False(string.IsNullOrWhiteSpace(o.Description), o.Name));
    }

    [Theory]
    [InlineData("--step", "0.7")]
    [InlineData("--step", "-1")]
    public void Bad_step_is_a_usage_error(string option, string value)
    {
        Assert.Equal(ExitCodes.Usage, CliApp.Run(["ccf", "compute", "x_master.h5", "--q1", "0.08:0.09", "--q2", "2:2.2", option, value, "--out", "o.h5"]));
    }

    [Fact]
    public void Missing_q_window_is_a_usage_error()
    {
        Assert.Equal(ExitCodes.Usage, CliApp.Run(["ccf", "compute", "x_master.h5", "--q1", "0.08:0.09", "--out", "o.h5"]));
    }

    [Fact]
    public void Reversed_q_window_is_a_usage_error()
    {
        using var dir = new TempDir();
        Assert.Equal(ExitCodes.Usage, CliApp.Run(["ccf", "compute", dir.File("x_master.h5"), "--q1", "0.09:0.08", "--q2", "2:2.2", "--out", dir.File("o.h5")]));
    }

    [Fact]
    public void Missing_master_is_an_io_error()
    {
        using var dir = new TempDir();
        Assert.Equal(ExitCodes.IoError, CliApp.Run(["ccf", "compute", dir.File("none_master.h5"), "--q1", "0.08:0.09", "--q2", "2:2.2", "--out", dir.File("o.h5")]));
    }
}
