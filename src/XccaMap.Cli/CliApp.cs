using System.CommandLine;

namespace XccaMap.Cli;

/// <summary>Builds the command tree and runs it.</summary>
internal static class CliApp
{
    public static int Run(string[] args)
    {
        var root = new RootCommand("XccaMap: scanning X-ray nanodiffraction of nanocrystal superlattices.");
        return root.Parse(args).Invoke();
    }
}
