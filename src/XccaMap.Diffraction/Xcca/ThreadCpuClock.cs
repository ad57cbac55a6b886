using System.Diagnostics;
using System.Runtime.InteropServices;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// CPU time of the calling thread, for costs measured inside a parallel pass: on a machine whose cores are shared
/// with other jobs a thread's wall time also counts the time it waited for a core, which made the per-frame cost
/// look several times larger than it is. Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c> (a vDSO call, tens of
/// ns); elsewhere, or if libc lacks it, wall time (<see cref="IsThreadCpuTime"/> false).
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    private static readonly bool Available = Probe();

    /// <summary>True when <see cref="NowNanoseconds"/> is the thread's CPU time (false: wall time).</summary>
    public static bool IsThreadCpuTime => Available;

    /// <summary>The thread's CPU time, ns (or a wall clock, ns, when not available).</summary>
    public static long NowNanoseconds()
    {
        if (Available && ClockGetTime(ClockThreadCpuTimeId, out var t) == 0)
        {
            return (t.Seconds * 1_000_000_000L) + t.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return ClockGetTime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
