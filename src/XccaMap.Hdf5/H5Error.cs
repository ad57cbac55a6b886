using System.Runtime.InteropServices;
using XccaMap.Hdf5.Native;

namespace XccaMap.Hdf5;

/// <summary>Turns HDF5's error stack into text and failed return codes into <see cref="H5Exception"/>s.</summary>
internal static unsafe class H5Error
{
    [ThreadStatic] private static List<string>? collected;

    /// <summary>Throws when <paramref name="status"/> is negative (herr_t/htri_t/hid_t failure).</summary>
    public static long Check(long status, string operation, string? file, string? obj)
    {
        if (status < 0)
        {
            throw new H5Exception(operation, file, obj, TakeStack());
        }

        return status;
    }

    /// <summary>Reads and clears the current error stack (call inside <see cref="H5Library.Sync"/>).</summary>
    public static string TakeStack()
    {
        collected = [];
        H5Native.H5Ewalk2(H5Native.H5E_DEFAULT, H5Native.H5E_WALK_DOWNWARD, &Walk, 0);
        H5Native.H5Eclear2(H5Native.H5E_DEFAULT);
        var lines = collected;
        collected = null;

        // Innermost first, duplicates removed: the deepest descriptions say what went wrong.
        lines.Reverse();
        return string.Join("; ", lines.Distinct().Take(4));
    }

    [UnmanagedCallersOnly]
    private static int Walk(uint n, H5ErrorRecord* record, nint clientData)
    {
        var desc = Marshal.PtrToStringUTF8(record->Desc);
        var func = Marshal.PtrToStringUTF8(record->FuncName);
        if (!string.IsNullOrWhiteSpace(desc))
        {
            collected?.Add($"{desc} ({func})");
        }

        return 0;
    }
}
