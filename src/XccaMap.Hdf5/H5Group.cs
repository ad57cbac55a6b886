using System.Runtime.InteropServices;
using XccaMap.Hdf5.Native;

namespace XccaMap.Hdf5;

/// <summary>How a link in a group points at its object.</summary>
public enum H5LinkKind
{
    /// <summary>No such link.</summary>
    None,

    /// <summary>A hard link (an object in this file).</summary>
    Hard,

    /// <summary>A soft link (a path in this file).</summary>
    Soft,

    /// <summary>An external link (an object in another file).</summary>
    External,
}

/// <summary>The target of an external link, as stored (the file name may be relative to the linking file's folder).</summary>
/// <param name="FileName">Target file name as written in the link.</param>
/// <param name="ObjectPath">Object path inside the target file (with or without a leading slash).</param>
public readonly record struct H5ExternalTarget(string FileName, string ObjectPath);

/// <summary>An open HDF5 group (or, as <see cref="H5File"/>, the root group of a file).</summary>
public unsafe class H5Group : H5Object
{
    internal H5Group(H5Handle handle, string filePath, string objectPath)
        : base(handle, filePath, objectPath)
    {
    }

    /// <summary>Opens a child group by relative or absolute path.</summary>
    public H5Group OpenGroup(string path)
    {
        lock (H5Library.Sync)
        {
            return new H5Group(Open(H5Native.H5Gopen2(Id, path, H5Native.H5P_DEFAULT), H5Kind.Group, $"open group '{path}'"), FilePath, ChildPath(path));
        }
    }

    /// <summary>Creates a group (and missing intermediate groups); with <paramref name="nxClass"/>, sets the NeXus <c>NX_class</c> attribute.</summary>
    public H5Group CreateGroup(string path, string? nxClass = null)
    {
        H5Group group;
        lock (H5Library.Sync)
        {
            using var lcpl = IntermediateGroups();
            group = new H5Group(Open(H5Native.H5Gcreate2(Id, path, lcpl.Id, H5Native.H5P_DEFAULT, H5Native.H5P_DEFAULT), H5Kind.Group, $"create group '{path}'"), FilePath, ChildPath(path));
        }

        if (nxClass is not null)
        {
            group.WriteAttribute("NX_class", nxClass);
        }

        return group;
    }

    /// <summary>Opens the group if it exists, else creates it.</summary>
    public H5Group OpenOrCreateGroup(string path, string? nxClass = null) =>
        LinkKindOf(path) == H5LinkKind.None ? CreateGroup(path, nxClass) : OpenGroup(path);

    /// <summary>
    /// The kind of link at <paramref name="path"/> (checked component by component, so a missing
    /// intermediate group gives <see cref="H5LinkKind.None"/> rather than an error). Does not follow
    /// external links, so it answers even when the target file is absent.
    /// </summary>
    public H5LinkKind LinkKindOf(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var prefix = path.StartsWith('/') ? "/" : string.Empty;
        lock (H5Library.Sync)
        {
            for (int i = 0; i < parts.Length; i++)
            {
                prefix += (i == 0 ? string.Empty : "/") + parts[i];
                int exists = H5Native.H5Lexists(Id, prefix, H5Native.H5P_DEFAULT);
                if (exists <= 0)
                {
                    H5Native.H5Eclear2(H5Native.H5E_DEFAULT);
                    return H5LinkKind.None;
                }

                if (i < parts.Length - 1)
                {
                    // An intermediate component must be a group we can traverse (not an external link to a missing file).
                    long obj = H5Native.H5Oopen(Id, prefix, H5Native.H5P_DEFAULT);
                    if (obj < 0)
                    {
                        H5Native.H5Eclear2(H5Native.H5E_DEFAULT);
                        return H5LinkKind.None;
                    }

                    H5Native.H5Oclose(obj);
                }
            }

            if (parts.Length == 0)
            {
                return H5LinkKind.Hard;
            }

            Check(H5Native.H5Lget_info(Id, prefix, out var info, H5Native.H5P_DEFAULT), $"link info '{path}'");
            return info.Type switch
            {
                H5Native.H5L_TYPE_HARD => H5LinkKind.Hard,
                H5Native.H5L_TYPE_SOFT => H5LinkKind.Soft,
                H5Native.H5L_TYPE_EXTERNAL => H5LinkKind.External,
                _ => H5LinkKind.None,
            };
        }
    }

    /// <summary>True when a link exists at the path (the object it points to may still be unreachable).</summary>
    public bool Exists(string path) => LinkKindOf(path) != H5LinkKind.None;

