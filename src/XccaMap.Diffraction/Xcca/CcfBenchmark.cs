using System.Diagnostics;
using System.Numerics;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// Per-frame cost of the masked CCF on synthetic profiles (benchmark kept beside the code, not a test assertion):
/// the FFT engine for one frame's full C(Δ), the FFT engine's accumulation into domain sums (what a scan pays per
/// frame), the O(N²) reference, and one forward transform by our plan and by MathNet.Numerics' managed
/// <c>Fourier.Forward</c> for comparison.
/// </summary>
public static class CcfBenchmark
{
    private const int Trials = 15;

    /// <summary>Runs each path for about <paramref name="seconds"/> (after a warm-up) at N = <paramref name="bins"/>.</summary>
    public static CcfBenchmarkResult Run(int bins = 360, double seconds = 0.5)
    {
        var rng = new Random(1);
        double[] i1 = new double[bins], w1 = new double[bins], i2 = new double[bins], w2 = new double[bins], c = new double[bins];
        for (int k = 0; k < bins; k++)
        {
            i1[k] = rng.NextDouble();
            i2[k] = rng.NextDouble();
            w1[k] = k % 37 < 3 ? 0 : 1;                 // gaps
            w2[k] = k < bins / 4 ? rng.NextDouble() : 0; // a quarter of the ring, partly covered
        }

        var engine = new MaskedCcfEngine(bins);
        var acc = new CcfAccumulator(bins);
        long frame = 0;
        var z = new Complex[bins];
        var scratch = new Complex[bins];
        var plan = new ComplexFft(bins);
        var options = MathNet.Numerics.IntegralTransforms.FourierOptions.NoScaling;
        engine.Compute(i1, w1, i2, w2, c); // warm-up (JIT) before counting bytes
        engine.Accumulate(i1, w1, i2, w2, acc, frame++);
        MathNet.Numerics.IntegralTransforms.Fourier.Forward(z, options);
        long before = GC.GetAllocatedBytesForCurrentThread();
        engine.Compute(i1, w1, i2, w2, c);
        engine.Accumulate(i1, w1, i2, w2, acc, frame++);
        long perFrameAllocation = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        MathNet.Numerics.IntegralTransforms.Fourier.Forward(z, options);
        long mathNetAllocation = GC.GetAllocatedBytesForCurrentThread() - before;
        return new CcfBenchmarkResult
        {
            Bins = bins,
            FftFrameMicroseconds = Time(seconds, () => engine.Compute(i1, w1, i2, w2, c)),
            FftAccumulateMicroseconds = Time(seconds, () => engine.Accumulate(i1, w1, i2, w2, acc, frame++)),
            ReferenceFrameMicroseconds = Time(seconds, () => Ccf.MaskedCcf.Compute(i1, w1, i2, w2)),
            PlanForwardMicroseconds = Time(seconds, () => plan.Forward(z, scratch)),
            MathNetForwardMicroseconds = Time(seconds, () => MathNet.Numerics.IntegralTransforms.Fourier.Forward(z, options)),
            EngineBytesPerFrame = perFrameAllocation,
            MathNetBytesPerTransform = mathNetAllocation,
        };
    }

    private static double Time(double seconds, Action action)
    {
        for (int i = 0; i < 50; i++)
        {
            action();
        }

        // Calls per trial so that a trial takes about seconds/Trials.
        var probe = Stopwatch.StartNew();
        int calls = 0;
        while (probe.Elapsed.TotalSeconds < 0.01)
        {
            action();
            calls++;
        }

        int perTrial = Math.Max(1, (int)(calls * seconds / Trials / 0.01));

        // Best of the trials: on a shared, loaded machine the least-disturbed trial is the cost of the code.
        double best = double.PositiveInfinity;
        for (int t = 0; t < Trials; t++)
        {
            var sw = Stopwatch.StartNew();
            for (int i = 0; i < perTrial; i++)
            {
                action();
            }

            best = Math.Min(best, sw.Elapsed.TotalMilliseconds * 1000 / perTrial);
        }

        return best;
    }
}
