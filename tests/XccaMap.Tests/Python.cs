using System.Diagnostics;

namespace XccaMap.Tests;

/// <summary>
/// Runs reference scripts with Debian's Python (<c>/usr/bin/python3</c>: pyFAI, h5py, numpy, scipy, spglib).
/// The test command installs these packages, so a missing module is a failure, not a skip.
/// </summary>
internal static class Python
{
    public const string Exe = "/usr/bin/python3";

    /// <summary>Debian's HDF5 filter plugins, for h5py to read/write bitshuffle and LZ4.</summary>
    public const string PluginPath = "/usr/lib/x86_64-linux-gnu/hdf5/serial/plugins";

    /// <summary>Runs <paramref name="script"/> (passed on stdin) with arguments; returns stdout, throws with stderr on failure.</summary>
    public static string Run(string script, params string[] args)
    {
        var psi = new ProcessStartInfo(Exe)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("-");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["HDF5_PLUGIN_PATH"] = PluginPath;
        psi.Environment["OMP_NUM_THREADS"] = "1";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {Exe}");
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderrTask = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(script);
        p.StandardInput.Close();
        p.WaitForExit();
        var stdout = stdoutTask.GetAwaiter().GetResult();
        var stderr = stderrTask.GetAwaiter().GetResult();
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Exe} failed with exit code {p.ExitCode}:\n{stderr}\n{stdout}");
        }

        return stdout;
    }
}
