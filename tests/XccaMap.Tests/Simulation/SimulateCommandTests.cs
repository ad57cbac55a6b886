using XccaMap.Cli;
using XccaMap.Detector.Eiger;

namespace XccaMap.Tests.Simulation;

/// <summary><c>xccamap simulate</c>: usage errors, bad input, missing files, and a tiny run end to end.</summary>
[Collection("Console")]
public sealed class SimulateCommandTests
{
    private static int Run(params string[] args)
    {
        var err = Console.Error;
        var output = Console.Out;
        try
        {
            Console.SetError(TextWriter.Null);
            Console.SetOut(TextWriter.Null);
            return CliApp.Run(args);
        }
        finally
        {
            Console.SetError(err);
            Console.SetOut(output);
        }
    }

    [Fact]
    public void Errors_have_distinct_exit_codes()
    {
        using var dir = new TempDir();
        Assert.Equal(ExitCodes.Usage, Run("simulate", "--scan", RepoFiles.Scan("demo.json")));
        Assert.Equal(ExitCodes.Usage, Run("simulate", "--scan", RepoFiles.Scan("demo.json"), "--out", dir.PathName, "--rows", "0"));
        Assert.Equal(ExitCodes.IoError, Run("simulate", "--scan", dir.File("missing.json"), "--out", dir.PathName));
        File.WriteAllText(dir.File("bad.json"), """{ "raster": { "rows": -1 } }""");
        Assert.Equal(ExitCodes.BadData, Run("simulate", "--scan", dir.File("bad.json"), "--out", dir.PathName));
        File.WriteAllText(dir.File("typo.json"), """{ "raster": { "step_nm": 250 } }""");
        Assert.Equal(ExitCodes.BadData, Run("simulate", "--scan", dir.File("typo.json"), "--out", dir.PathName));
    }

    [Fact]
    public void A_one_point_scan_runs_end_to_end()
    {
        using var dir = new TempDir();
        Assert.Equal(ExitCodes.Ok, Run("simulate", "--scan", RepoFiles.Scan("alt-pbs-a130-11kev.json"), "--out", dir.PathName,
            "--rows", "1", "--cols", "2", "--seed", "5", "--frames-per-file", "1", "--no-truth-patterns"));
        using var scan = EigerScan.Open(dir.File("alt-pbs-a130-11kev_master.h5"));
        Assert.Equal(2, scan.PresentFrameCount);
        Assert.Equal(2, scan.Sources.Count);
        Assert.Equal(1.1271e-10, scan.Metadata.WavelengthMetres!.Value, 15);
        Assert.True(File.Exists(dir.File("alt-pbs-a130-11kev_truth.json")));
    }
}
