using System.Net;
using Xunit.Abstractions;
using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Processing;
using XccaMap.Monitor;
using XccaMap.Monitor.Dashboard;
using XccaMap.Simulation;
using XccaMap.Simulation.Output;
using XccaMap.Tests.Simulation;

namespace XccaMap.Tests.Monitor;

/// <summary>End to end in headless Chromium: the dashboard of a scan being simulated in realtime fills in, and ends with process's maps.</summary>
[Collection(ChildProcessCollection.Name)]
public sealed class MonitorBrowserTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task The_dashboard_fills_in_during_a_simulated_scan_and_ends_with_process_maps()
    {
        using var dir = new TempDir();
        var live = dir.File("live");
        var sim = ScanSimulator.Load(RepoFiles.Scan("demo.json"), rows: 4, cols: 8);
        var writing = Task.Run(() => sim.Run(new SimulationOptions { OutputDirectory = live, FramesPerFile = 2, Threads = 1, TruthPatterns = false, Pacer = new RealtimePacer(2) }));
        var log = new MonitorLog();
        log.Written += m => output.WriteLine($"{m.Severity}: {m.Text}");
        var state = new MonitorState(log);
        var options = new MonitorOptions
        {
            Source = live,
            ScanDescriptionPath = Path.Combine(live, "demo_scan.json"),
            OutputDirectory = dir.File("out"),
            IdleTimeout = TimeSpan.FromSeconds(90),
            SetupFrames = 4,
        };
        await using var web = await DashboardServer.StartAsync(state, IPAddress.Loopback, 0, null);
        var monitoring = Task.Run(() => new ScanMonitor(options, state).Run());

        // Early: as soon as the live maps exist (at most the frames that came during the setup are in); later: most frames in.
        await Until(() => state.Features is not null, TimeSpan.FromMinutes(3));
        var early = PngDecoder.Decode(HeadlessChromium.Screenshot(web.Url, dir.File("early.png")));
        int earlyFrames = state.Classes.Frames;
        await Until(() => state.Classes.Frames >= Math.Min(32, Math.Max(28, earlyFrames + 8)), TimeSpan.FromMinutes(3));
        var later = PngDecoder.Decode(HeadlessChromium.Screenshot(web.Url, dir.File("later.png")));

        // The first map (SAXS classes) sits at (10, 100) CSS px, 380 px wide: it filled in between the two screenshots.
        foreach (var name in new[] { "early", "later" })
        {
            File.Copy(dir.File(name + ".png"), Path.Combine(Path.GetTempPath(), $"xccamap-monitor-{name}.png"), overwrite: true);
        }

        int changed = PngDecoder.Differences(early, later, 10, 100, 380, 380);
        output.WriteLine($"map area: {changed} pixels changed between the screenshots at {earlyFrames} and {state.Classes.Frames} classified frames");
        Assert.True(changed > 500, $"only {changed} pixels of the map area changed");

        var outcome = await monitoring;
        await writing;
        Assert.NotNull(outcome.Final);
        var final = PngDecoder.Decode(HeadlessChromium.Screenshot(web.Url, dir.File("final.png")));
        File.Copy(dir.File("final.png"), Path.Combine(Path.GetTempPath(), "xccamap-monitor-final.png"), overwrite: true);

        // The final map on the dashboard is process's map on the finished scan.
        var raster = Raster.ReadScanFile(Path.Combine(live, "demo_scan.json"));
        var process = ScanProcessor.Run(new ProcessingRequest(Path.Combine(live, "demo_master.h5"), raster, PoniGeometry.Read(Path.Combine(live, "demo.poni")))
        {
            MaskFiles = [Path.Combine(live, "demo_beamstop.npy")],
        });
        MonitorTestScan.AssertSameMaps(process, outcome.Final!);
        using var http = new HttpClient { BaseAddress = web.Url };
        var served = await http.GetByteArrayAsync(new Uri("/map/saxs_class.png", UriKind.Relative));
        var expected = DashboardImages.ClassMap(process.SaxsClass, raster.Rows, raster.Cols, "SAXS classes (final)").ToPng();
        Assert.Equal(expected, served);
        Assert.True(PngDecoder.Differences(later, final, 10, 100, 380, 380) >= 0);
    }

    private static async Task Until(Func<bool> condition, TimeSpan timeout)
    {
        var end = DateTimeOffset.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < end, "timed out");
            await Task.Delay(100);
        }
    }
}
