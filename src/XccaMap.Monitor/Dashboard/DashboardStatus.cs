using XccaMap.Diffraction.Classification;
using XccaMap.Monitor.Following;

namespace XccaMap.Monitor.Dashboard;

/// <summary>The dashboard's state document (<c>/state</c> and each server-sent event), as plain values for JSON.</summary>
public static class DashboardStatus
{
    /// <summary>The document for the state now.</summary>
    public static Dictionary<string, object?> Of(MonitorState state)
    {
        var features = state.Features;
        var links = state.Links;
        return new Dictionary<string, object?>
        {
            ["version"] = state.Version,
            ["phase"] = state.Phase.ToString().ToLowerInvariant(),
            ["scan"] = state.ScanName,
            ["rows"] = state.Raster?.Rows,
            ["cols"] = state.Raster?.Cols,
            ["frames_expected"] = state.FramesExpected,
            ["frames_done"] = features?.DoneCount ?? 0,
            ["frames_skipped"] = features?.SkippedCount ?? 0,
            ["frames_restored"] = state.FramesRestored,
            ["frames_per_second"] = Math.Round(state.FramesPerSecond, 2),
            ["latest_frame"] = features?.LatestFrame ?? -1,
            ["setup"] = features is null ? null : features.Setup.Quick ? "quick" : "complete",
            ["data_files"] = new Dictionary<string, int>
            {
                ["total"] = links.Count,
                ["done"] = links.Count(l => l.Status == LinkStatus.Done),
                ["open"] = links.Count(l => l.Status == LinkStatus.Open),
                ["unreadable"] = links.Count(l => l.Status == LinkStatus.Unreadable),
                ["absent"] = links.Count(l => l.Status == LinkStatus.Absent),
            },
            ["final"] = state.Final is not null,
            ["maps"] = MapSet.Names(state),
            ["classes"] = new Dictionary<string, object?>
            {
                ["saxs"] = Counts(MapSet.Classes(state, "saxs_class")),
                ["waxs"] = Counts(MapSet.Classes(state, "waxs_class")),
            },
            ["messages"] = state.Log.Messages.TakeLast(8).Select(m => new Dictionary<string, string>
            {
                ["time"] = m.Time.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                ["severity"] = m.Severity.ToString().ToLowerInvariant(),
                ["text"] = m.Text,
            }).ToList(),
        };
    }

    /// <summary>Per-frame times (Unix ms) at which each frame became visible, 0 for frames not in yet.</summary>
    public static long[] VisibleTimes(MonitorState state)
    {
        var features = state.Features;
        int n = state.Raster?.Points ?? 0;
        var result = new long[n];
        for (int f = 0; features is not null && f < n; f++)
        {
            result[f] = features.VisibleAtMs(f);
        }

        return result;
    }

    private static List<Dictionary<string, object>>? Counts(int[]? labels) =>
        labels?.GroupBy(l => l).OrderBy(g => g.Key < 0 ? 1000 - g.Key : g.Key)
            .Select(g => new Dictionary<string, object> { ["label"] = g.Key, ["name"] = ClassLabels.Name(g.Key), ["points"] = g.Count() })
            .ToList();
}
