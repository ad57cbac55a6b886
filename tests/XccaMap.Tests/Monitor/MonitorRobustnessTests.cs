using Xunit.Abstractions;
using XccaMap.Monitor;

namespace XccaMap.Tests.Monitor;

/// <summary>Files that never complete or are not readable yet, a master deleted mid-scan (a port in use: <see cref="DashboardPortTests"/>).</summary>
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
}
