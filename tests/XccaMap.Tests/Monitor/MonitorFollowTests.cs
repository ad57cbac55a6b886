using Xunit.Abstractions;
using XccaMap.Diffraction.Classification;
using XccaMap.Monitor;
using XccaMap.Monitor.Checkpoint;
using XccaMap.Tests.Diffraction.Classification;
using XccaMap.Tests.Diffraction.Processing;

namespace XccaMap.Tests.Monitor;

/// <summary>Following a scan while it is written: live maps, then final results equal to <c>process</c>'s.</summary>
public sealed class MonitorFollowTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Follows_a_scan_being_written_and_the_final_maps_equal_process()
    {
        using var dir = new TempDir();
        var staging = MonitorTestScan.Stage(dir);
        var live = dir.File("live");
        var releaser = new ScanReleaser(staging, live) { FramesPerSecond = 60, MasterDelay = 0.3 };
        var log = new MonitorLog();
        log.Written += m => output.WriteLine($"{m.Severity}: {m.Text}");
        var state = new MonitorState(log);
        var monitor = new ScanMonitor(MonitorTestScan.Options(live, dir.File("out")), state);
        var writing = releaser.Start();
        var outcome = await Task.Run(() => monitor.Run());
        await writing;

        Assert.Equal(MonitorEnd.Completed, outcome.End);
        Assert.Equal(MonitorTestScan.Raster.Points, outcome.FramesDone);
        Assert.Equal(0, outcome.FramesMissing);
        Assert.NotNull(outcome.Final);

        // The final maps are process's on the finished scan, and so are the files written.
        var process = MonitorTestScan.Process(live);
        MonitorTestScan.AssertSameMaps(process, outcome.Final!);
        Assert.True(File.Exists(dir.File("out/results.h5")));
        Assert.True(File.Exists(dir.File("out/summary.json")));

        // The provisional classes (learnt live from the first frames, refined as data came) already find the domains.
        var classes = state.Classes;
        Assert.Equal(MonitorTestScan.Raster.Points, classes.Frames);
        var truth = SyntheticTruthPerFrame(dir.File("truth"));
        var pure = Enumerable.Range(0, truth.Length).Where(f => truth[f] >= 0).ToArray();
        double ari = AdjustedRand.Index(pure.Select(f => truth[f]).ToArray(), pure.Select(f => classes.Saxs![f]).ToArray());
        output.WriteLine($"provisional SAXS classes: {classes.SaxsClasses}, ARI against the truth {ari:0.000}");
        Assert.True(ari >= 0.8, $"provisional SAXS ARI {ari:0.000}");

        // Every frame has its time of arrival on the maps; the checkpoint holds all of them.
        Assert.All(Enumerable.Range(0, MonitorTestScan.Raster.Points), f => Assert.True(state.Features!.VisibleAtMs(f) > 0));
        var store = new CheckpointStore(dir.File("out"), Path.Combine(live, "syn_master.h5"), CheckpointStore.IdentityOf(MonitorTestScan.Raster, Path.Combine(live, "syn.poni"), [Path.Combine(live, "syn_beamstop.npy")], new()));
        var poni = XccaMap.Detector.Geometry.PoniGeometry.Read(Path.Combine(live, "syn.poni"));
        var master = XccaMap.Monitor.Following.MasterReader.TryRead(Path.Combine(live, "syn_master.h5"), out _)!;
        var prepared = XccaMap.Monitor.Live.LiveSetupBuilder.Prepare(poni, new(master.Rows, master.Columns), [Path.Combine(live, "syn_beamstop.npy")], new());
        var restored = store.TryLoad(prepared, MonitorTestScan.Raster.Points, new(), out _);
        Assert.Equal(MonitorTestScan.Raster.Points, restored!.DoneCount);
    }

    /// <summary>The synthetic scan's truth class per frame (the raster is a snake).</summary>
    private static int[] SyntheticTruthPerFrame(string dir)
    {
        Directory.CreateDirectory(dir);
        var scan = SyntheticScan.Write(dir, framesWritten: 0);
        var raster = MonitorTestScan.Raster;
        return Enumerable.Range(0, raster.Points).Select(f => scan.Truth[raster.MapIndexOfFrame(f)]).Select(t => t == ClassLabels.Mixed ? -9 : t).ToArray();
    }
}
