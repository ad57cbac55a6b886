using System.Net;
using XccaMap.Diffraction.Processing;
using XccaMap.Monitor;

namespace XccaMap.Cli.Commands;

/// <summary>The parsed command line of <c>xccamap monitor</c>, checked and turned into <see cref="MonitorOptions"/>.</summary>
internal sealed record MonitorArguments(
    string Source, string? Scan, string? Raster, bool Snake, string? Poni, string[] Masks, string? Config, string? OutDir,
    int Port, string Listen, string? Token, bool NoWeb, double IdleSeconds, int SetupFrames, bool NoFinal, bool KeepServing)
{
    public MonitorOptions ToOptions()
    {
        if ((Scan is null) == (Raster is null))
        {
            throw new UsageException("give the raster either with --scan SCAN.json or with --raster ROWSxCOLS (not both)");
        }

        if (Snake && Raster is null)
        {
            throw new UsageException("--snake goes with --raster (a scan description states its own order)");
        }

        if (Scan is null && Poni is null)
        {
            throw new UsageException("--poni is required with --raster");
        }

        if (NoWeb && (Token is not null || Listen != "127.0.0.1" || KeepServing))
        {
            throw new UsageException("--listen, --token and --keep-serving are dashboard options; they do not go with --no-web");
        }

        var address = ListenAddress();
        if (!IPAddress.IsLoopback(address) && string.IsNullOrEmpty(Token))
        {
            throw new UsageException($"listening on {Listen} (not a loopback address) needs an access token: add --token T (required on every request)");
        }

        Diffraction.Processing.Raster? raster = null;
        if (Raster is not null)
        {
            try
            {
                raster = Diffraction.Processing.Raster.Parse(Raster, Snake);
            }
            catch (FormatException e)
            {
                throw new UsageException(e.Message);
            }
        }

        return new MonitorOptions
        {
            Source = Source,
            ScanDescriptionPath = Scan,
            Raster = raster,
            PoniPath = Poni,
            MaskFiles = Masks,
            Config = Config is null ? new ProcessingConfig() : ProcessingConfigFile.Read(Config),
            OutputDirectory = OutDir ?? DefaultOut(),
            IdleTimeout = TimeSpan.FromSeconds(IdleSeconds),
            SetupFrames = Math.Max(1, SetupFrames),
            RunFinal = !NoFinal,
        };
    }

    public IPAddress ListenAddress() =>
        IPAddress.TryParse(Listen, out var address) ? address
        : Listen == "localhost" ? IPAddress.Loopback
        : throw new UsageException($"--listen {Listen}: expected an IP address (e.g. 127.0.0.1, 0.0.0.0)");

    private string DefaultOut()
    {
        var full = Path.GetFullPath(Source);
        string name = Directory.Exists(full) ? Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)) : Monitor.Following.MasterReader.NameOf(full);
        return Path.Combine(Environment.CurrentDirectory, name + "_monitor");
    }
}
