using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Diffraction.Processing;

/// <summary>
/// Sums whole frames of one class into a binned detector image (raw counts, masked and all-ones pixels left out)
/// and a radial profile over the whole q range. Thread-safe: frames are added under a lock (a few ms per frame;
/// one shared image per class keeps memory at one image per class instead of one per class and thread).
/// </summary>
internal sealed class ClassPatternAccumulator
{
    private readonly DetectorShape _shape;
    private readonly int _binning;
    private readonly DetectorMask _mask;
    private readonly RemapTable _radialTable;
    private readonly RemapAccumulator _radial;
    private readonly double[] _sum;
    private readonly int[] _count;
    private readonly object _lock = new();
    private readonly int[] _binOfColumn;

    public ClassPatternAccumulator(DetectorShape shape, int binning, DetectorMask mask, RemapTable radialTable)
    {
        _shape = shape;
        _binning = Math.Max(1, binning);
        _mask = mask;
        _radialTable = radialTable;
        _radial = new RemapAccumulator(radialTable);
        Rows = (shape.Rows + _binning - 1) / _binning;
        Cols = (shape.Cols + _binning - 1) / _binning;
        _sum = new double[Rows * Cols];
        _binOfColumn = Enumerable.Range(0, shape.Cols).Select(c => c / _binning).ToArray();
        _count = new int[Rows * Cols];
    }

    /// <summary>Binned image rows.</summary>
    public int Rows { get; }

    /// <summary>Binned image columns.</summary>
    public int Cols { get; }

    /// <summary>Frames added.</summary>
    public int Frames { get; private set; }

    public void Add(ReadOnlySpan<uint> frame)
    {
        var excluded = _mask.Excluded;
        int cols = _shape.Cols;
        lock (_lock)
        {
            for (int r = 0; r < _shape.Rows; r++)
            {
                var row = frame.Slice(r * cols, cols);
                var skip = excluded.Slice(r * cols, cols);
                var sum = _sum.AsSpan((r / _binning) * Cols, Cols);
                var count = _count.AsSpan((r / _binning) * Cols, Cols);
                for (int c = 0; c < cols; c++)
                {
                    uint v = row[c];
                    if (v != uint.MaxValue && !skip[c])
                    {
                        int o = _binOfColumn[c];
                        sum[o] += v;
                        count[o]++;
                    }
                }
            }

            _radialTable.Accumulate(frame, _radial);
            Frames++;
        }
    }

    /// <summary>Mean counts per unmasked pixel in each binned pixel (NaN where all were masked).</summary>
    public float[] MeanImage()
    {
        var result = new float[_sum.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = _count[i] > 0 ? (float)(_sum[i] / _count[i]) : float.NaN;
        }

        return result;
    }

    /// <summary>Mean radial profile over the frames added.</summary>
    public double[] RadialMean() => RadialProfile.From(_radial).Intensity;
}
