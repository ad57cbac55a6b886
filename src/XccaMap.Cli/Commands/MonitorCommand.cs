using System.CommandLine;
using System.Globalization;
using System.Net;
using XccaMap.Cli.Report;
using XccaMap.Diffraction.Processing;
using XccaMap.Monitor;
using XccaMap.Monitor.Dashboard;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap monitor MASTER|DIR --scan SCAN.json|--raster RxC [--snake] [--poni F] [--mask F …] [--config F] [--out DIR]
/// [--port P] [--listen ADDR --token T] [--no-web] [--idle-timeout S]</c>: follows a scan while it is written, shows
/// live maps (dashboard and terminal), keeps a restart-safe checkpoint, and writes <c>process</c>'s results at the end.
/// </summary>
internal static class MonitorCommand
{
    public static Command Build()
    {
        var source = new Argument<string>("MASTER|DIR") { Description = "The scan's Eiger *_master.h5, or the folder it will be written to (waited for)" };
        var scan = new Option<string?>("--scan") { Description = "Scan description JSON (raster; its poni_file and beamstop_file are used when --poni / --mask are not given); waited for if not there yet" };
        var raster = new Option<string?>("--raster") { Description = "Raster shape ROWSxCOLS, e.g. 121x121 (instead of --scan)" };
        var snake = new Option<bool>("--snake") { Description = "With --raster: odd rows were scanned backwards" };
        var poni = new Option<string?>("--poni") { Description = "pyFAI PONI geometry file (required unless the scan description names one)" };
        var masks = new Option<string[]>("--mask") { Description = "Extra mask (non-zero = excluded), .npy or FILE.h5::/dataset; repeatable", DefaultValueFactory = _ => [] };
        var config = new Option<string?>("--config") { Description = "Processing configuration JSON (as for 'xccamap process')" };
        var outDir = new Option<string?>("--out") { Description = "Output folder: checkpoint/, then results.h5, summary.json, report.html (default: ./NAME_monitor)" };
        var port = new Option<int>("--port") { Description = "Dashboard port (0 = any free port)", DefaultValueFactory = _ => 8765 };
        var listen = new Option<string>("--listen") { Description = "Dashboard address; anything but a loopback address needs --token", DefaultValueFactory = _ => "127.0.0.1" };
        var token = new Option<string?>("--token") { Description = "Access token required on every dashboard request (?token=… or Authorization: Bearer …)" };
        var noWeb = new Option<bool>("--no-web") { Description = "No dashboard: progress and a compact class summary on the terminal only" };
        var idle = new Option<double>("--idle-timeout") { Description = "Seconds without a new frame after which the scan is taken as ended", DefaultValueFactory = _ => 300 };
        var setupFrames = new Option<int>("--setup-frames") { Description = "First frames the live maps' setup (mask, rings) is learnt from; until they are in, frames are shown with a quick setup from the first frame(s)", DefaultValueFactory = _ => 32 };
        var noFinal = new Option<bool>("--no-final") { Description = "Do not run process's pipeline on the finished scan (live results only)" };
        var keep = new Option<bool>("--keep-serving") { Description = "Keep the dashboard up after the scan (until Ctrl+C)" };
        port.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 0 or > 65535)
            {
                r.AddError("--port must be 0–65535");
            }
        });
        idle.Validators.Add(r =>
        {
            if (!(r.GetValueOrDefault<double>() > 0))
            {
                r.AddError("--idle-timeout must be a positive number of seconds");
            }
        });
        var cmd = new Command("monitor", "Follow a scan while it is being written: live maps (intensities, q maps, provisional SAXS/WAXS classes), latest frame and profile on a dashboard (http://127.0.0.1:8765) or the terminal; restart-safe; process's results at the end.")
        {
            source, scan, raster, snake, poni, masks, config, outDir, port, listen, token, noWeb, idle, setupFrames, noFinal, keep,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(new MonitorArguments(
            r.GetValue(source)!, r.GetValue(scan), r.GetValue(raster), r.GetValue(snake), r.GetValue(poni), r.GetValue(masks) ?? [], r.GetValue(config), r.GetValue(outDir),
            r.GetValue(port), r.GetValue(listen)!, r.GetValue(token), r.GetValue(noWeb), r.GetValue(idle), r.GetValue(setupFrames), r.GetValue(noFinal), r.GetValue(keep)))));
        return cmd;
    }

    private static int Execute(MonitorArguments a)
    {
        var options = a.ToOptions();
        var log = new MonitorLog();
        log.Written += m =>
        {
            lock (Console.Error)
            {
                Console.Error.WriteLine($"monitor: {(m.Severity == MonitorSeverity.Info ? string.Empty : m.Severity.ToString().ToLowerInvariant() + ": ")}{m.Text}");
            }
        };
        var state = new MonitorState(log);
        var monitor = new ScanMonitor(options, state);
        monitor.FinalReady += result =>
        {
            var figures = ProcessReport.Write(options.OutputDirectory, result);
            log.Info($"report written: {Path.Combine(Path.GetFullPath(options.OutputDirectory), "report.html")} ({figures.Count} figures)");
        };

        DashboardServer? web = null;
        if (!a.NoWeb)
        {
            // Bound before anything is processed: a port in use stops here (exit code 3) with nothing computed to lose.
            web = DashboardServer.StartAsync(state, a.ListenAddress(), a.Port, a.Token).GetAwaiter().GetResult();
            Console.Error.WriteLine($"monitor: dashboard at {web.Url}{(a.Token is null ? string.Empty : "?token=…")}");
        }

        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;

        // SIGTERM (kill, timeout, systemd) stops the same way as Ctrl+C: a last checkpoint, then exit; restart resumes.
        using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
        {
            c.Cancel = true;
            stop.Cancel();
        });
        try
        {
            using var terminalStop = new CancellationTokenSource();
            var terminal = new TerminalReporter(state, Console.Out);
            var printing = terminal.RunAsync(TimeSpan.FromSeconds(2), terminalStop.Token);
            var outcome = monitor.Run(checkpointOnStop: true, stop.Token);
            terminalStop.Cancel();
            printing.GetAwaiter().GetResult();
            terminal.PrintIfChanged();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"monitor: {outcome.End.ToString().ToLowerInvariant()}: {outcome.FramesDone} frames processed, {outcome.FramesSkipped} skipped, {outcome.FramesMissing} missing; {(outcome.Final is null ? "no final results (" + outcome.FinalProblem + ")" : "final results in " + Path.GetFullPath(options.OutputDirectory))}"));
            if (web is not null && a.KeepServing && !stop.IsCancellationRequested)
            {
                Console.Error.WriteLine($"monitor: dashboard stays at {web.Url} until Ctrl+C");
                stop.Token.WaitHandle.WaitOne();
            }

            return outcome.End == MonitorEnd.NoScan || (options.RunFinal && outcome.Final is null && outcome.End != MonitorEnd.Stopped)
                ? ExitCodes.IoError
                : ExitCodes.Ok;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            web?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
