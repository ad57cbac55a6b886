using System.Runtime.CompilerServices;

namespace XccaMap.Tests.Simulation;

/// <summary>Paths of files in the repository (scans/, calibration/), found from this source file's location.</summary>
internal static class RepoFiles
{
    private static readonly Lazy<string> Root = new(() => Find(ThisFile()));

    public static string Scan(string name) => Path.Combine(Root.Value, "scans", name);

    public static string Calibration(string name) => Path.Combine(Root.Value, "calibration", name);

    public static string ScansDirectory => Path.Combine(Root.Value, "scans");

    private static string Find(string sourceFile)
    {
        foreach (string? start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "scans", "demo.json")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException($"no ancestor of {sourceFile} holds scans/demo.json");
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
