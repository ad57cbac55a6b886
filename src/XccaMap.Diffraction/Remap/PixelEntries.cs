namespace XccaMap.Diffraction.Remap;

/// <summary>
/// Scratch list of the (bin, fraction) pairs of one pixel while its footprint is being binned; merges repeated bins
/// (the two halves of a pixel cut by the 0/360° line can land in the same bin when there is one φ bin).
/// </summary>
internal sealed class PixelEntries
{
    // Fractions below this are rounding noise of the clipping (areas of slivers at bin edges).
    private const double Negligible = 1e-7;

    private int[] _bins = new int[16];
    private double[] _weights = new double[16];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Bins => _bins.AsSpan(0, Count);

    public ReadOnlySpan<double> Weights => _weights.AsSpan(0, Count);

    public void Clear() => Count = 0;

    public void Add(int bin, double weight)
    {
        for (int i = Count - 1; i >= 0; i--)
        {
            if (_bins[i] == bin)
            {
                _weights[i] += weight;
                return;
            }
        }

        if (Count == _bins.Length)
        {
            Array.Resize(ref _bins, Count * 2);
            Array.Resize(ref _weights, Count * 2);
        }

        _bins[Count] = bin;
        _weights[Count] = weight;
        Count++;
    }

    /// <summary>Drops negligible fractions and snaps a lone near-1 fraction to exactly 1 (so it takes the fast path).</summary>
    public void Tidy()
    {
        int m = 0;
        for (int i = 0; i < Count; i++)
        {
            if (_weights[i] > Negligible)
            {
                _bins[m] = _bins[i];
                _weights[m] = _weights[i];
                m++;
            }
        }

        Count = m;
        if (Count == 1 && Math.Abs(_weights[0] - 1) < 1e-6)
        {
            _weights[0] = 1;
        }
    }
}
