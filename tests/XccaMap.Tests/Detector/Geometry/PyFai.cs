using System.Diagnostics;

namespace XccaMap.Tests.Detector.Geometry;

/// <summary>
/// Runs pyFAI (the reference implementation) through Debian's /usr/bin/python3 for cross-check tests.
/// Scripts exchange data with the tests as .npy/.poni/.json files in a temporary folder.
/// </summary>
internal static class PyFai
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> Unavailable = new(Probe);

    /// <summary>Why pyFAI cannot be used here, or null when it can.</summary>
    public static string? UnavailableReason => Unavailable.Value;

    /// <summary>Runs <paramref name="script"/> with the given arguments; returns stdout, throws with stderr on failure.</summary>
    public static string Run(string script, string workDir, params string[] args)
    {
        Directory.CreateDirectory(workDir);
        var path = Path.Combine(workDir, "script.py");
        File.WriteAllText(path, script);
        var psi = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir,
        };
        psi.ArgumentList.Add(path);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // Quiet pyFAI and keep its OpenMP from fighting the test runner for the cores.
        psi.Environment["OMP_NUM_THREADS"] = "1";
        psi.Environment["PYTHONWARNINGS"] = "ignore";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {Python}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pyFAI script in {workDir} did not finish in 5 minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pyFAI script failed (exit {process.ExitCode}):\n{stderr.Result}\n{stdout}");
        }

        return stdout;
    }

    /// <summary>A fresh temporary folder for one fixture.</summary>
    public static string NewWorkDir(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"xccamap-{name}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string? Probe()
    {
        if (!File.Exists(Python))
        {
            return $"cross-check skipped: {Python} not found";
        }

        try
        {
            var psi = new ProcessStartInfo(Python, "-c \"import pyFAI, numpy; print(pyFAI.version)\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var p = Process.Start(psi);
            if (p is null)
            {
                return $"cross-check skipped: cannot start {Python}";
            }

            var err = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return p.ExitCode == 0 ? null : $"cross-check skipped: pyFAI not importable by {Python}: {err.Result.Trim().Split('\n').LastOrDefault()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"cross-check skipped: {e.Message}";
        }
    }
}

/// <summary>A fact that needs pyFAI; skipped, with the reason, when /usr/bin/python3 or pyFAI is missing.</summary>
public sealed class CrossCheckFactAttribute : FactAttribute
{
    public CrossCheckFactAttribute()
    {
        if (PyFai.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
