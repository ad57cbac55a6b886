using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;
using XccaMap.Cli;
using XccaMap.Monitor;
using XccaMap.Monitor.Dashboard;

namespace XccaMap.Tests.Monitor;

/// <summary>A dashboard port already in use: a clear error, exit code 3, and nothing started (so nothing computed is lost).</summary>
[Collection("Console")]
public sealed class DashboardPortTests(ITestOutputHelper output)
{
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
