using System.Text.Json.Nodes;
using XccaMap.Cli;

namespace XccaMap.Tests.Tomography;

/// <summary>The <c>tomo</c> commands end to end: synth → analyze → files; bad input → distinct exit codes.</summary>
[Collection("Console")]
public class TomoCliTests
{
    [Fact]
    public void Synth_then_analyze_writes_report_tables_json_and_figures()
    {
        using var dir = new TempDir();
        string csv = dir.File("cuau.csv"), outDir = dir.File("out");
        var (code, stdout, _) = Run(["tomo", "synth", "--cell", "cuau", "--out", csv, "--cells-per-grain", "500", "--seed", "4"]);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("CuAu-type AB", stdout, StringComparison.Ordinal);
        (code, stdout, _) = Run(["tomo", "analyze", csv, "--out", outDir]);
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("P4/mmm (No. 123)", stdout, StringComparison.Ordinal);
        foreach (var f in new[] { "report.txt", "analysis.json", "particles.csv", "crystallites.csv", "sites.csv", "crystallites_z.png", "displacement_y.png" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, f)), $"{f} missing");
        }

        string report = File.ReadAllText(Path.Combine(outDir, "report.txt"));
        Assert.Contains("Unit cell vector length and average displacement (rms) from lattice in nm", report, StringComparison.Ordinal);
        Assert.Contains("Unit cell filling fractions (ρ) and size ratios (γ)", report, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(outDir, "analysis.json")))!;
        var crystallites = json["crystallites"]!.AsArray();
        Assert.NotEmpty(crystallites);
        Assert.All(crystallites, c => Assert.Equal(123, (int)c!["space_group"]!["number"]!));
        var header = File.ReadLines(Path.Combine(outDir, "particles.csv")).First();
        Assert.Equal("index,x,y,z,radius,species,crystallite,q6,voronoi_neighbours,open,displacement_nm", header);
        Assert.Equal(File.ReadLines(csv).Count(), File.ReadLines(Path.Combine(outDir, "particles.csv")).Count());
    }

    [Fact]
    public void Malformed_table_is_bad_data_naming_file_and_line()
    {
        using var dir = new TempDir();
        string csv = dir.File("bad.csv");
        File.WriteAllText(csv, "x,y,z,radius,species\n1,2,3,4,PbSe\n1,2,oops,4,PbSe\n");
        var (code, _, stderr) = Run(["tomo", "analyze", csv, "--out", dir.File("out")]);
        Assert.Equal(ExitCodes.BadData, code);
        Assert.Contains($"{csv}:3: column 'z' is not a finite number", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "tomo", "synth", "--cell", "nacl", "--out", "x.csv" }, ExitCodes.Usage)]
    [InlineData(new[] { "tomo", "analyze", "x.csv" }, ExitCodes.Usage)]
    [InlineData(new[] { "tomo", "analyze", "x.csv", "--out", "o", "--tolerance", "0" }, ExitCodes.Usage)]
    [InlineData(new[] { "tomo", "analyze", "/nonexistent/particles.csv", "--out", "o" }, ExitCodes.IoError)]
    public void Usage_and_io_errors_have_their_exit_codes(string[] args, int expected) => Assert.Equal(expected, Run(args).Code);

    private static (int Code, string Stdout, string Stderr) Run(string[] args)
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
}
