using Xunit.Abstractions;
using XccaMap.Monitor;
using XccaMap.Monitor.Live;

namespace XccaMap.Tests.Monitor;

/// <summary>A monitor killed half-way and started again resumes from its checkpoint and ends as an uninterrupted run.</summary>
public sealed class MonitorRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Killed_half_way_and_restarted_ends_as_an_uninterrupted_run()
    {
        using var dir = new TempDir();
        var staging = MonitorTestScan.Stage(dir);
        int points = MonitorTestScan.Raster.Points;

        // Uninterrupted.
        var liveA = dir.File("a");
        await new ScanReleaser(staging, liveA) { FramesPerSecond = 200 }.Start();
        var stateA = new MonitorState(new MonitorLog());
        var a = new ScanMonitor(MonitorTestScan.Options(liveA, dir.File("out-a")), stateA).Run();
        Assert.Equal(MonitorEnd.Completed, a.End);

        // Killed (no last checkpoint, as with kill -9) once half the frames are in and a checkpoint holds some of them,
        // while the scan is still being written.
        var liveB = dir.File("b");
        var writing = new ScanReleaser(staging, liveB) { FramesPerSecond = 40 }.Start();
        var log = new MonitorLog();
        log.Written += m => output.WriteLine($"{m.Severity}: {m.Text}");
        var first = new MonitorState(log);
        using (var kill = new CancellationTokenSource())
        {
            var watcher = Task.Run(() =>
            {
                var manifest = dir.File("out-b/checkpoint/manifest.json");
                while ((first.Features?.DoneCount ?? 0) < points / 2 || CheckpointFrames(manifest) < 20)
                {
                    Thread.Sleep(5);
                }

                kill.Cancel();
            });
            var killed = await Task.Run(() => new ScanMonitor(MonitorTestScan.Options(liveB, dir.File("out-b")), first).Run(checkpointOnStop: false, kill.Token));
            await watcher;
            Assert.Equal(MonitorEnd.Stopped, killed.End);
            Assert.Null(killed.Final);
        }

        int processedBeforeKill = first.Features!.DoneCount;
        var second = new MonitorState(log);
        var b = await Task.Run(() => new ScanMonitor(MonitorTestScan.Options(liveB, dir.File("out-b")), second).Run());
        await writing;
        output.WriteLine($"before the kill {processedBeforeKill} frames; restored {second.FramesRestored}, processed after the restart {second.FramesProcessedNow}");

        Assert.Equal(MonitorEnd.Completed, b.End);
        Assert.True(second.FramesRestored >= 20, $"{second.FramesRestored} frames restored");
        Assert.Equal(points, second.FramesRestored + second.FramesProcessedNow); // nothing processed twice, nothing lost

        // Same live features, bit for bit, and the same final results.
        AssertSameFeatures(stateA.Features!, second.Features!);
        MonitorTestScan.AssertSameMaps(a.Final!, b.Final!);
        Assert.Equal(stateA.Classes.Saxs, second.Classes.Saxs);
        Assert.Equal(stateA.Classes.Waxs, second.Classes.Waxs);
    }

    private static int CheckpointFrames(string manifest)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
            return doc.RootElement.GetProperty("frames").GetInt32();
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException)
        {
            return 0;
        }
    }

    private static void AssertSameFeatures(LiveFeatures x, LiveFeatures y)
    {
        Assert.Equal(x.FloatsPerFrame, y.FloatsPerFrame);
        var fx = new float[x.FloatsPerFrame];
        var fy = new float[y.FloatsPerFrame];
        for (int f = 0; f < x.Points; f++)
        {
            x.CopyFrame(f, fx);
            y.CopyFrame(f, fy);
            for (int i = 0; i < fx.Length; i++)
            {
                Assert.True(BitConverter.SingleToInt32Bits(fx[i]) == BitConverter.SingleToInt32Bits(fy[i]), $"frame {f}, value {i}: {fx[i]} vs {fy[i]}");
            }
        }
    }
}
