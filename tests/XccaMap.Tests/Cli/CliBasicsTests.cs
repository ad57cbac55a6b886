using System.CommandLine;
using XccaMap.Cli;

namespace XccaMap.Tests.Cli;

/// <summary>Command-line basics: every command and option is documented; errors give distinct exit codes.</summary>
[Collection("Console")]
public class CliBasicsTests
{
    [Fact]
    public void Every_command_option_and_argument_has_a_description()
    {
        var undocumented = new List<string>();
        void Visit(Command c, string path)
        {
            if (string.IsNullOrWhiteSpace(c.Description))
            {
                undocumented.Add(path);
            }

            undocumented.AddRange(c.Options.Where(o => string.IsNullOrWhiteSpace(o.Description) && o.Name is not ("--help" or "--version")).Select(o => $"{path} {o.Name}"));
            undocumented.AddRange(c.Arguments.Where(a => string.IsNullOrWhiteSpace(a.Description)).Select(a => $"{path} <{a.Name}>"));
            foreach (var s in c.Subcommands)
            {
                Visit(s, $"{path} {s.Name}");
            }
        }

        Visit(CliApp.Build(), "xccamap");
        Assert.Empty(undocumented);
    }

    [Theory]
    [InlineData(new[] { "info" }, ExitCodes.Usage)]
    [InlineData(new[] { "no-such-command" }, ExitCodes.Usage)]
    [InlineData(new[] { "bench", "read", "x.h5", "--path", "sideways" }, ExitCodes.Usage)]
    [InlineData(new[] { "info", "/nonexistent/scan_master.h5" }, ExitCodes.IoError)]
    public void Errors_have_distinct_exit_codes(string[] args, int expected)
    {
        var err = Console.Error;
        try
        {
            Console.SetError(TextWriter.Null);
            Assert.Equal(expected, CliApp.Run(args));
        }
        finally
        {
            Console.SetError(err);
        }
    }

    [Fact]
    public void A_file_that_is_not_hdf5_is_bad_data()
    {
        using var dir = new TempDir();
        var path = dir.File("x_master.h5");
        File.WriteAllText(path, "not hdf5");
        var err = Console.Error;
        var captured = new StringWriter();
        try
        {
            Console.SetError(captured);
            Assert.Equal(ExitCodes.BadData, CliApp.Run(["info", path]));
        }
        finally
        {
            Console.SetError(err);
        }

        Assert.Contains(path, captured.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Info_json_reports_frames_and_missing_files()
    {
        using var dir = new TempDir();
        XccaMap.Tests.Detector.Eiger.ScanFixtures.Write(dir.PathName, "s", 8, 9, frames: 4, framesPerFile: 2, elementSize: 4, XccaMap.Tests.Detector.Eiger.ScanFixtures.Content.Random);
        File.Delete(dir.File("s_data_000002.h5"));
        var output = new StringWriter();
        var old = Console.Out;
        try
        {
            Console.SetOut(output);
            Assert.Equal(ExitCodes.Ok, CliApp.Run(["info", dir.File("s_master.h5"), "--json"]));
        }
        finally
        {
            Console.SetOut(old);
        }

        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Equal(2, json.RootElement.GetProperty("frames").GetProperty("present").GetInt64());
        Assert.Equal(4, json.RootElement.GetProperty("frames").GetProperty("expected").GetInt64());
        Assert.Contains("s_data_000002.h5", json.RootElement.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }
}

/// <summary>Tests that redirect Console run one at a time.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public class ConsoleCollection;
