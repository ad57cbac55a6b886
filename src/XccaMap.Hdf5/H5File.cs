using XccaMap.Hdf5.Native;

namespace XccaMap.Hdf5;

/// <summary>How to open an HDF5 file.</summary>
public enum H5OpenMode
{
    /// <summary>Read only.</summary>
    Read,

    /// <summary>Read only, single-writer/multiple-reader (a file still being written by another process).</summary>
    ReadSwmr,

    /// <summary>Read and write an existing file.</summary>
    ReadWrite,
}

/// <summary>An open HDF5 file; also its root group.</summary>
public sealed class H5File : H5Group
{
    private H5File(H5Handle handle, string filePath)
        : base(handle, filePath, "/")
    {
    }

    /// <summary>True when the file exists and has an HDF5 signature.</summary>
    public static bool IsHdf5(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        H5Library.EnsureInitialised();
        lock (H5Library.Sync)
        {
            int r = H5Native.H5Fis_hdf5(path);
            H5Native.H5Eclear2(H5Native.H5E_DEFAULT);
            return r > 0;
        }
    }

    /// <summary>Opens an existing file. Missing files and non-HDF5 files give clear errors naming the path.</summary>
    public static H5File Open(string path, H5OpenMode mode = H5OpenMode.Read)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"HDF5 file not found: {full}", full);
        }

        if (!IsHdf5(full))
        {
            throw new H5Exception("open (not an HDF5 file: no HDF5 signature, or the file is truncated)", full, null);
        }

        uint flags = mode switch
        {
            H5OpenMode.ReadWrite => H5Native.H5F_ACC_RDWR,
            H5OpenMode.ReadSwmr => H5Native.H5F_ACC_RDONLY | H5Native.H5F_ACC_SWMR_READ,
            _ => H5Native.H5F_ACC_RDONLY,
        };
        lock (H5Library.Sync)
        {
            var id = H5Error.Check(H5Native.H5Fopen(full, flags, H5Native.H5P_DEFAULT), "open file", full, null);
            return new H5File(new H5Handle(id, H5Kind.File), full);
        }
    }

    /// <summary>
    /// Creates (truncates) a file. With <paramref name="swmr"/>, uses the latest file format so that
    /// <see cref="StartSwmrWrite"/> can be called once the datasets exist.
    /// </summary>
    public static H5File Create(string path, bool swmr = false)
    {
        var full = Path.GetFullPath(path);
        H5Library.EnsureInitialised();
        lock (H5Library.Sync)
        {
            long fapl = H5Native.H5P_DEFAULT;
            H5Handle? faplHandle = null;
            if (swmr)
            {
                faplHandle = new H5Handle(H5Error.Check(H5Native.H5Pcreate(H5Library.Types.FileAccess), "create fapl", full, null), H5Kind.PropertyList);
                H5Native.H5Pset_libver_bounds(faplHandle.Id, H5Native.H5F_LIBVER_LATEST, H5Native.H5F_LIBVER_LATEST);
                fapl = faplHandle.Id;
            }

            try
            {
                var id = H5Error.Check(H5Native.H5Fcreate(full, H5Native.H5F_ACC_TRUNC, H5Native.H5P_DEFAULT, fapl), "create file", full, null);
                return new H5File(new H5Handle(id, H5Kind.File), full);
            }
            finally
            {
                faplHandle?.Dispose();
            }
        }
    }

    /// <summary>Switches a file opened for writing into SWMR-write mode (readers may then open it with <see cref="H5OpenMode.ReadSwmr"/>).</summary>
    public void StartSwmrWrite()
    {
        lock (H5Library.Sync)
        {
            H5Error.Check(H5Native.H5Fstart_swmr_write(Id), "start SWMR write", FilePath, null);
        }
    }

    /// <summary>Flushes all buffers of the file to disk.</summary>
    public void Flush()
    {
        lock (H5Library.Sync)
        {
            H5Error.Check(H5Native.H5Fflush(Id, H5Native.H5F_SCOPE_LOCAL), "flush", FilePath, null);
        }
    }
}