    /// <summary>True when the path leads to an object that can be opened (external targets present).</summary>
    public bool CanOpen(string path)
    {
        if (!Exists(path))
        {
            return false;
        }

        lock (H5Library.Sync)
        {
            long obj = H5Native.H5Oopen(Id, path, H5Native.H5P_DEFAULT);
            if (obj < 0)
            {
                H5Native.H5Eclear2(H5Native.H5E_DEFAULT);
                return false;
            }

            H5Native.H5Oclose(obj);
            return true;
        }
    }

    /// <summary>True when the object at the path is a dataset.</summary>
    public bool IsDataset(string path)
    {
        if (!CanOpen(path))
        {
            return false;
        }

        lock (H5Library.Sync)
        {
            long obj = H5Native.H5Oopen(Id, path, H5Native.H5P_DEFAULT);
            try
            {
                return H5Native.H5Iget_type(obj) == H5Native.H5I_DATASET;
            }
            finally
            {
                H5Native.H5Oclose(obj);
            }
        }
    }

    /// <summary>Names of the links in this group, in name order.</summary>
    public IReadOnlyList<string> LinkNames()
    {
        lock (H5Library.Sync)
        {
            Check(H5Native.H5Gget_info(Id, out var info), "group info");
            var names = new List<string>((int)info.NLinks);
            for (ulong i = 0; i < info.NLinks; i++)
            {
                var len = (int)Check(H5Native.H5Lget_name_by_idx(Id, ".", H5Native.H5_INDEX_NAME, H5Native.H5_ITER_INC, i, null, 0, H5Native.H5P_DEFAULT), "link name length");
                var buf = new byte[len + 1];
                fixed (byte* p = buf)
                {
                    H5Native.H5Lget_name_by_idx(Id, ".", H5Native.H5_INDEX_NAME, H5Native.H5_ITER_INC, i, p, (nuint)buf.Length, H5Native.H5P_DEFAULT);
                }

                names.Add(System.Text.Encoding.UTF8.GetString(buf, 0, len));
            }

            return names;
        }
    }

    /// <summary>The stored target of an external link (without opening the target file).</summary>
    public H5ExternalTarget ReadExternalLink(string path)
    {
        lock (H5Library.Sync)
        {
            Check(H5Native.H5Lget_info(Id, path, out var info, H5Native.H5P_DEFAULT), $"link info '{path}'");
            if (info.Type != H5Native.H5L_TYPE_EXTERNAL)
            {
                throw new H5Exception($"read external link '{path}' (it is not an external link)", FilePath, ChildPath(path));
            }

            var size = (nuint)info.AddressOrValSize;
            var buf = new byte[(int)size];
            fixed (byte* p = buf)
            {
                Check(H5Native.H5Lget_val(Id, path, p, size, H5Native.H5P_DEFAULT), $"read link '{path}'");
                Check(H5Native.H5Lunpack_elink_val(p, size, out _, out var file, out var obj), $"unpack link '{path}'");
                return new H5ExternalTarget(Marshal.PtrToStringUTF8(file) ?? string.Empty, Marshal.PtrToStringUTF8(obj) ?? string.Empty);
            }
        }
    }

    /// <summary>Creates an external link <paramref name="linkName"/> → <paramref name="targetFile"/>:<paramref name="targetPath"/>.</summary>
    public void CreateExternalLink(string linkName, string targetFile, string targetPath)
    {
        lock (H5Library.Sync)
        {
            using var lcpl = IntermediateGroups();
            Check(H5Native.H5Lcreate_external(targetFile, targetPath, Id, linkName, lcpl.Id, H5Native.H5P_DEFAULT), $"create external link '{linkName}'");
        }
    }

    /// <summary>Creates a soft link <paramref name="linkName"/> → <paramref name="target"/> (a path in this file).</summary>
    public void CreateSoftLink(string linkName, string target)
    {
        lock (H5Library.Sync)
        {
            using var lcpl = IntermediateGroups();
            Check(H5Native.H5Lcreate_soft(target, Id, linkName, lcpl.Id, H5Native.H5P_DEFAULT), $"create soft link '{linkName}'");
        }
    }

    /// <summary>Opens a dataset by relative or absolute path.</summary>
    public H5Dataset OpenDataset(string path)
    {
        lock (H5Library.Sync)
        {
            return new H5Dataset(Open(H5Native.H5Dopen2(Id, path, H5Native.H5P_DEFAULT), H5Kind.Dataset, $"open dataset '{path}'"), FilePath, ChildPath(path));
        }
    }

