using System.Runtime.InteropServices;

namespace XccaMap.Simulation.Output;

/// <summary>
/// Keeps glibc from returning large blocks to the kernel. The HDF5 filters malloc a chunk-sized output buffer for
/// every frame (18 MB for an Eiger 4M) and free it again; by default glibc serves such blocks with mmap/munmap, so
/// every chunk page-faults all of its 4 500 pages afresh — measured here, the bitshuffle+LZ4 write of a frame drops
/// from ≈ 72 ms to ≈ 14 ms once the blocks stay on the heap (the same effect as MALLOC_MMAP_MAX_=0
/// MALLOC_TRIM_THRESHOLD_=… in the environment, design.md §3). Process-wide; harmless elsewhere.
/// </summary>
internal static partial class NativeHeap
{
    private const int MTrimThreshold = -1;
    private const int MMmapMax = -4;

    /// <summary>Applies the tuning once; silently does nothing where glibc's mallopt is not available.</summary>
    public static void KeepLargeBlocks()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = Mallopt(MMmapMax, 0);
            _ = Mallopt(MTrimThreshold, int.MaxValue);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // musl or another libc: keep the defaults (slower writes, same files).
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int param, int value);
}
