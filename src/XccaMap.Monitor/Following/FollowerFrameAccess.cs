using XccaMap.Detector.Eiger;
using XccaMap.Monitor.Live;

namespace XccaMap.Monitor.Following;

/// <summary>Reads frames of the followed scan by global index: finds the data file holding each and opens it for the read.</summary>
public sealed class FollowerFrameAccess : IFrameAccess
{
    private readonly Func<IReadOnlyList<LinkState>> _links;

    /// <summary>Reads through the data files <paramref name="links"/> returns (the follower's current list).</summary>
    public FollowerFrameAccess(Func<IReadOnlyList<LinkState>> links) => _links = links;

    /// <inheritdoc/>
    public void Read<TState>(IReadOnlyList<long> frames, FrameRoi? roi, Func<TState> createState, FrameHandler<TState> handle, Action<long, string> failed)
    {
        var links = _links();
        foreach (var group in frames.GroupBy(g => links.FirstOrDefault(l => l.FirstFrame is { } first && g >= first && g < first + l.FrameCount)))
        {
            if (group.Key is not { FirstFrame: { } first } link)
            {
                foreach (long g in group)
                {
                    failed(g, "no readable data file holds this frame");
                }

                continue;
            }

            var source = DataFileOpener.TryOpen(link.Link, out string? reason);
            if (source is null)
            {
                foreach (long g in group)
                {
                    failed(g, $"{link.Link.FilePath}: {reason}");
                }

                continue;
            }

            using (source)
            {
                var locals = group.Select(g => g - first).ToList();
                source.Read(locals, roi, createState, (s, local, px) => handle(s, first + local, px), (local, why) => failed(first + local, why), CancellationToken.None);
            }
        }
    }

    /// <summary>Reads one frame whole (the dashboard's latest frame), or null when it cannot be read now.</summary>
    public uint[]? ReadWhole(long frame)
    {
        uint[]? result = null;
        Read([frame], null, () => 0, (_, _, px) => result = px.ToArray(), (_, _) => { });
        return result;
    }
}
