using System.Runtime.CompilerServices;

namespace XccaMap.Tests;

/// <summary>
/// Locates the shared test data (<c>shared/data/...</c>) that lives beside the repository.
/// </summary>
/// <remarks>
/// Walks up from <see cref="AppContext.BaseDirectory"/> until a folder containing
/// <c>shared/data/eiger</c> appears. Builds redirected elsewhere (<c>--artifacts-path /tmp/...</c>)
/// have no such ancestor, so the walk then starts again from this source file's compile-time
/// location. The environment variable <c>XCCAMAP_SHARED</c> overrides both.
/// </remarks>
internal static class TestData
{
    private static readonly Lazy<string> Shared = new(() => FindShared(ThisFile()));

    /// <summary>The <c>shared</c> folder.</summary>
    public static string SharedRoot => Shared.Value;

    /// <summary>Path of <paramref name="relativePath"/> under <c>shared/data/eiger</c>.</summary>
    public static string Eiger(string relativePath) => Path.Combine(SharedRoot, "data", "eiger", relativePath);

    private static string FindShared(string sourceFile)
    {
        string? overridden = Environment.GetEnvironmentVariable("XCCAMAP_SHARED");
        if (!string.IsNullOrEmpty(overridden) && Directory.Exists(Path.Combine(overridden, "data", "eiger")))
        {
            return overridden;
        }

        foreach (string? start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) })
        {
            for (DirectoryInfo? dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "data", "eiger")))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"Test data not found: no ancestor of '{AppContext.BaseDirectory}' or '{sourceFile}' holds shared/data/eiger; set XCCAMAP_SHARED.");
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
