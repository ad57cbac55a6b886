using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Processing;

namespace XccaMap.Monitor.Live;

/// <summary>
/// The per-frame features of a monitored scan, filled as frames arrive (the same compact features as <c>process</c>'s
/// feature pass: I(q) in each band, net angular profiles of each ring, band profile), plus the per-frame Gaussian q
/// fits of the mapped SL reflections. Frames are written by index from several threads (disjoint slices); a frame's
/// state is published last (volatile), so a reader that sees a frame done sees all its features.
/// </summary>
public sealed class LiveFeatures
{
    private const int Pending = 0, Done = 1, Skipped = 2;
    private readonly int[] _state;
    private readonly long[] _visibleAt;
    private readonly ProcessingConfig _config;
    private int _done;
    private int _skipped;
    private int _latest = -1;

    /// <summary>Storage for <paramref name="points"/> frames (the raster's points).</summary>
    public LiveFeatures(LiveSetup setup, int points, ProcessingConfig config)
    {
        Setup = setup;
        Points = points;
        _config = config;
        Saxs = setup.Saxs is null ? null : new BandFeatures(setup.Saxs, points);
        Waxs = setup.Waxs is null ? null : new BandFeatures(setup.Waxs, points);
        QValues = setup.QTargets.Select(_ => NaNs(points)).ToArray();
        QErrors = setup.QTargets.Select(_ => NaNs(points)).ToArray();
        _state = new int[points];
        _visibleAt = new long[points];
    }

    /// <summary>The setup the features were extracted with.</summary>
    public LiveSetup Setup { get; }

    /// <summary>Frames (raster points) held.</summary>
    public int Points { get; }

    /// <summary>SAXS features, or null without SL rings.</summary>
    public BandFeatures? Saxs { get; }

    /// <summary>WAXS features, or null without AL rings.</summary>
    public BandFeatures? Waxs { get; }

    /// <summary>Per mapped reflection (<see cref="LiveSetup.QTargets"/>) and frame: fitted q, Å⁻¹ (NaN: no significant fit).</summary>
    public float[][] QValues { get; }

    /// <summary>Per mapped reflection and frame: the fit's standard error of q, Å⁻¹.</summary>
    public float[][] QErrors { get; }

    /// <summary>Frames processed.</summary>
    public int DoneCount => Volatile.Read(ref _done);

    /// <summary>Frames given up (unreadable).</summary>
    public int SkippedCount => Volatile.Read(ref _skipped);

    /// <summary>The most recently processed frame, or −1.</summary>
    public int LatestFrame => Volatile.Read(ref _latest);

    /// <summary>Floats per frame in a checkpoint (all features and fits).</summary>
    public int FloatsPerFrame => Size(Saxs) + Size(Waxs) + (2 * QValues.Length);

    /// <summary>True when frame <paramref name="frame"/> was processed.</summary>
    public bool IsDone(int frame) => Volatile.Read(ref _state[frame]) == Done;

    /// <summary>True when frame <paramref name="frame"/> needs nothing more (processed or given up).</summary>
    public bool IsSettled(int frame) => Volatile.Read(ref _state[frame]) != Pending;

    /// <summary>When frame <paramref name="frame"/> became visible (Unix ms), or 0.</summary>
    public long VisibleAtMs(int frame) => Volatile.Read(ref _visibleAt[frame]);

    /// <summary>Per frame: processed (a consistent snapshot for the analysis).</summary>
    public bool[] HasDataSnapshot()
    {
        var result = new bool[Points];
        for (int f = 0; f < Points; f++)
        {
            result[f] = IsDone(f);
        }

        return result;
    }

    /// <summary>A worker for one thread.</summary>
    public FeatureWorker NewWorker() => new(Setup);

    /// <summary>Extracts frame <paramref name="frame"/>'s features from its pixels (only the setup's ROI is read).</summary>
    public void Extract(FeatureWorker worker, int frame, ReadOnlySpan<uint> pixels)
    {
        Band(Setup.Saxs, Saxs, worker.Saxs, worker.Scratch, pixels, frame);
        Band(Setup.Waxs, Waxs, worker.Waxs, worker.Scratch, pixels, frame);
        FitQ(worker, frame);
        Publish(frame, Done);
    }

    /// <summary>Gives up frame <paramref name="frame"/> (its data could not be read).</summary>
    public void MarkSkipped(int frame)
    {
        if (Interlocked.CompareExchange(ref _state[frame], Skipped, Pending) == Pending)
        {
            Interlocked.Increment(ref _skipped);
        }
    }

    /// <summary>
    /// Takes over from the features a quick setup showed (the frames were extracted again with this setup): when each
    /// frame first became visible, which frame is the latest, and the frames given up.
    /// </summary>
    public void TakeOver(LiveFeatures quick)
    {
        ArgumentNullException.ThrowIfNull(quick);
        for (int f = 0; f < Points && f < quick.Points; f++)
        {
            int state = Volatile.Read(ref quick._state[f]);
            if (state == Done && IsDone(f))
            {
                Volatile.Write(ref _visibleAt[f], quick.VisibleAtMs(f));
            }
            else if (state == Skipped)
            {
                MarkSkipped(f);
            }
        }

        if (quick.LatestFrame is >= 0 and var latest && latest < Points && IsDone(latest))
        {
            Volatile.Write(ref _latest, latest);
        }
    }

