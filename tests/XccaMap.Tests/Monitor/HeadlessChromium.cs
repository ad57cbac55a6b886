using System.Diagnostics;

namespace XccaMap.Tests.Monitor;

/// <summary>Debian's Chromium, headless, as this machine runs it (loopback only; flags from the machine's notes).</summary>
internal static class HeadlessChromium
{
    public const string Exe = "/usr/bin/chromium";

    /// <summary>Loads <paramref name="url"/> and writes a screenshot; returns the PNG bytes.</summary>
    public static byte[] Screenshot(Uri url, string file, int width = 1400, int height = 1000)
    {
        Assert.True(File.Exists(Exe), $"{Exe} is missing: scripts/setup.sh --tests installs Debian's chromium");
        var profile = Path.Combine(Path.GetTempPath(), "xccamap-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        try
        {
            var psi = new ProcessStartInfo(Exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile,
                "--screenshot=" + file, $"--window-size={width},{height}", url.ToString(),
            })
            {
                psi.ArgumentList.Add(a);
            }

            using var p = Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            _ = p.StandardOutput.ReadToEndAsync();
            if (!p.WaitForExit(TimeSpan.FromSeconds(90)))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish the screenshot of {url} in 90 s");
            }

            Assert.True(File.Exists(file), $"chromium wrote no screenshot (exit {p.ExitCode}): {err.GetAwaiter().GetResult()}");
            return File.ReadAllBytes(file);
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
