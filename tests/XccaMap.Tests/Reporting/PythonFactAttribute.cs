using System.Collections.Concurrent;
using System.Diagnostics;

namespace XccaMap.Tests.Reporting;

/// <summary>
/// A fact that runs only when /usr/bin/python3 can import the given module (PIL,
/// matplotlib); otherwise it is reported as skipped with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PythonFactAttribute : FactAttribute
{
    public PythonFactAttribute(string module)
    {
        Module = module;
        if (!Python.HasModule(module))
        {
            Skip = $"/usr/bin/python3 with module '{module}' is not available; cross-check skipped.";
        }
    }

    public string Module { get; }
}

/// <summary>Runs /usr/bin/python3 for cross-checks.</summary>
internal static class Python
{
    public const string Executable = "/usr/bin/python3";

    private static readonly ConcurrentDictionary<string, bool> Modules = new();

    public static bool HasModule(string module) => Modules.GetOrAdd(module, m =>
    {
        if (!File.Exists(Executable))
        {
            return false;
        }

        try
        {
            return Run($"import {m}").ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    /// <summary>Runs a script (passed with -c) and returns exit code and stdout.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        foreach (string a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill();
            throw new TimeoutException($"python3 did not finish: {script}");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
