using System.Net;
using Xunit.Abstractions;
using XccaMap.Monitor;
using XccaMap.Monitor.Dashboard;
using XccaMap.Simulation;
using XccaMap.Simulation.Output;
using XccaMap.Tests.Simulation;

namespace XccaMap.Tests.Monitor;

/// <summary>Each frame is on the dashboard within 2 s of its data file being complete, at 3.3 and at 100 frames/s.</summary>
public sealed class MonitorLatencyTests(ITestOutputHelper output)
{
    /// <summary>
    /// 100 frames/s: the synthetic scan's data files (10 frames each) released every 0.1 s, the first one included, with
    /// the default setup (a quick setup from the first data file, the setup from the first 32 frames in the background).
    /// </summary>
    [Fact]
    public async Task At_100_frames_per_second_each_frame_is_visible_within_2_s()
    {
        using var dir = new TempDir();
        var staging = MonitorTestScan.Stage(dir);
        var live = dir.File("live");
        var state = new MonitorState(Log());
        var releaser = new ScanReleaser(staging, live) { FramesPerSecond = 100, MasterDelay = 0.5 };
        var options = MonitorTestScan.Options(live, dir.File("out")) with { RunFinal = false, PollInterval = TimeSpan.FromMilliseconds(20) };
        var latencies = await Measure(state, options, releaser.Start(), MonitorTestScan.Raster.Points, f => releaser.Completed[$"syn_data_{(f / 10) + 1:D6}.h5"]);
        Assert.All(latencies, l => Assert.InRange(l, 0, 2.0));
    }

    /// <summary>
    /// 3.3 frames/s (0.3 s exposures): the simulator writes the demo scan (full Eiger 4M frames) in realtime, one frame
    /// per data file, with the default setup: frame 0 is shown with a quick setup from itself, the setup from the first
    /// 32 frames is built in the background and replaces it at about frame 35. Every frame, the first ones and those
    /// around the switch included, must be on within 2 s.
    /// </summary>
    [Fact]
    [Trait("Category", "Slow")]
    public async Task At_3_3_frames_per_second_from_the_realtime_simulator_each_frame_is_visible_within_2_s()
    {
        using var dir = new TempDir();
        var live = dir.File("live");
        var sim = ScanSimulator.Load(RepoFiles.Scan("demo.json"), rows: 3, cols: 20);
        var pacer = new RealtimePacer(1 / 0.3);
        var writing = DedicatedThread.Run(() => sim.Run(new SimulationOptions { OutputDirectory = live, FramesPerFile = 1, Threads = 1, TruthPatterns = false, Pacer = pacer }));
        var state = new MonitorState(Log());
        var options = new MonitorOptions
        {
            Source = live,
            ScanDescriptionPath = Path.Combine(live, "demo_scan.json"),
            OutputDirectory = dir.File("out"),
            IdleTimeout = TimeSpan.FromSeconds(60),
            PollInterval = TimeSpan.FromMilliseconds(50),
            RunFinal = false,
        };
        var latencies = await Measure(state, options, writing, 60, f => new DateTimeOffset(File.GetLastWriteTimeUtc(Path.Combine(live, $"demo_data_{f + 1:D6}.h5")), TimeSpan.Zero));
        output.WriteLine($"simulator: {pacer.LateFrames} frames late, max lag {pacer.MaxLagSeconds:0.00} s");
        Assert.All(latencies, l => Assert.InRange(l, 0, 2.0));
    }

    private MonitorLog Log()
    {
        var log = new MonitorLog();
        log.Written += m => output.WriteLine($"{m.Time:HH:mm:ss.fff} {m.Severity}: {m.Text}");
        return log;
    }

    private async Task<double[]> Measure(MonitorState state, MonitorOptions options, Task writing, int frames, Func<int, DateTimeOffset> completed)
    {
        await using var web = await DashboardServer.StartAsync(state, IPAddress.Loopback, 0, null);
        var probe = new LatencyProbe(web.Url, frames);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var watching = probe.RunAsync(stop.Token);
        var outcome = await DedicatedThread.Run(() => new ScanMonitor(options, state).Run());
        await writing;
        await Task.Delay(300);
        await stop.CancelAsync();
        await watching;
        var latencies = probe.Latencies(completed);
        output.WriteLine("latency, data file complete → frame on the dashboard: " + LatencyProbe.Describe(latencies) + FormattableString.Invariant($"; first frame {latencies[0]:0.000} s"));
        output.WriteLine("per frame (s): " + string.Join(" ", latencies.Select(l => l.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(frames, outcome.FramesDone);

        // The setup proper took over the frames shown with the quick setup: they keep the time they first became visible.
        var features = state.Features!;
        Assert.False(features.Setup.Quick);
        Assert.All(Enumerable.Range(0, frames), f => Assert.True(
            probe.SeenAt[f] is { } seen && features.VisibleAtMs(f) <= seen.ToUnixTimeMilliseconds(),
            $"frame {f}: visible at {features.VisibleAtMs(f)} ms (Unix), seen on the dashboard at {probe.SeenAt[f]?.ToUnixTimeMilliseconds()} ms"));
        return latencies;
    }
}
