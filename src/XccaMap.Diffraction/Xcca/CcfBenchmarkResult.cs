using System.Globalization;

namespace XccaMap.Diffraction.Xcca;

/// <summary>Timings of <see cref="CcfBenchmark"/>: microseconds per call on one thread, best of 15 trials.</summary>
public sealed record CcfBenchmarkResult
{
    /// <summary>φ bins N.</summary>
    public int Bins { get; init; }

    /// <summary>One frame's C(Δ) by the FFT engine (two forward FFTs, one inverse), µs.</summary>
    public double FftFrameMicroseconds { get; init; }

    /// <summary>One frame added to domain sums (two forward FFTs; the inverse is once per domain), µs.</summary>
    public double FftAccumulateMicroseconds { get; init; }

    /// <summary>One frame by the O(N²) reference, µs.</summary>
    public double ReferenceFrameMicroseconds { get; init; }

    /// <summary>One complex forward transform by <see cref="ComplexFft"/>, µs.</summary>
    public double PlanForwardMicroseconds { get; init; }

    /// <summary>One complex forward transform by MathNet.Numerics 5.0.0 (managed provider), µs.</summary>
    public double MathNetForwardMicroseconds { get; init; }

    /// <summary>Bytes the engine allocated for one frame (compute + accumulate).</summary>
    public long EngineBytesPerFrame { get; init; }

    /// <summary>Bytes MathNet allocated for one transform.</summary>
    public long MathNetBytesPerTransform { get; init; }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"N = {Bins}: FFT CCF {FftFrameMicroseconds:F2} µs/frame, accumulate {FftAccumulateMicroseconds:F2} µs/frame, O(N²) reference {ReferenceFrameMicroseconds:F1} µs/frame; forward FFT ours {PlanForwardMicroseconds:F2} µs ({EngineBytesPerFrame} B/frame allocated), MathNet {MathNetForwardMicroseconds:F2} µs ({MathNetBytesPerTransform} B)");
}
