using XccaMap.Cli;

namespace XccaMap.Tests.Diffraction.Boundary;

/// <summary><c>xccamap boundary</c> end to end on the small synthetic scan of the process tests, and its usage errors.</summary>
[Collection("Console")]
public class BoundaryCommandTests(ProcessedSyntheticScan scan) : IClassFixture<ProcessedSyntheticScan>
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (o, e) = (new StringWriter(), new StringWriter());
        try
        {
            Console.SetOut(o);
            Console.SetError(e);
            return (CliApp.Run(args), o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
        }
    }

    [Fact]
    public void Writes_maps_tables_and_figures_with_and_without_a_line()
    {
        using var dir = new TempDir();
        string results = scan.ResultsPath;
        var (code, stdout, stderr) = Run("boundary", "--results", results, "--from", "1,1", "--to", "8,10", "--out", dir.File("b"));
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.Contains("whole scan:", stdout, StringComparison.Ordinal);
        Assert.Contains("line:", stdout, StringComparison.Ordinal);
        foreach (var f in new[] { "boundary.json", "boundary.h5", "compression_points.csv", "compression_bins.csv", "domains.csv", "line.csv", "q_map.png", "compression_vs_distance.svg", "line_q.svg", "line_compression.svg" })
        {
            Assert.True(File.Exists(dir.File("b/" + f)), f);
        }

        var lines = File.ReadAllLines(dir.File("b/line.csv"));
        Assert.StartsWith("position_um,row,col", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 5);

        (code, _, stderr) = Run("boundary", "--results", results, "--reflection", "all", "--out", dir.File("c"));
        Assert.True(code == ExitCodes.Ok, stderr);
        Assert.False(File.Exists(dir.File("c/line.csv")));
        Assert.True(File.Exists(dir.File("c/domains.png")));
    }

    [Theory]
    [InlineData("--from", "1,1")]
    [InlineData("--from", "1;1", "--to", "2,2")]
    [InlineData("--sampling", "cubic")]
    [InlineData("--reflection", "999")]
    [InlineData("--reflection", "123")]
    public void Usage_errors_exit_with_1(params string[] extra)
    {
        using var dir = new TempDir();
        string results = scan.ResultsPath;
        var (code, _, stderr) = Run(["boundary", "--results", results, "--out", dir.File("x"), "--no-rotation", .. extra]);
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("xccamap: error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_results_file_is_an_io_error()
    {
        var (code, _, stderr) = Run("boundary", "--results", "/nonexistent/results.h5");
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Contains("/nonexistent/results.h5", stderr, StringComparison.Ordinal);
    }
}
