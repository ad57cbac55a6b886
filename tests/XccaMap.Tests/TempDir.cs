namespace XccaMap.Tests;

/// <summary>A temporary folder deleted when the test ends.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        PathName = Path.Combine(Path.GetTempPath(), "xccamap-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(PathName);
    }

    public string PathName { get; }

    public string File(string name) => System.IO.Path.Combine(PathName, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(PathName, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
