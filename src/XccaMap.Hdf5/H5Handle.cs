using System.Runtime.InteropServices;
using XccaMap.Hdf5.Native;

namespace XccaMap.Hdf5;

/// <summary>What kind of HDF5 id a handle holds, which decides how it is closed.</summary>
internal enum H5Kind
{
    File,
    Group,
    Dataset,
    Dataspace,
    Datatype,
    Attribute,
    PropertyList,
    Object,
}

/// <summary>A SafeHandle around an HDF5 id (hid_t), closed with the function that matches its kind.</summary>
internal sealed class H5Handle : SafeHandle
{
    public H5Handle(long id, H5Kind kind)
        : base(0, ownsHandle: true)
    {
        Kind = kind;
        SetHandle((nint)id);
    }

    public H5Kind Kind { get; }

    public long Id
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }

    public override bool IsInvalid => handle <= 0;

    protected override bool ReleaseHandle()
    {
        long id = handle;
        lock (H5Library.Sync)
        {
            return Kind switch
            {
                H5Kind.File => H5Native.H5Fclose(id),
                H5Kind.Group => H5Native.H5Gclose(id),
                H5Kind.Dataset => H5Native.H5Dclose(id),
                H5Kind.Dataspace => H5Native.H5Sclose(id),
                H5Kind.Datatype => H5Native.H5Tclose(id),
                H5Kind.Attribute => H5Native.H5Aclose(id),
                H5Kind.PropertyList => H5Native.H5Pclose(id),
                _ => H5Native.H5Oclose(id),
            } >= 0;
        }
    }
}
