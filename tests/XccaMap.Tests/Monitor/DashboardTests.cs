using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using XccaMap.Monitor;
using XccaMap.Monitor.Dashboard;

namespace XccaMap.Tests.Monitor;

/// <summary>The dashboard's endpoints, its own resources only, and the access token.</summary>
public sealed class DashboardTests
{
    private static async Task<(MonitorState State, MonitorOutcome Outcome, TempDir Dir)> MonitoredScan()
    {
        var dir = new TempDir();
        var staging = MonitorTestScan.Stage(dir);
        var live = dir.File("live");
        await new ScanReleaser(staging, live) { FramesPerSecond = 1000 }.Start();
        var state = new MonitorState(new MonitorLog());
        var outcome = new ScanMonitor(MonitorTestScan.Options(live, dir.File("out")) with { RunFinal = false }, state).Run();
        return (state, outcome, dir);
    }

    [Fact]
    public async Task Serves_the_page_state_events_maps_frame_and_profile_and_nothing_else()
    {
        var (state, _, dir) = await MonitoredScan();
        using var _dir = dir;
        await using var web = await DashboardServer.StartAsync(state, IPAddress.Loopback, 0, null);
        using var http = new HttpClient { BaseAddress = web.Url, Timeout = TimeSpan.FromSeconds(20) };

        string page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("new EventSource(\"/events?", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", page, StringComparison.Ordinal); // no external script

        using var doc = JsonDocument.Parse(await http.GetStringAsync(new Uri("/state", UriKind.Relative)));
        Assert.Equal(MonitorTestScan.Raster.Points, doc.RootElement.GetProperty("frames_done").GetInt32());
        Assert.Contains("saxs_class", doc.RootElement.GetProperty("maps").EnumerateArray().Select(e => e.GetString()));

        foreach (var path in new[] { "/map/saxs_class.png", "/map/waxs_class.png", "/map/saxs_intensity.png", "/frame.png" })
        {
            var bytes = await http.GetByteArrayAsync(new Uri(path, UriKind.Relative));
            Assert.True(bytes.AsSpan(0, 8).SequenceEqual(XccaMap.Reporting.PngEncoder.Signature), path);
        }

        Assert.StartsWith("<svg", (await http.GetStringAsync(new Uri("/profile.svg", UriKind.Relative))).TrimStart(), StringComparison.Ordinal);

        foreach (var path in new[] { "/map/nothing.png", "/map/..%2F..%2Fetc%2Fpasswd.png", "/../../etc/passwd", "/map/%2Fetc%2Fpasswd", "/checkpoint/manifest.json" })
        {
            using var r = await http.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        }

        // Server-sent events: the first event is the state document.
        using var events = await http.GetAsync(new Uri("/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        string? line = await reader.ReadLineAsync();
        Assert.StartsWith("data: {", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_is_required_on_every_request_and_needed_off_loopback()
    {
        var state = new MonitorState(new MonitorLog());
        await Assert.ThrowsAsync<ArgumentException>(() => DashboardServer.StartAsync(state, IPAddress.Any, 0, null));

        await using var web = await DashboardServer.StartAsync(state, IPAddress.Loopback, 0, "s3cret");
        using var http = new HttpClient { BaseAddress = web.Url };
        foreach (var path in new[] { "/", "/state", "/map/saxs_class.png", "/events", "/frames" })
        {
            using var r = await http.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
            Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
        }

        using (var wrong = await http.GetAsync(new Uri("/state?token=nope", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using (var ok = await http.GetAsync(new Uri("/state?token=s3cret", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "s3cret");
        using var page = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("token=s3cret", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the page's own requests carry it
    }
}
