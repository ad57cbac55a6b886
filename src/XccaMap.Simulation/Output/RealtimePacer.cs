using System.Diagnostics;

namespace XccaMap.Simulation.Output;

/// <summary>
/// Paces a writer to a detector's frame rate (<c>xccamap simulate --realtime</c>, used to feed <c>xccamap monitor</c>):
/// frame f (0-based) is released no earlier than t₀ + (f + 1)/rate, the end of its exposure when the first exposure
/// starts at t₀ (the first call). The caller sleeps in <see cref="WaitForFrame"/>; when rendering is slower than the
/// rate nothing sleeps and the lag is recorded, so the caller can say that the rate was not kept.
/// </summary>
public sealed class RealtimePacer
{
    private readonly double _rate;
    private readonly Stopwatch _clock = new();

    /// <summary>A pacer for <paramref name="framesPerSecond"/> frames per second.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not positive and finite.</exception>
    public RealtimePacer(double framesPerSecond)
    {
        if (!(framesPerSecond > 0) || !double.IsFinite(framesPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(framesPerSecond), framesPerSecond, "the frame rate must be positive (frames per second)");
        }

        _rate = framesPerSecond;
    }

    /// <summary>The target rate, frames per second.</summary>
    public double FramesPerSecond => _rate;

    /// <summary>The largest delay behind the schedule seen so far, seconds (0 when the rate was kept).</summary>
    public double MaxLagSeconds { get; private set; }

    /// <summary>Frames that were released later than their due time by more than 10 % of a frame period.</summary>
    public int LateFrames { get; private set; }

    /// <summary>Seconds since the first call (the start of the first exposure).</summary>
    public double ElapsedSeconds => _clock.Elapsed.TotalSeconds;

    /// <summary>Sleeps until frame <paramref name="frame"/> (0-based) is due; starts the clock on the first call.</summary>
    public void WaitForFrame(long frame, CancellationToken cancel = default)
    {
        if (!_clock.IsRunning)
        {
            _clock.Start();
        }

        double due = (frame + 1) / _rate;
        double wait = due - _clock.Elapsed.TotalSeconds;
        if (wait > 0)
        {
            // WaitHandle-based sleep so that a cancelled run stops at once.
            cancel.WaitHandle.WaitOne(TimeSpan.FromSeconds(wait));
            cancel.ThrowIfCancellationRequested();
            return;
        }

        double lag = -wait;
        MaxLagSeconds = Math.Max(MaxLagSeconds, lag);
        if (lag > 0.1 / _rate)
        {
            LateFrames++;
        }
    }
}
