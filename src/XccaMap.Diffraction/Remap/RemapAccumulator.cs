namespace XccaMap.Diffraction.Remap;

/// <summary>
/// Per-bin sums of a <see cref="RemapTable"/> over one or more frames: Σ fraction·signal, Σ fraction·normalisation
/// and Σ fraction (pixel count). Mean = Σ signal / Σ normalisation; Poisson error = √Σ signal / Σ normalisation
/// (variance = counts). Holds per-thread scratch so applying a table allocates nothing per frame. Not thread-safe:
/// one accumulator per concurrent caller.
/// </summary>
public sealed class RemapAccumulator
{
    private readonly double[] _signal;
    private readonly double[] _normCorrection;
    private readonly double[] _countCorrection;
    private readonly double[] _norm;
    private readonly double[] _count;
    private readonly Action<int> _worker;
    private double[][] _threadSignal = [];
    private double[][] _threadNormCorrection = [];
    private double[][] _threadCountCorrection = [];
    private long[] _threadInvalid = new long[1];
    private bool _derivedStale = true;
    private unsafe void* _frame;
    private bool _frameIsFloat;
    private int _threads;

    /// <summary>Creates empty sums for <paramref name="table"/>.</summary>
    public RemapAccumulator(RemapTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Table = table;
        int n = table.BinCount + RemapTableData.TrashBins; // + the trash bins of split pixels in the dense stream
        _signal = new double[n];
        _normCorrection = new double[n];
        _countCorrection = new double[n];
        _norm = new double[table.BinCount];
        _count = new double[table.BinCount];
        _worker = Work;
    }

    /// <summary>The table these sums belong to.</summary>
    public RemapTable Table { get; }

    /// <summary>Number of bins.</summary>
    public int BinCount => Table.BinCount;

    /// <summary>Frames added since the last <see cref="Clear"/>.</summary>
    public long Frames { get; private set; }

    /// <summary>Pixels of the table that were invalid (all-ones or NaN) in the frames added, summed over frames.</summary>
    public long InvalidPixels { get; private set; }

    /// <summary>Σ fraction × signal per bin (counts).</summary>
    public ReadOnlySpan<double> Signal => _signal.AsSpan(0, BinCount);

    /// <summary>Σ fraction × normalisation per bin (solid angle × polarisation, or 1 per pixel).</summary>
    public ReadOnlySpan<double> Normalisation
    {
        get
        {
            UpdateDerived();
            return _norm;
        }
    }

    /// <summary>Σ fraction per bin: the number of (partial) pixels that contributed.</summary>
    public ReadOnlySpan<double> Count
    {
        get
        {
            UpdateDerived();
            return _count;
        }
    }

    /// <summary>Mean = Σ signal / Σ normalisation, 0 where nothing contributed (as pyFAI's "empty").</summary>
    public static double MeanOf(double signal, double normalisation) => normalisation > 0 ? signal / normalisation : 0;

    /// <summary>Poisson error of the mean, √Σ signal / Σ normalisation (0 where nothing contributed).</summary>
    public static double PoissonErrorOf(double signal, double normalisation) => normalisation > 0 ? Math.Sqrt(Math.Max(signal, 0)) / normalisation : 0;

    /// <summary>Resets the sums to zero.</summary>
    public void Clear()
    {
        Array.Clear(_signal);
        Array.Clear(_normCorrection);
        Array.Clear(_countCorrection);
        Frames = 0;
        InvalidPixels = 0;
        _derivedStale = true;
    }

    /// <summary>Mean intensity of bin <paramref name="bin"/>.</summary>
    public double Mean(int bin) => MeanOf(_signal[bin], Normalisation[bin]);

    /// <summary>Poisson error of the mean of bin <paramref name="bin"/>.</summary>
    public double Error(int bin) => PoissonErrorOf(_signal[bin], Normalisation[bin]);

    /// <summary>Writes the mean of every bin into <paramref name="destination"/> (length ≥ BinCount).</summary>
    public void CopyMeans(Span<double> destination)
    {
        var norm = Normalisation;
        for (int b = 0; b < BinCount; b++)
        {
            destination[b] = MeanOf(_signal[b], norm[b]);
        }
    }

    internal unsafe void Run(void* frame, bool isFloat, int threads)
    {
        threads = Math.Min(threads, Math.Max(1, Table.Data.ChunkCount));
        _frame = frame;
        _frameIsFloat = isFloat;
        _threads = threads;
        EnsureThreadScratch(threads);
        if (threads == 1)
        {
            Work(0);
        }
        else
        {
            Parallel.For(0, threads, _worker);
            MergeThreads(threads);
        }

        Frames++;
        for (int t = 0; t < threads; t++)
        {
            InvalidPixels += _threadInvalid[t];
            _threadInvalid[t] = 0;
        }

        _frame = null;
        _derivedStale = true;
    }

    private unsafe void Work(int thread)
    {
        var (c0, c1) = Table.ChunkRange(thread, _threads);
        var signal = thread == 0 ? _signal : _threadSignal[thread];
        var normCorrection = thread == 0 ? _normCorrection : _threadNormCorrection[thread];
        var countCorrection = thread == 0 ? _countCorrection : _threadCountCorrection[thread];
        fixed (double* s = signal, nc = normCorrection, cc = countCorrection)
        {
            _threadInvalid[thread] = _frameIsFloat
                ? Table.Process<float, SingleFrameValue>((float*)_frame, c0, c1, s, nc, cc)
                : Table.Process<uint, UInt32FrameValue>((uint*)_frame, c0, c1, s, nc, cc);
        }
    }

    private void EnsureThreadScratch(int threads)
    {
        if (_threadSignal.Length >= threads)
        {
            return;
        }

        // Allocated once, the first time this many threads are used; thread 0 adds straight into the result.
        int n = _signal.Length;
        var signal = new double[threads][];
        var norm = new double[threads][];
        var count = new double[threads][];
        for (int t = 1; t < threads; t++)
        {
            signal[t] = t < _threadSignal.Length ? _threadSignal[t] : new double[n];
            norm[t] = t < _threadNormCorrection.Length ? _threadNormCorrection[t] : new double[n];
            count[t] = t < _threadCountCorrection.Length ? _threadCountCorrection[t] : new double[n];
        }

        _threadSignal = signal;
        _threadNormCorrection = norm;
        _threadCountCorrection = count;
        _threadInvalid = new long[threads];
    }

    private void MergeThreads(int threads)
    {
        for (int t = 1; t < threads; t++)
        {
            // Add and re-zero in one pass: thread scratch stays zero between frames.
            var s = _threadSignal[t];
            for (int b = 0; b < s.Length; b++)
            {
                _signal[b] += s[b];
            }

            Array.Clear(s);
            if (_threadInvalid[t] > 0)
            {
                var nc = _threadNormCorrection[t];
                var cc = _threadCountCorrection[t];
                for (int b = 0; b < nc.Length; b++)
                {
                    _normCorrection[b] += nc[b];
                    _countCorrection[b] += cc[b];
                }

                Array.Clear(nc);
                Array.Clear(cc);
            }
        }
    }

    private void UpdateDerived()
    {
        if (!_derivedStale)
        {
            return;
        }

        // Normalisation and count do not depend on the data except through invalid pixels, so they are
        // frames × the table's totals minus the corrections (no per-frame pass over the bins).
        var norm = Table.NormalisationSum;
        var count = Table.CountSum;
        for (int b = 0; b < BinCount; b++)
        {
            _norm[b] = Frames * norm[b] - _normCorrection[b];
            _count[b] = Frames * count[b] - _countCorrection[b];
        }

        _derivedStale = false;
    }
}
