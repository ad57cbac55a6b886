namespace XccaMap.Simulation.Rendering;

/// <summary>
/// A detector image that is zero outside a few row segments (a rendered spot): segment i covers pixels
/// [Start[i], Start[i] + Length[i]) of the row-major frame, its values packed in <see cref="Values"/>.
/// Adding it to a frame touches only those pixels, in contiguous runs.
/// </summary>
public sealed class SparseImage
{
    private readonly int[] _start;
    private readonly int[] _length;
    private readonly int[] _offset;
    private readonly float[] _values;

    internal SparseImage(int[] start, int[] length, float[] values)
    {
        _start = start;
        _length = length;
        _values = values;
        _offset = new int[start.Length];
        int o = 0;
        for (int i = 0; i < start.Length; i++)
        {
            _offset[i] = o;
            o += length[i];
        }

        Max = values.Length == 0 ? 0 : values.Max();
    }

    /// <summary>Number of stored pixels.</summary>
    public int PixelCount => _values.Length;

    /// <summary>Largest value.</summary>
    public float Max { get; }

    /// <summary>The stored values, segment after segment.</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>frame[p] += scale · image[p] for every stored pixel.</summary>
    public void AddTo(Span<float> frame, float scale)
    {
        if (scale == 0)
        {
            return;
        }

        for (int s = 0; s < _start.Length; s++)
        {
            var dst = frame.Slice(_start[s], _length[s]);
            var src = _values.AsSpan(_offset[s], _length[s]);
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] += scale * src[i];
            }
        }
    }

    /// <summary>The pixel indices and values (for tests and truth).</summary>
    public IEnumerable<(int Pixel, float Value)> Pixels()
    {
        for (int s = 0; s < _start.Length; s++)
        {
            for (int i = 0; i < _length[s]; i++)
            {
                yield return (_start[s] + i, _values[_offset[s] + i]);
            }
        }
    }
}
