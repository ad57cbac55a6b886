namespace XccaMap.Hdf5;

/// <summary>
/// Writes result files atomically: to a temporary file in the same folder, then renamed over the
/// target, so a crash or a full disk never leaves a half-written result where a good one was.
/// </summary>
public static class AtomicFile
{
    /// <summary>A temporary path beside <paramref name="target"/> (same folder, so the rename is atomic).</summary>
    public static string TempPathFor(string target)
    {
        var full = Path.GetFullPath(target);
        var dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Moves a finished temporary file over the target.</summary>
    public static void Commit(string tempPath, string target) => File.Move(tempPath, Path.GetFullPath(target), overwrite: true);

    /// <summary>Writes bytes atomically.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var tmp = TempPathFor(path);
        try
        {
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write))
            {
                fs.Write(bytes);
                fs.Flush(flushToDisk: true);
            }

            Commit(tmp, path);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    /// <summary>Writes UTF-8 text atomically.</summary>
    public static void WriteAllText(string path, string text) => WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Runs <paramref name="write"/> on a temporary path, then renames it to <paramref name="path"/>; deletes the temporary file on failure.</summary>
    public static void Write(string path, Action<string> write)
    {
        var tmp = TempPathFor(path);
        try
        {
            write(tmp);
            Commit(tmp, path);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the temporary file is hidden (leading dot) and harmless.
        }
    }
}
