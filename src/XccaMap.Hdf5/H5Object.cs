using System.Runtime.InteropServices;
using System.Text;
using XccaMap.Hdf5.Native;

namespace XccaMap.Hdf5;

/// <summary>An open HDF5 object (file, group or dataset): carries its id, file path and object path, and its attributes.</summary>
public abstract unsafe class H5Object : IDisposable
{
    private protected H5Object(H5Handle handle, string filePath, string objectPath)
    {
        Handle = handle;
        FilePath = filePath;
        ObjectPath = objectPath;
    }

    /// <summary>The file the object lives in.</summary>
    public string FilePath { get; }

    /// <summary>The object's path inside the file ("/" for the root).</summary>
    public string ObjectPath { get; }

    internal H5Handle Handle { get; }

    internal long Id => Handle.Id;

    /// <summary>True when the attribute exists.</summary>
    public bool HasAttribute(string name)
    {
        lock (H5Library.Sync)
        {
            return Check(H5Native.H5Aexists(Id, name), $"check attribute '{name}'") > 0;
        }
    }

    /// <summary>Reads a string attribute (fixed or variable length, scalar or first element); null when absent.</summary>
    public string? ReadStringAttribute(string name)
    {
        if (!HasAttribute(name))
        {
            return null;
        }

        lock (H5Library.Sync)
        {
            using var attr = Open(H5Native.H5Aopen(Id, name, H5Native.H5P_DEFAULT), H5Kind.Attribute, $"open attribute '{name}'");
            using var type = Open(H5Native.H5Aget_type(attr.Id), H5Kind.Datatype, $"type of attribute '{name}'");
            using var space = Open(H5Native.H5Aget_space(attr.Id), H5Kind.Dataspace, $"space of attribute '{name}'");
            return H5Strings.Read(type.Id, space.Id, (mem, buf) => H5Native.H5Aread(attr.Id, mem, buf), this, $"attribute '{name}'");
        }
    }

    /// <summary>Reads a numeric attribute as doubles (converted by HDF5); null when absent.</summary>
    public double[]? ReadDoubleAttribute(string name)
    {
        if (!HasAttribute(name))
        {
            return null;
        }

        lock (H5Library.Sync)
        {
            using var attr = Open(H5Native.H5Aopen(Id, name, H5Native.H5P_DEFAULT), H5Kind.Attribute, $"open attribute '{name}'");
            using var space = Open(H5Native.H5Aget_space(attr.Id), H5Kind.Dataspace, $"space of attribute '{name}'");
            var count = checked((int)H5Shape.ElementCount(space.Id));
            var values = new double[count];
            fixed (double* p = values)
            {
                Check(H5Native.H5Aread(attr.Id, H5Library.Types.Float64, p), $"read attribute '{name}'");
            }

            return values;
        }
    }

