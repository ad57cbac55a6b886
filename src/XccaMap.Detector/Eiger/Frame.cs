using System.Collections.Concurrent;

namespace XccaMap.Detector.Eiger;

/// <summary>
/// One decoded frame as uint32 pixels (row-major; gaps/defective = 0xFFFFFFFF) in a pooled buffer.
/// Dispose it to give the buffer back; frames in flight are bounded, so memory does not grow with the scan.
/// </summary>
public sealed class Frame : IDisposable
{
    private static readonly ConcurrentDictionary<int, ConcurrentBag<uint[]>> Pool = new();
    private uint[]? buffer;

    internal Frame(long index, int rows, int columns, FrameRoi? roi)
    {
        Index = index;
        Rows = rows;
        Columns = columns;
        Roi = roi;
        buffer = Rent(rows * columns);
    }

    /// <summary>Global frame index in the scan.</summary>
    public long Index { get; }

    /// <summary>Rows (slow axis).</summary>
    public int Rows { get; }

    /// <summary>Columns (fast axis).</summary>
    public int Columns { get; }

    /// <summary>When set, only these pixels were decoded; the others hold stale values.</summary>
    public FrameRoi? Roi { get; }

    /// <summary>The pixels.</summary>
    public Span<uint> Pixels => (buffer ?? throw new ObjectDisposedException(nameof(Frame))).AsSpan(0, Rows * Columns);

    /// <summary>The pixels, read only.</summary>
    public ReadOnlySpan<uint> Data => Pixels;

    /// <inheritdoc/>
    public void Dispose()
    {
        var b = Interlocked.Exchange(ref buffer, null);
        if (b is not null)
        {
            var bag = Pool.GetOrAdd(b.Length, _ => []);
            if (bag.Count < 64)
            {
                bag.Add(b);
            }
        }
    }

    private static uint[] Rent(int length) =>
        Pool.TryGetValue(length, out var bag) && bag.TryTake(out var b) ? b : GC.AllocateUninitializedArray<uint>(length);
}
