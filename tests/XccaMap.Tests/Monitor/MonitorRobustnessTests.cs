using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;
using XccaMap.Cli;
using XccaMap.Monitor;
using XccaMap.Monitor.Dashboard;

namespace XccaMap.Tests.Monitor;

/// <summary>Files that never complete or are not readable yet, a master deleted mid-scan, a port in use.</summary>
[Collection("Console")]
public sealed class MonitorRobustnessTests(ITestOutputHelper output)
{
    private (MonitorOutcome Outcome, MonitorState State, List<string> Messages) Monitor(string live, string outDir, ScanReleaser releaser, double idle = 2.5)
    {
        var log = new MonitorLog();
        var messages = new List<string>();
        log.Written += m =>
        {
            lock (messages)
            {
                messages.Add(m.Text);
            }

            output.WriteLine($"{m.Severity}: {m.Text}");
        };
        var state = new MonitorState(log);
        var writing = releaser.Start();
        var outcome = new ScanMonitor(MonitorTestScan.Options(live, outDir, idle), state).Run();
        writing.GetAwaiter().GetResult();
        return (outcome, state, messages);
    }

    [Fact]
    public void A_data_file_that_never_completes_is_reported_and_the_rest_is_processed()
    {
        using var dir = new TempDir();
        var staging = MonitorTestScan.Stage(dir);
        var live = dir.File("live");
        var (outcome, _, messages) = Monitor(live, dir.File("out"), new ScanReleaser(staging, live) { FramesPerSecond = 200, NeverComplete = new HashSet<int> { 5 } });

        Assert.Equal(MonitorEnd.Idle, outcome.End);
        Assert.Equal(110, outcome.FramesDone);
        Assert.Equal(10, outcome.FramesMissing);
        Assert.Contains(messages, m => m.Contains("syn_data_000005.h5 never completed", StringComparison.Ordinal));
        Assert.NotNull(outcome.Final); // process's results of what came, the missing frames as no data
        Assert.Equal(10, outcome.Final!.PointsWithoutData);
    }

    [Fact]
    public void A_data_file_not_readable_yet_is_retried_until_it_is()
    {
        using var dir = new TempDir();
        var staging = MonitorTestScan.Stage(dir);
        var live = dir.File("live");
        var (outcome, _, messages) = Monitor(live, dir.File("out"), new ScanReleaser(staging, live) { FramesPerSecond = 200, GarbageFirst = 3 });

        Assert.Equal(MonitorEnd.Completed, outcome.End);
        Assert.Equal(MonitorTestScan.Raster.Points, outcome.FramesDone);
        Assert.Contains(messages, m => m.Contains("syn_data_000003.h5 exists but cannot be read yet", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("syn_data_000003.h5 is readable now", StringComparison.Ordinal));
    }

    [Fact]
    public void A_master_deleted_mid_scan_is_reported_and_nothing_computed_is_lost()
    {
        using var dir = new TempDir();
        var staging = MonitorTestScan.Stage(dir);
        var live = dir.File("live");
        var (outcome, state, messages) = Monitor(live, dir.File("out"), new ScanReleaser(staging, live) { FramesPerSecond = 40, DeleteMasterAfter = 6 });

        Assert.Equal(MonitorEnd.Completed, outcome.End);
        Assert.Equal(MonitorTestScan.Raster.Points, outcome.FramesDone);
        Assert.Contains(messages, m => m.Contains("has disappeared", StringComparison.Ordinal));
        Assert.Null(outcome.Final);
        Assert.Contains("master", outcome.FinalProblem, StringComparison.Ordinal);
        Assert.True(File.Exists(dir.File("out/checkpoint/manifest.json")));
        Assert.NotNull(state.Classes.Saxs);
    }

    [Fact]
    public async Task A_port_in_use_gives_a_clear_error_and_exit_code_3()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var state = new MonitorState(new MonitorLog());
        var e = await Assert.ThrowsAsync<DashboardBindException>(() => DashboardServer.StartAsync(state, IPAddress.Loopback, port, null));
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message, StringComparison.Ordinal);
        Assert.Contains("--port", e.Message, StringComparison.Ordinal);

        using var dir = new TempDir();
        var err = new StringWriter();
        var (oldErr, oldOut) = (Console.Error, Console.Out);
        Console.SetError(err);
        Console.SetOut(TextWriter.Null);
        int code;
        try
        {
            code = CliApp.Run(["monitor", dir.PathName, "--raster", "2x2", "--poni", dir.File("x.poni"), "--out", dir.File("out"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
        finally
        {
            Console.SetError(oldErr);
            Console.SetOut(oldOut);
        }

        output.WriteLine(err.ToString());
        Assert.Equal(ExitCodes.IoError, code);
        Assert.Contains("cannot listen", err.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.File("out")), "nothing was started, so nothing can be lost");
    }
}
