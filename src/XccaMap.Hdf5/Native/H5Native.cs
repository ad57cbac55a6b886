using System.Runtime.InteropServices;

namespace XccaMap.Hdf5.Native;

/// <summary>
/// Raw P/Invoke declarations for the subset of the HDF5 1.10 C API that XccaMap uses.
/// Types follow HDF5 1.10: hid_t = int64, herr_t = int32, htri_t = int32, hsize_t = uint64.
/// Nothing here is thread-safe: Debian's serial libhdf5 is not built thread-safe, so every call
/// goes through <see cref="H5Library.Sync"/> (see the wrappers).
/// </summary>
internal static unsafe partial class H5Native
{
    internal const string Lib = "hdf5";

    // ---- library, errors, plugins
    [LibraryImport(Lib)] internal static partial int H5open();
    [LibraryImport(Lib)] internal static partial int H5Eset_auto2(long estackId, nint func, nint clientData);
    [LibraryImport(Lib)] internal static partial int H5Ewalk2(long estackId, int direction, delegate* unmanaged<uint, H5ErrorRecord*, nint, int> func, nint clientData);
    [LibraryImport(Lib)] internal static partial int H5Eclear2(long estackId);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5PLappend(string searchPath);
    [LibraryImport(Lib)] internal static partial int H5Zfilter_avail(int filterId);
    [LibraryImport(Lib)] internal static partial int H5free_memory(nint buf);
    [LibraryImport(Lib)] internal static partial int H5get_libversion(out uint major, out uint minor, out uint release);

