using System.Runtime.InteropServices;
using System.Text;
using XccaMap.Hdf5.Native;

namespace XccaMap.Hdf5;

/// <summary>Reads fixed- and variable-length string attributes and datasets (call inside <see cref="H5Library.Sync"/>).</summary>
internal static unsafe class H5Strings
{
    public delegate int Reader(long memType, void* buffer);

    /// <summary>Reads the first string of a string-typed attribute or dataset; a numeric value is formatted as text.</summary>
    public static string Read(long fileType, long space, Reader read, H5Object owner, string what)
    {
        var count = Math.Max(1, (int)H5Shape.ElementCount(space));
        int cls = H5Native.H5Tget_class(fileType);
        if (cls != H5Native.H5T_STRING)
        {
            var numbers = new double[count];
            fixed (double* p = numbers)
            {
                H5Error.Check(read(H5Library.Types.Float64, p), $"read {what}", owner.FilePath, owner.ObjectPath);
            }

            return numbers[0].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        }

        // The memory type is a copy of the stored one, so HDF5 converts nothing (an ASCII memory type
        // cannot receive a UTF-8 string: HDF5 has no conversion path between character sets).
        using var memType = new H5Handle(H5Error.Check(H5Native.H5Tcopy(fileType), "copy string type", owner.FilePath, owner.ObjectPath), H5Kind.Datatype);
        if (H5Native.H5Tis_variable_str(fileType) > 0)
        {
            var ptrs = new nint[count];
            fixed (nint* p = ptrs)
            {
                H5Error.Check(read(memType.Id, p), $"read {what}", owner.FilePath, owner.ObjectPath);
            }

            var text = Marshal.PtrToStringUTF8(ptrs[0]) ?? string.Empty;
            foreach (var ptr in ptrs)
            {
                if (ptr != 0)
                {
                    H5Native.H5free_memory(ptr);
                }
            }

            return text;
        }

        var size = (int)H5Native.H5Tget_size(fileType);
        var bytes = new byte[size * count];
        fixed (byte* p = bytes)
        {
            H5Error.Check(read(memType.Id, p), $"read {what}", owner.FilePath, owner.ObjectPath);
        }

        var first = bytes.AsSpan(0, size);
        int end = first.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end >= 0 ? first[..end] : first).TrimEnd();
    }
}