    /// <summary>Copies a processed frame's features and fits into <paramref name="destination"/> (<see cref="FloatsPerFrame"/> floats).</summary>
    public void CopyFrame(int frame, Span<float> destination)
    {
        int o = Copy(Saxs, frame, destination, 0, toStore: false);
        o = Copy(Waxs, frame, destination, o, toStore: false);
        for (int t = 0; t < QValues.Length; t++)
        {
            destination[o++] = QValues[t][frame];
            destination[o++] = QErrors[t][frame];
        }
    }

    /// <summary>Restores a frame saved by <see cref="CopyFrame"/> (from a checkpoint), with the time it first became visible.</summary>
    public void RestoreFrame(int frame, Span<float> source, long visibleAtMs)
    {
        int o = Copy(Saxs, frame, source, 0, toStore: true);
        o = Copy(Waxs, frame, source, o, toStore: true);
        for (int t = 0; t < QValues.Length; t++)
        {
            QValues[t][frame] = source[o++];
            QErrors[t][frame] = source[o++];
        }

        Publish(frame, Done, visibleAtMs);
    }

    private static float[] NaNs(int n)
    {
        var a = new float[n];
        Array.Fill(a, float.NaN);
        return a;
    }

    private static int Size(BandFeatures? b) => b is null ? 0 : b.QCount + (b.Rings * b.PhiCount) + (2 * b.Rings) + (2 * b.BandLength);

    private static int Copy(BandFeatures? b, int f, Span<float> buffer, int o, bool toStore)
    {
        if (b is null)
        {
            return o;
        }

        foreach (var part in new[] { 0, 1, 2, 3, 4, 5 })
        {
            var span = part switch
            {
                0 => b.Radial(f),
                1 => b.Net(f),
                2 => b.Background(f),
                3 => b.Intensity(f),
                4 => b.BandNet(f),
                _ => b.BandSigma(f),
            };
            var slice = buffer.Slice(o, span.Length);
            if (toStore)
            {
                slice.CopyTo(span);
            }
            else
            {
                span.CopyTo(slice);
            }

            o += span.Length;
        }

        return o;
    }

    private static void Band(BandCake? cake, BandFeatures? store, Diffraction.Remap.RemapAccumulator? acc, double[] scratch, ReadOnlySpan<uint> pixels, int f)
    {
        if (cake is null || store is null || acc is null)
        {
            return;
        }

        cake.Table.Integrate(pixels, acc);
        cake.Extract(acc, store.Radial(f), store.Net(f), store.Background(f), store.Intensity(f), store.BandNet(f), store.BandSigma(f), scratch);
    }

    /// <summary>Gaussian + line fit of I(q) in each reflection's window (mirrors <c>ScanProcessor.QFits</c>, per frame).</summary>
    private void FitQ(FeatureWorker w, int f)
    {
        if (Saxs is null || Setup.Saxs is not { } cake)
        {
            return;
        }

        var radial = Saxs.Radial(f);
        double dq = cake.Q.Length > 1 ? cake.Q[1] - cake.Q[0] : 0;
        for (int t = 0; t < Setup.QTargets.Count; t++)
        {
            var target = Setup.QTargets[t];
            int n = target.Count, first = target.First;
            for (int i = 0; i < n; i++)
            {
                double y = radial[first + i];
                double norm = cake.RadialNormalisation[first + i];
                w.FitY[i] = double.IsFinite(y) ? y : double.NaN;
                w.FitSigma[i] = double.IsFinite(y) && norm > 0 ? Math.Sqrt(Math.Max(y, 1e-3 / norm) / norm) : double.NaN;
            }

            var fit = GaussianPeakFit.Fit(cake.Q.AsSpan(first, n), w.FitY.AsSpan(0, n), w.FitSigma.AsSpan(0, n), w.FitOptions);
            var ring = target.Ring;
            bool ok = fit.Converged && fit.Amplitude > 0 && fit.Significance >= _config.QFit.MinSignificance
                && fit.Centre > target.Lo + dq && fit.Centre < target.Hi - dq
                && (ring.Fwhm <= 0 || (fit.Fwhm > 0.3 * ring.Fwhm && fit.Fwhm < 3 * ring.Fwhm));
            QValues[t][f] = ok ? (float)fit.Centre : float.NaN;
            QErrors[t][f] = ok ? (float)fit.CentreError : float.NaN;
        }
    }

    private void Publish(int frame, int state, long? visibleAtMs = null)
    {
        Volatile.Write(ref _visibleAt[frame], visibleAtMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        if (Interlocked.Exchange(ref _state[frame], state) == Pending)
        {
            Interlocked.Increment(ref _done);
        }

        Volatile.Write(ref _latest, frame);
    }
}