    // ---- files
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Fopen(string name, uint flags, long fapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Fcreate(string name, uint flags, long fcpl, long fapl);
    [LibraryImport(Lib)] internal static partial int H5Fclose(long file);
    [LibraryImport(Lib)] internal static partial int H5Fflush(long obj, int scope);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Fis_hdf5(string name);
    [LibraryImport(Lib)] internal static partial int H5Fstart_swmr_write(long file);

    // ---- groups and links
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Gcreate2(long loc, string name, long lcpl, long gcpl, long gapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Gopen2(long loc, string name, long gapl);
    [LibraryImport(Lib)] internal static partial int H5Gclose(long group);
    [LibraryImport(Lib)] internal static partial int H5Gget_info(long loc, out H5GroupInfo info);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Lexists(long loc, string name, long lapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Lget_info(long loc, string name, out H5LinkInfo info, long lapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Lget_val(long loc, string name, byte* buf, nuint size, long lapl);
    [LibraryImport(Lib)] internal static partial int H5Lunpack_elink_val(byte* buf, nuint size, out uint flags, out nint filename, out nint objName);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial nint H5Lget_name_by_idx(long loc, string groupName, int indexType, int order, ulong n, byte* name, nuint size, long lapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Lcreate_external(string fileName, string objName, long linkLoc, string linkName, long lcpl, long lapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Lcreate_soft(string target, long linkLoc, string linkName, long lcpl, long lapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Oopen(long loc, string name, long lapl);
    [LibraryImport(Lib)] internal static partial int H5Oclose(long obj);
    [LibraryImport(Lib)] internal static partial int H5Iget_type(long id);

    // ---- datasets
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Dopen2(long loc, string name, long dapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Dcreate2(long loc, string name, long type, long space, long lcpl, long dcpl, long dapl);
    [LibraryImport(Lib)] internal static partial int H5Dclose(long dset);
    [LibraryImport(Lib)] internal static partial long H5Dget_space(long dset);
    [LibraryImport(Lib)] internal static partial long H5Dget_type(long dset);
    [LibraryImport(Lib)] internal static partial long H5Dget_create_plist(long dset);
    [LibraryImport(Lib)] internal static partial int H5Dread(long dset, long memType, long memSpace, long fileSpace, long xfer, void* buf);
    [LibraryImport(Lib)] internal static partial int H5Dwrite(long dset, long memType, long memSpace, long fileSpace, long xfer, void* buf);
    [LibraryImport(Lib)] internal static partial int H5Dread_chunk(long dset, long dxpl, ulong* offset, out uint filters, void* buf);
    [LibraryImport(Lib)] internal static partial int H5Dwrite_chunk(long dset, long dxpl, uint filters, ulong* offset, nuint dataSize, void* buf);
    [LibraryImport(Lib)] internal static partial int H5Dget_chunk_storage_size(long dset, ulong* offset, out ulong nbytes);
    [LibraryImport(Lib)] internal static partial int H5Dset_extent(long dset, ulong* size);
    [LibraryImport(Lib)] internal static partial int H5Drefresh(long dset);
    [LibraryImport(Lib)] internal static partial int H5Dflush(long dset);
    [LibraryImport(Lib)] internal static partial int H5Dvlen_reclaim(long type, long space, long plist, void* buf);

    // ---- dataspaces
    [LibraryImport(Lib)] internal static partial long H5Screate(int type);
    [LibraryImport(Lib)] internal static partial long H5Screate_simple(int rank, ulong* dims, ulong* maxDims);
    [LibraryImport(Lib)] internal static partial int H5Sclose(long space);
    [LibraryImport(Lib)] internal static partial int H5Sget_simple_extent_ndims(long space);
    [LibraryImport(Lib)] internal static partial int H5Sget_simple_extent_dims(long space, ulong* dims, ulong* maxDims);
    [LibraryImport(Lib)] internal static partial int H5Sselect_hyperslab(long space, int op, ulong* start, ulong* stride, ulong* count, ulong* block);

    // ---- datatypes
    [LibraryImport(Lib)] internal static partial long H5Tcopy(long type);
    [LibraryImport(Lib)] internal static partial int H5Tclose(long type);
    [LibraryImport(Lib)] internal static partial int H5Tget_class(long type);
    [LibraryImport(Lib)] internal static partial nuint H5Tget_size(long type);
    [LibraryImport(Lib)] internal static partial int H5Tset_size(long type, nuint size);
    [LibraryImport(Lib)] internal static partial int H5Tget_sign(long type);
    [LibraryImport(Lib)] internal static partial int H5Tis_variable_str(long type);
    [LibraryImport(Lib)] internal static partial int H5Tset_cset(long type, int cset);
    [LibraryImport(Lib)] internal static partial int H5Tset_strpad(long type, int strpad);

    // ---- attributes
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Aexists(long obj, string name);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Aopen(long obj, string name, long aapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial long H5Acreate2(long loc, string name, long type, long space, long acpl, long aapl);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] internal static partial int H5Adelete(long loc, string name);
    [LibraryImport(Lib)] internal static partial int H5Aclose(long attr);
    [LibraryImport(Lib)] internal static partial int H5Aread(long attr, long memType, void* buf);
    [LibraryImport(Lib)] internal static partial int H5Awrite(long attr, long memType, void* buf);
    [LibraryImport(Lib)] internal static partial long H5Aget_space(long attr);
    [LibraryImport(Lib)] internal static partial long H5Aget_type(long attr);

    // ---- property lists
    [LibraryImport(Lib)] internal static partial long H5Pcreate(long cls);
    [LibraryImport(Lib)] internal static partial int H5Pclose(long plist);
    [LibraryImport(Lib)] internal static partial int H5Pset_chunk(long dcpl, int rank, ulong* dims);
    [LibraryImport(Lib)] internal static partial int H5Pget_chunk(long dcpl, int maxRank, ulong* dims);
    [LibraryImport(Lib)] internal static partial int H5Pget_layout(long dcpl);
    [LibraryImport(Lib)] internal static partial int H5Pset_filter(long dcpl, int filter, uint flags, nuint cdNelmts, uint* cdValues);
    [LibraryImport(Lib)] internal static partial int H5Pget_nfilters(long dcpl);
    [LibraryImport(Lib)] internal static partial int H5Pget_filter2(long dcpl, uint idx, out uint flags, ref nuint cdNelmts, uint* cdValues, nuint nameLen, byte* name, out uint filterConfig);
    [LibraryImport(Lib)] internal static partial int H5Pset_deflate(long dcpl, uint level);
    [LibraryImport(Lib)] internal static partial int H5Pset_create_intermediate_group(long lcpl, uint flag);
    [LibraryImport(Lib)] internal static partial int H5Pset_libver_bounds(long fapl, int low, int high);
    [LibraryImport(Lib)] internal static partial int H5Pset_chunk_cache(long dapl, nuint nslots, nuint nbytes, double w0);
    [LibraryImport(Lib)] internal static partial int H5Pset_fill_time(long dcpl, int fillTime);
    [LibraryImport(Lib)] internal static partial int H5Pset_alloc_time(long dcpl, int allocTime);

    // ---- constants (HDF5 1.10 headers)
    internal const long H5P_DEFAULT = 0;
    internal const long H5S_ALL = 0;
    internal const long H5E_DEFAULT = 0;
    internal const uint H5F_ACC_RDONLY = 0x0000;
    internal const uint H5F_ACC_RDWR = 0x0001;
    internal const uint H5F_ACC_TRUNC = 0x0002;
    internal const uint H5F_ACC_EXCL = 0x0004;
    internal const uint H5F_ACC_SWMR_WRITE = 0x0020;
    internal const uint H5F_ACC_SWMR_READ = 0x0040;
    internal const int H5F_SCOPE_LOCAL = 0;
    internal const int H5S_SCALAR = 0;
    internal const int H5S_SELECT_SET = 0;
    internal const ulong H5S_UNLIMITED = ulong.MaxValue;
    internal const int H5T_INTEGER = 0, H5T_FLOAT = 1, H5T_STRING = 3;
    internal const int H5T_SGN_NONE = 0;
    internal const int H5T_CSET_UTF8 = 1;
    internal const int H5T_STR_NULLTERM = 0;
    internal static readonly nuint H5T_VARIABLE = nuint.MaxValue;
    internal const int H5L_TYPE_HARD = 0, H5L_TYPE_SOFT = 1, H5L_TYPE_EXTERNAL = 64;
    internal const int H5I_GROUP = 2, H5I_DATASET = 5;
    internal const int H5D_CHUNKED = 2;
    internal const int H5_INDEX_NAME = 0, H5_ITER_INC = 0;
    internal const int H5E_WALK_DOWNWARD = 1;
    internal const int H5F_LIBVER_LATEST = 2; // H5F_LIBVER_V110 in 1.10
    internal const int H5D_FILL_TIME_NEVER = 1;
    internal const int H5D_ALLOC_TIME_INCR = 3;
    internal const uint H5Z_FLAG_OPTIONAL = 0x0001;
    internal const uint H5Z_FLAG_MANDATORY = 0x0000;
}

/// <summary>H5E_error2_t.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct H5ErrorRecord
{
    public long ClassId;
    public long MajorId;
    public long MinorId;
    public uint Line;
    public nint FuncName;
    public nint FileName;
    public nint Desc;
}

/// <summary>H5G_info_t.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct H5GroupInfo
{
    public int StorageType;
    public ulong NLinks;
    public long MaxCorder;
    public byte Mounted;
}

/// <summary>H5L_info_t (HDF5 1.10): type, corder_valid, corder, cset, union { address, val_size }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct H5LinkInfo
{
    public int Type;
    public byte CorderValid;
    public long Corder;
    public int Cset;
    public ulong AddressOrValSize;
}