    /// <summary>Writes (or replaces) a UTF-8 variable-length... fixed-length string attribute.</summary>
    public void WriteAttribute(string name, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value + "\0");
        lock (H5Library.Sync)
        {
            DeleteAttributeIfPresent(name);
            using var type = Open(H5Native.H5Tcopy(H5Library.Types.CString), H5Kind.Datatype, "copy string type");
            Check(H5Native.H5Tset_size(type.Id, (nuint)bytes.Length), "set string size");
            Check(H5Native.H5Tset_cset(type.Id, H5Native.H5T_CSET_UTF8), "set string cset");
            Check(H5Native.H5Tset_strpad(type.Id, H5Native.H5T_STR_NULLTERM), "set string pad");
            using var space = Open(H5Native.H5Screate(H5Native.H5S_SCALAR), H5Kind.Dataspace, "create scalar space");
            using var attr = Open(H5Native.H5Acreate2(Id, name, type.Id, space.Id, H5Native.H5P_DEFAULT, H5Native.H5P_DEFAULT), H5Kind.Attribute, $"create attribute '{name}'");
            fixed (byte* p = bytes)
            {
                Check(H5Native.H5Awrite(attr.Id, type.Id, p), $"write attribute '{name}'");
            }
        }
    }

    /// <summary>Writes (or replaces) a scalar numeric attribute.</summary>
    public void WriteAttribute<T>(string name, T value)
        where T : unmanaged => WriteAttribute<T>(name, [value], scalar: true);

    /// <summary>Writes (or replaces) a 1D numeric attribute.</summary>
    public void WriteAttribute<T>(string name, ReadOnlySpan<T> values)
        where T : unmanaged => WriteAttribute(name, values, scalar: false);

    /// <summary>Writes a 1D attribute of strings (e.g. NeXus <c>axes</c>), as fixed-length UTF-8 strings.</summary>
    public void WriteAttribute(string name, IReadOnlyList<string> values)
    {
        var width = Math.Max(1, values.Max(v => Encoding.UTF8.GetByteCount(v)) + 1);
        var bytes = new byte[width * values.Count];
        for (int i = 0; i < values.Count; i++)
        {
            Encoding.UTF8.GetBytes(values[i], bytes.AsSpan(i * width));
        }

        lock (H5Library.Sync)
        {
            DeleteAttributeIfPresent(name);
            using var type = Open(H5Native.H5Tcopy(H5Library.Types.CString), H5Kind.Datatype, "copy string type");
            Check(H5Native.H5Tset_size(type.Id, (nuint)width), "set string size");
            Check(H5Native.H5Tset_cset(type.Id, H5Native.H5T_CSET_UTF8), "set string cset");
            ulong dim = (ulong)values.Count;
            using var space = Open(H5Native.H5Screate_simple(1, &dim, null), H5Kind.Dataspace, "create space");
            using var attr = Open(H5Native.H5Acreate2(Id, name, type.Id, space.Id, H5Native.H5P_DEFAULT, H5Native.H5P_DEFAULT), H5Kind.Attribute, $"create attribute '{name}'");
            fixed (byte* p = bytes)
            {
                Check(H5Native.H5Awrite(attr.Id, type.Id, p), $"write attribute '{name}'");
            }
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Handle.Dispose();
        GC.SuppressFinalize(this);
    }

    private void WriteAttribute<T>(string name, ReadOnlySpan<T> values, bool scalar)
        where T : unmanaged
    {
        lock (H5Library.Sync)
        {
            DeleteAttributeIfPresent(name);
            ulong dim = (ulong)values.Length;
            using var space = Open(scalar ? H5Native.H5Screate(H5Native.H5S_SCALAR) : H5Native.H5Screate_simple(1, &dim, null), H5Kind.Dataspace, "create space");
            var type = H5Library.Types.For<T>();
            using var attr = Open(H5Native.H5Acreate2(Id, name, type, space.Id, H5Native.H5P_DEFAULT, H5Native.H5P_DEFAULT), H5Kind.Attribute, $"create attribute '{name}'");
            fixed (T* p = values)
            {
                Check(H5Native.H5Awrite(attr.Id, type, p), $"write attribute '{name}'");
            }
        }
    }

    private void DeleteAttributeIfPresent(string name)
    {
        if (H5Native.H5Aexists(Id, name) > 0)
        {
            Check(H5Native.H5Adelete(Id, name), $"delete attribute '{name}'");
        }
    }

    /// <summary>Throws an <see cref="H5Exception"/> naming this object when <paramref name="status"/> is negative.</summary>
    private protected long Check(long status, string operation) => H5Error.Check(status, operation, FilePath, ObjectPath);

    private protected H5Handle Open(long id, H5Kind kind, string operation) => new(Check(id, operation), kind);

    /// <summary>Joins a child name to this object's path.</summary>
    private protected string ChildPath(string name) =>
        name.StartsWith('/') ? name : (ObjectPath.EndsWith('/') ? ObjectPath + name : ObjectPath + "/" + name);
}
