using System.CommandLine;
using XccaMap.Cli.Commands;

namespace XccaMap.Cli;

/// <summary>Builds the command tree and runs it.</summary>
public static class CliApp
{
    /// <summary>The root command with all subcommands (also used by the help-text test).</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("XccaMap: scanning X-ray nanodiffraction of nanocrystal superlattices — Eiger scans in, domain maps, indexed superlattices and cross-correlation functions out.")
        {
            InfoCommand.Build(),
            BenchCommand.Build(),
            SimulateCommand.Build(),
            SimulatePatternCommand.Build(),
            DemoCommand.Build(),
            IntegrateCommand.Build(),
            ProcessCommand.Build(),
            TomoCommand.Build(),
            BoundaryCommand.Build(),
            MonitorCommand.Build(),
            CcfCommand.Build(),
        };
        return root;
    }

    /// <summary>Parses and runs; parse errors print help and give exit code 1.</summary>
    public static int Run(string[] args)
    {
        var result = Build().Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                Console.Error.WriteLine($"xccamap: error: {error.Message}");
            }

            Console.Error.WriteLine("Run 'xccamap --help' (or 'xccamap COMMAND --help') for usage.");
            return ExitCodes.Usage;
        }

        return result.Invoke();
    }
}
