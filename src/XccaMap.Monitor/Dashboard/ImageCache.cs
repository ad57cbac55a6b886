namespace XccaMap.Monitor.Dashboard;

/// <summary>The maps' PNGs, rendered once per state version (several browsers asking cost one rendering).</summary>
public sealed class ImageCache
{
    private readonly Dictionary<string, (long Version, byte[]? Png)> _cache = new(StringComparer.Ordinal);

    /// <summary>Map <paramref name="name"/> for the state now, or null when it has none.</summary>
    public byte[]? Get(MonitorState state, string name)
    {
        long v = state.Version;
        lock (_cache)
        {
            if (_cache.TryGetValue(name, out var c) && c.Version == v)
            {
                return c.Png;
            }
        }

        var png = DashboardImages.MapPng(state, name);
        lock (_cache)
        {
            _cache[name] = (v, png);
        }

        return png;
    }
}
