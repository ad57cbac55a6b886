using System.Text.Json;

namespace XccaMap.Tests.Monitor;

/// <summary>
/// Watches a dashboard as a browser would (polls <c>/frames</c> every 50 ms) and records when each frame is first seen
/// there; the latency of a frame is that moment minus the time its data file was complete.
/// </summary>
internal sealed class LatencyProbe
{
    private readonly Uri _url;
    private readonly int _frames;

    public LatencyProbe(Uri url, int frames)
    {
        _url = url;
        _frames = frames;
        SeenAt = new DateTimeOffset?[frames];
    }

    public DateTimeOffset?[] SeenAt { get; }

    public async Task RunAsync(CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = _url, Timeout = TimeSpan.FromSeconds(10) };
        while (!stop.IsCancellationRequested && SeenAt.Any(s => s is null))
        {
            try
            {
                var json = await http.GetStringAsync(new Uri("/frames", UriKind.Relative), stop);
                var now = DateTimeOffset.UtcNow;
                using var doc = JsonDocument.Parse(json);
                int f = 0;
                foreach (var v in doc.RootElement.GetProperty("visible_at_ms").EnumerateArray())
                {
                    if (f < _frames && SeenAt[f] is null && v.GetInt64() > 0)
                    {
                        SeenAt[f] = now;
                    }

                    f++;
                }

                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(50, CancellationToken.None);
            }
        }
    }

    /// <summary>Latency of each frame, s (NaN if never seen), given when each frame's data file was complete.</summary>
    public double[] Latencies(Func<int, DateTimeOffset> completed) =>
        Enumerable.Range(0, _frames).Select(f => SeenAt[f] is { } seen ? (seen - completed(f)).TotalSeconds : double.NaN).ToArray();

    public static string Describe(double[] latencies)
    {
        var ok = latencies.Where(double.IsFinite).Order().ToArray();
        return ok.Length == 0
            ? "no frame seen"
            : FormattableString.Invariant($"{ok.Length} frames: median {ok[ok.Length / 2]:0.000} s, 95 % {ok[(int)(0.95 * (ok.Length - 1))]:0.000} s, max {ok[^1]:0.000} s");
    }
}
