using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace XccaMap.Monitor.Dashboard;

/// <summary>
/// The live dashboard, served by Kestrel (ASP.NET Core minimal APIs from the SDK's shared framework). It serves only
/// its own in-memory resources: the page, <c>/state</c> and <c>/events</c> (server-sent events), the maps
/// <c>/map/NAME.png</c> for the names the monitor has (anything else is 404; nothing is ever read from a path in a
/// request), <c>/frame.png</c>, <c>/profile.svg</c> and <c>/frames</c> (when each frame became visible). It listens on
/// 127.0.0.1 unless told otherwise, and any other address needs an access token, then required on every request
/// (<c>?token=</c> or <c>Authorization: Bearer</c>).
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private static readonly TimeSpan EventInterval = TimeSpan.FromMilliseconds(200);
    private readonly WebApplication _app;

    private DashboardServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Where the dashboard is (with the port actually bound; add <c>?token=…</c> when there is a token).</summary>
    public Uri Url { get; }

    /// <summary>Starts the dashboard for <paramref name="state"/>.</summary>
    /// <exception cref="ArgumentException">A non-loopback address without a token.</exception>
    /// <exception cref="DashboardBindException">The port is in use, or the address is not this machine's.</exception>
    public static async Task<DashboardServer> StartAsync(MonitorState state, IPAddress address, int port, string? token)
    {
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(token))
        {
            throw new ArgumentException($"listening on {address} (not a loopback address) needs an access token (--token)");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(address, port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var stopping = app.Lifetime.ApplicationStopping;
        var images = new ImageCache();
        var frameView = new LatestFrameView();
        app.Use(async (ctx, next) =>
        {
            ctx.Response.Headers.CacheControl = "no-store";
            ctx.Response.Headers["X-Content-Type-Options"] = "nosniff";
            ctx.Response.Headers["Content-Security-Policy"] = "default-src 'self'; img-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";
            if (token is not null && !Authorised(ctx.Request, token))
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await ctx.Response.WriteAsync("access token required (?token=… or Authorization: Bearer …)\n").ConfigureAwait(false);
                return;
            }

            await next(ctx).ConfigureAwait(false);
        });
        app.MapGet("/", () => Results.Content(DashboardPage.Html(state, token), "text/html; charset=utf-8"));
        app.MapGet("/state", () => Results.Content(JsonSerializer.Serialize(DashboardStatus.Of(state)), "application/json"));
        app.MapGet("/frames", () => Results.Content(JsonSerializer.Serialize(new { visible_at_ms = DashboardStatus.VisibleTimes(state) }), "application/json"));
        app.MapGet("/map/{name}.png", (string name) =>
            MapSet.Names(state).Contains(name, StringComparer.Ordinal) && images.Get(state, name) is { } png
                ? Results.Bytes(png, "image/png")
                : Results.NotFound());
        app.MapGet("/frame.png", () => frameView.Get(state) is { } f ? Results.Bytes(f.Png, "image/png") : Results.NotFound());
        app.MapGet("/profile.svg", () => frameView.Get(state) is { } f ? Results.Content(f.Svg, "image/svg+xml") : Results.NotFound());
        app.MapGet("/events", (HttpContext ctx) => Events(ctx, state, stopping));
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (IOException e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new DashboardBindException(
                $"the dashboard cannot listen on {address}:{port}: {e.Message.TrimEnd('.')} (another monitor or program uses the port?). Choose another port with --port, or run with --no-web",
                e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://{address}:{port}";
        return new DashboardServer(app, new Uri(bound.Replace("[::]", "localhost", StringComparison.Ordinal)));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static bool Authorised(HttpRequest request, string token)
    {
        string? given = request.Query["token"].FirstOrDefault();
        var header = request.Headers.Authorization.FirstOrDefault();
        if (given is null && header is not null && header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            given = header["Bearer ".Length..];
        }

        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(token));
    }

    /// <summary>Server-sent events: the state document whenever it changes (at most every 0.2 s), a comment every 15 s otherwise.</summary>
    private static async Task Events(HttpContext ctx, MonitorState state, CancellationToken stopping)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stopping);
        var ct = both.Token;
        ctx.Response.Headers.ContentType = "text/event-stream";
        long sent = -1;
        var lastWrite = DateTimeOffset.UtcNow;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                long v = state.Version;
                if (v != sent)
                {
                    sent = v;
                    await ctx.Response.WriteAsync("data: " + JsonSerializer.Serialize(DashboardStatus.Of(state)) + "\n\n", ct).ConfigureAwait(false);
                    await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                    lastWrite = DateTimeOffset.UtcNow;
                }
                else if (DateTimeOffset.UtcNow - lastWrite > TimeSpan.FromSeconds(15))
                {
                    await ctx.Response.WriteAsync(": keep-alive\n\n", ct).ConfigureAwait(false);
                    await ctx.Response.Body.FlushAsync(ct).ConfigureAwait(false);
                    lastWrite = DateTimeOffset.UtcNow;
                }

                await Task.Delay(EventInterval, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away or the server stops.
        }
    }
}
