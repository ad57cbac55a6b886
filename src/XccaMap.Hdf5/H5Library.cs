using System.Reflection;
using System.Runtime.InteropServices;
using XccaMap.Hdf5.Native;

namespace XccaMap.Hdf5;

/// <summary>
/// Loads Debian's serial libhdf5 (<c>libhdf5_serial.so.103</c>), registers the filter plugin folder,
/// silences HDF5's own error printing (errors become <see cref="H5Exception"/>s) and serialises all calls.
/// </summary>
public static class H5Library
{
    /// <summary>Shared object names tried in order.</summary>
    private static readonly string[] Candidates =
        ["libhdf5_serial.so.103", "libhdf5_serial.so", "libhdf5.so.103", "libhdf5.so", "hdf5"];

    /// <summary>Debian's plugin folder (packages <c>bitshuffle</c>, <c>hdf5-filter-plugin</c>).</summary>
    public const string DebianPluginPath = "/usr/lib/x86_64-linux-gnu/hdf5/serial/plugins";

    /// <summary>HDF5 filter id of bitshuffle (with LZ4 when its 5th parameter is 2).</summary>
    public const int BitshuffleFilterId = 32008;

    /// <summary>HDF5 filter id of plain LZ4.</summary>
    public const int Lz4FilterId = 32004;

    /// <summary>HDF5 filter id of deflate (gzip).</summary>
    public const int DeflateFilterId = 1;

    /// <summary>
    /// The one lock around every HDF5 call: Debian's serial build is not thread-safe.
    /// Hold it only for the call itself; decode and compute outside it.
    /// </summary>
    public static readonly Lock Sync = new();

    private static readonly Lazy<NativeTypes> LazyTypes = new(Initialise, LazyThreadSafetyMode.ExecutionAndPublication);

    static H5Library()
    {
        NativeLibrary.SetDllImportResolver(typeof(H5Library).Assembly, Resolve);
    }

    internal static NativeTypes Types => LazyTypes.Value;

    /// <summary>Makes sure the library is loaded and initialised; throws a clear error if it is missing.</summary>
    public static void EnsureInitialised() => _ = LazyTypes.Value;

    /// <summary>The libhdf5 version, e.g. "1.10.8".</summary>
    public static string Version
    {
        get
        {
            EnsureInitialised();
            lock (Sync)
            {
                H5Native.H5get_libversion(out var a, out var b, out var c);
                return $"{a}.{b}.{c}";
            }
        }
    }

    /// <summary>True when the HDF5 library can apply the given filter (built in or from a plugin).</summary>
    public static bool IsFilterAvailable(int filterId)
    {
        EnsureInitialised();
        lock (Sync)
        {
            return H5Native.H5Zfilter_avail(filterId) > 0;
        }
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        if (name != H5Native.Lib)
        {
            return 0;
        }

        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out var handle))
            {
                return handle;
            }
        }

        throw new DllNotFoundException(
            "libhdf5 not found (tried " + string.Join(", ", Candidates) + "). " +
            "Install it with: apt-get install libhdf5-103-1 bitshuffle hdf5-filter-plugin");
    }

    private static NativeTypes Initialise()
    {
        lock (Sync)
        {
            if (H5Native.H5open() < 0)
            {
                throw new H5Exception("H5open failed", null, null);
            }

            // Errors are collected from the stack by H5Error, never printed by the library.
            H5Native.H5Eset_auto2(H5Native.H5E_DEFAULT, 0, 0);
            var pluginPath = Environment.GetEnvironmentVariable("HDF5_PLUGIN_PATH");
            if (string.IsNullOrEmpty(pluginPath) && Directory.Exists(DebianPluginPath))
            {
                H5Native.H5PLappend(DebianPluginPath);
            }

            return new NativeTypes();
        }
    }

    /// <summary>The library's predefined type and class ids (global variables, valid after H5open).</summary>
    internal sealed class NativeTypes
    {
        public NativeTypes()
        {
            var lib = NativeLibrary.Load(Candidates.First(c => NativeLibrary.TryLoad(c, out _)));
            long Global(string symbol) => Marshal.ReadInt64(NativeLibrary.GetExport(lib, symbol));
            Int8 = Global("H5T_NATIVE_SCHAR_g");
            UInt8 = Global("H5T_NATIVE_UCHAR_g");
            Int16 = Global("H5T_NATIVE_SHORT_g");
            UInt16 = Global("H5T_NATIVE_USHORT_g");
            Int32 = Global("H5T_NATIVE_INT_g");
            UInt32 = Global("H5T_NATIVE_UINT_g");
            Int64 = Global("H5T_NATIVE_LLONG_g");
            UInt64 = Global("H5T_NATIVE_ULLONG_g");
            Float32 = Global("H5T_NATIVE_FLOAT_g");
            Float64 = Global("H5T_NATIVE_DOUBLE_g");
            CString = Global("H5T_C_S1_g");
            FileAccess = Global("H5P_CLS_FILE_ACCESS_ID_g");
            FileCreate = Global("H5P_CLS_FILE_CREATE_ID_g");
            DatasetCreate = Global("H5P_CLS_DATASET_CREATE_ID_g");
            DatasetAccess = Global("H5P_CLS_DATASET_ACCESS_ID_g");
            LinkCreate = Global("H5P_CLS_LINK_CREATE_ID_g");
            LinkAccess = Global("H5P_CLS_LINK_ACCESS_ID_g");
        }

        public long Int8 { get; }
        public long UInt8 { get; }
        public long Int16 { get; }
        public long UInt16 { get; }
        public long Int32 { get; }
        public long UInt32 { get; }
        public long Int64 { get; }
        public long UInt64 { get; }
        public long Float32 { get; }
        public long Float64 { get; }
        public long CString { get; }
        public long FileAccess { get; }
        public long FileCreate { get; }
        public long DatasetCreate { get; }
        public long DatasetAccess { get; }
        public long LinkCreate { get; }
        public long LinkAccess { get; }

        /// <summary>The native memory type for a blittable element type.</summary>
        public long For<T>()
            where T : unmanaged
        {
            if (typeof(T) == typeof(byte)) return UInt8;
            if (typeof(T) == typeof(sbyte)) return Int8;
            if (typeof(T) == typeof(short)) return Int16;
            if (typeof(T) == typeof(ushort)) return UInt16;
            if (typeof(T) == typeof(int)) return Int32;
            if (typeof(T) == typeof(uint)) return UInt32;
            if (typeof(T) == typeof(long)) return Int64;
            if (typeof(T) == typeof(ulong)) return UInt64;
            if (typeof(T) == typeof(float)) return Float32;
            if (typeof(T) == typeof(double)) return Float64;
            throw new NotSupportedException($"No HDF5 native type for {typeof(T).Name}.");
        }
    }
}