    /// <summary>Creates a dataset; see <see cref="H5DatasetOptions"/> for chunking, filters and growth.</summary>
    public H5Dataset CreateDataset<T>(string path, ReadOnlySpan<ulong> dims, H5DatasetOptions? options = null)
        where T : unmanaged
    {
        options ??= H5DatasetOptions.Contiguous;
        lock (H5Library.Sync)
        {
            var rank = dims.Length;
            var max = new ulong[rank];
            for (int i = 0; i < rank; i++)
            {
                max[i] = options.Growable && i == 0 ? H5Native.H5S_UNLIMITED : dims[i];
            }

            using var lcpl = IntermediateGroups();
            using var dcpl = Open(H5Native.H5Pcreate(H5Library.Types.DatasetCreate), H5Kind.PropertyList, "create dcpl");
            if (options.Chunk is { } chunk)
            {
                fixed (ulong* c = chunk)
                {
                    Check(H5Native.H5Pset_chunk(dcpl.Id, chunk.Length, c), $"set chunk for '{path}'");
                }

                foreach (var filter in options.Filters)
                {
                    var cd = filter.Parameters.ToArray();
                    fixed (uint* p = cd)
                    {
                        Check(H5Native.H5Pset_filter(dcpl.Id, filter.Id, H5Native.H5Z_FLAG_MANDATORY, (nuint)cd.Length, p), $"set filter {filter.Id} ({filter.Name}) for '{path}' — is the HDF5 plugin installed?");
                    }
                }

                // The DECTRIS writer does not pre-fill chunks; neither do we (every chunk is written whole).
                Check(H5Native.H5Pset_fill_time(dcpl.Id, H5Native.H5D_FILL_TIME_NEVER), "set fill time");
            }

            fixed (ulong* d = dims)
            fixed (ulong* m = max)
            {
                using var space = Open(H5Native.H5Screate_simple(rank, d, m), H5Kind.Dataspace, "create dataspace");
                var id = H5Native.H5Dcreate2(Id, path, H5Library.Types.For<T>(), space.Id, lcpl.Id, dcpl.Id, H5Native.H5P_DEFAULT);
                return new H5Dataset(Open(id, H5Kind.Dataset, $"create dataset '{path}'"), FilePath, ChildPath(path));
            }
        }
    }

    /// <summary>Creates a 1D or N-D dataset and writes <paramref name="data"/> in one call.</summary>
    public void WriteDataset<T>(string path, ReadOnlySpan<T> data, ReadOnlySpan<ulong> dims, string? units = null, H5DatasetOptions? options = null)
        where T : unmanaged
    {
        using var ds = CreateDataset<T>(path, dims, options);
        ds.Write(data);
        if (units is not null)
        {
            ds.WriteAttribute("units", units);
        }
    }

    /// <summary>Creates a 1D dataset from <paramref name="data"/>.</summary>
    public void WriteDataset<T>(string path, ReadOnlySpan<T> data, string? units = null)
        where T : unmanaged => WriteDataset(path, data, [(ulong)data.Length], units);

    /// <summary>Creates a scalar dataset.</summary>
    public void WriteScalar<T>(string path, T value, string? units = null)
        where T : unmanaged => WriteDataset(path, [value], ReadOnlySpan<ulong>.Empty, units);

    /// <summary>Creates a scalar fixed-length UTF-8 string dataset.</summary>
    public void WriteString(string path, string value)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(value + "\0");
        lock (H5Library.Sync)
        {
            using var lcpl = IntermediateGroups();
            using var type = Open(H5Native.H5Tcopy(H5Library.Types.CString), H5Kind.Datatype, "copy string type");
            Check(H5Native.H5Tset_size(type.Id, (nuint)bytes.Length), "set string size");
            Check(H5Native.H5Tset_cset(type.Id, H5Native.H5T_CSET_UTF8), "set string cset");
            using var space = Open(H5Native.H5Screate(H5Native.H5S_SCALAR), H5Kind.Dataspace, "create scalar space");
            using var ds = Open(H5Native.H5Dcreate2(Id, path, type.Id, space.Id, lcpl.Id, H5Native.H5P_DEFAULT, H5Native.H5P_DEFAULT), H5Kind.Dataset, $"create dataset '{path}'");
            fixed (byte* p = bytes)
            {
                Check(H5Native.H5Dwrite(ds.Id, type.Id, H5Native.H5S_ALL, H5Native.H5S_ALL, H5Native.H5P_DEFAULT, p), $"write dataset '{path}'");
            }
        }
    }

    private H5Handle IntermediateGroups()
    {
        var lcpl = Open(H5Native.H5Pcreate(H5Library.Types.LinkCreate), H5Kind.PropertyList, "create lcpl");
        H5Native.H5Pset_create_intermediate_group(lcpl.Id, 1);
        return lcpl;
    }
}
