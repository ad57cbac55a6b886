using XccaMap.Hdf5.Native;

namespace XccaMap.Hdf5;

/// <summary>An open HDF5 dataset: shape, element type, storage layout and filters; whole, hyperslab and raw-chunk reads and writes.</summary>
public sealed unsafe class H5Dataset : H5Object
{
    internal H5Dataset(H5Handle handle, string filePath, string objectPath)
        : base(handle, filePath, objectPath)
    {
    }

    /// <summary>Current dimensions (re-read on every call, so a growing dataset shows its new size after <see cref="Refresh"/>).</summary>
    public ulong[] Dims
    {
        get
        {
            lock (H5Library.Sync)
            {
                using var space = Open(H5Native.H5Dget_space(Id), H5Kind.Dataspace, "get dataspace");
                return H5Shape.Dims(space.Id, out _);
            }
        }
    }

    /// <summary>Total number of elements.</summary>
    public ulong ElementCount => Dims.Aggregate(1UL, (a, b) => a * b);

    /// <summary>The stored element type.</summary>
    public H5ElementType ElementType
    {
        get
        {
            lock (H5Library.Sync)
            {
                using var type = Open(H5Native.H5Dget_type(Id), H5Kind.Datatype, "get datatype");
                int cls = H5Native.H5Tget_class(type.Id);
                var size = (int)H5Native.H5Tget_size(type.Id);
                return cls switch
                {
                    H5Native.H5T_INTEGER => new H5ElementType(H5TypeClass.Integer, size, H5Native.H5Tget_sign(type.Id) != H5Native.H5T_SGN_NONE, false),
                    H5Native.H5T_FLOAT => new H5ElementType(H5TypeClass.Float, size, true, false),
                    H5Native.H5T_STRING => new H5ElementType(H5TypeClass.String, size, false, H5Native.H5Tis_variable_str(type.Id) > 0),
                    _ => new H5ElementType(H5TypeClass.Other, size, false, false),
                };
            }
        }
    }

    /// <summary>Chunk dimensions, or null for contiguous/compact storage.</summary>
    public ulong[]? ChunkDims
    {
        get
        {
            lock (H5Library.Sync)
            {
                using var dcpl = Open(H5Native.H5Dget_create_plist(Id), H5Kind.PropertyList, "get creation properties");
                if (H5Native.H5Pget_layout(dcpl.Id) != H5Native.H5D_CHUNKED)
                {
                    return null;
                }

                var dims = new ulong[32];
                fixed (ulong* d = dims)
                {
                    int rank = (int)Check(H5Native.H5Pget_chunk(dcpl.Id, 32, d), "get chunk dims");
                    return dims[..rank];
                }
            }
        }
    }

    /// <summary>The filter pipeline, in order of application on write.</summary>
    public IReadOnlyList<H5Filter> Filters
    {
        get
        {
            lock (H5Library.Sync)
            {
                using var dcpl = Open(H5Native.H5Dget_create_plist(Id), H5Kind.PropertyList, "get creation properties");
                int n = H5Native.H5Pget_nfilters(dcpl.Id);
                var list = new List<H5Filter>(Math.Max(0, n));
                var cd = new uint[16];
                var name = new byte[256];
                for (uint i = 0; i < n; i++)
                {
                    nuint count = (nuint)cd.Length;
                    fixed (uint* c = cd)
                    fixed (byte* nm = name)
                    {
                        int id = (int)Check(H5Native.H5Pget_filter2(dcpl.Id, i, out _, ref count, c, (nuint)name.Length, nm, out _), "get filter");
                        int len = Array.IndexOf(name, (byte)0);
                        list.Add(new H5Filter(id, System.Text.Encoding.UTF8.GetString(name, 0, len < 0 ? name.Length : len), cd[..(int)Math.Min(count, (nuint)cd.Length)]));
                    }
                }

                return list;
            }
        }
    }

    /// <summary>Reads the whole dataset, converting to <typeparamref name="T"/> (HDF5 converts numeric types).</summary>
    public T[] ReadAll<T>()
        where T : unmanaged
    {
        var result = new T[checked((int)ElementCount)];
        Read<T>(result);
        return result;
    }

    /// <summary>Reads the whole dataset into <paramref name="destination"/> (length = element count).</summary>
    public void Read<T>(Span<T> destination)
        where T : unmanaged
    {
        lock (H5Library.Sync)
        {
            fixed (T* p = destination)
            {
                Check(H5Native.H5Dread(Id, H5Library.Types.For<T>(), H5Native.H5S_ALL, H5Native.H5S_ALL, H5Native.H5P_DEFAULT, p), "read dataset");
            }
        }
    }

    /// <summary>Reads a hyperslab (start, count per dimension) into <paramref name="destination"/>, through the filter pipeline.</summary>
    public void ReadSlab<T>(ReadOnlySpan<ulong> start, ReadOnlySpan<ulong> count, Span<T> destination)
        where T : unmanaged
    {
        fixed (T* p = destination)
        {
            TransferSlab(start, count, H5Library.Types.For<T>(), p, write: false);
        }
    }

    /// <summary>Reads a scalar (or the first element) as a double.</summary>
    public double ReadScalarDouble()
    {
        Span<double> one = stackalloc double[1];
        if (ElementCount == 1)
        {
            Read(one);
            return one[0];
        }

        var all = ReadAll<double>();
        return all.Length > 0 ? all[0] : double.NaN;
    }

    /// <summary>Reads a string dataset (or formats a numeric one).</summary>
    public string ReadString()
    {
        lock (H5Library.Sync)
        {
            using var type = Open(H5Native.H5Dget_type(Id), H5Kind.Datatype, "get datatype");
            using var space = Open(H5Native.H5Dget_space(Id), H5Kind.Dataspace, "get dataspace");
            return H5Strings.Read(type.Id, space.Id, (mem, buf) => H5Native.H5Dread(Id, mem, H5Native.H5S_ALL, H5Native.H5S_ALL, H5Native.H5P_DEFAULT, buf), this, "dataset");
        }
    }

    /// <summary>Stored (compressed) size in bytes of the chunk at <paramref name="offset"/>; 0 when not allocated.</summary>
    public ulong ChunkStorageSize(ReadOnlySpan<ulong> offset)
    {
        lock (H5Library.Sync)
        {
            fixed (ulong* o = offset)
            {
                if (H5Native.H5Dget_chunk_storage_size(Id, o, out var n) < 0)
                {
                    H5Native.H5Eclear2(H5Native.H5E_DEFAULT);
                    return 0;
                }

                return n;
            }
        }
    }

    /// <summary>
    /// Reads the raw (still compressed) bytes of the chunk at <paramref name="offset"/> into <paramref name="buffer"/>,
    /// bypassing the filter pipeline. Returns the number of bytes and the filter mask (bit i set: filter i skipped).
    /// </summary>
    public (int Bytes, uint FilterMask) ReadChunkRaw(ReadOnlySpan<ulong> offset, Span<byte> buffer)
    {
        lock (H5Library.Sync)
        {
            fixed (ulong* o = offset)
            fixed (byte* b = buffer)
            {
                if (H5Native.H5Dget_chunk_storage_size(Id, o, out var n) < 0 || n == 0)
                {
                    throw new H5Exception($"read chunk [{string.Join(", ", offset.ToArray())}] (not allocated: the frame was never written)", FilePath, ObjectPath, H5Error.TakeStack());
                }

                if (n > (ulong)buffer.Length)
                {
                    throw new ArgumentException($"Chunk buffer of {buffer.Length} bytes is smaller than the stored chunk ({n} bytes).", nameof(buffer));
                }

                Check(H5Native.H5Dread_chunk(Id, H5Native.H5P_DEFAULT, o, out var mask, b), $"read raw chunk [{string.Join(", ", offset.ToArray())}]");
                return ((int)n, mask);
            }
        }
    }

    /// <summary>Writes the whole dataset from <paramref name="data"/>.</summary>
    public void Write<T>(ReadOnlySpan<T> data)
        where T : unmanaged
    {
        lock (H5Library.Sync)
        {
            fixed (T* p = data)
            {
                Check(H5Native.H5Dwrite(Id, H5Library.Types.For<T>(), H5Native.H5S_ALL, H5Native.H5S_ALL, H5Native.H5P_DEFAULT, p), "write dataset");
            }
        }
    }

    /// <summary>Writes a hyperslab (start, count per dimension) from <paramref name="data"/>, through the filter pipeline.</summary>
    public void WriteSlab<T>(ReadOnlySpan<ulong> start, ReadOnlySpan<ulong> count, ReadOnlySpan<T> data)
        where T : unmanaged
    {
        fixed (T* p = data)
        {
            TransferSlab(start, count, H5Library.Types.For<T>(), p, write: true);
        }
    }

    /// <summary>Reads or writes the hyperslab [start, start + count) of the file space from/to a dense memory buffer.</summary>
    private void TransferSlab(ReadOnlySpan<ulong> start, ReadOnlySpan<ulong> count, long memType, void* buffer, bool write)
    {
        lock (H5Library.Sync)
        {
            using var fileSpace = Open(H5Native.H5Dget_space(Id), H5Kind.Dataspace, "get dataspace");
            fixed (ulong* s = start)
            fixed (ulong* c = count)
            {
                Check(H5Native.H5Sselect_hyperslab(fileSpace.Id, H5Native.H5S_SELECT_SET, s, null, c, null), "select hyperslab");
                using var memSpace = Open(H5Native.H5Screate_simple(count.Length, c, null), H5Kind.Dataspace, "create memory space");
                int status = write
                    ? H5Native.H5Dwrite(Id, memType, memSpace.Id, fileSpace.Id, H5Native.H5P_DEFAULT, buffer)
                    : H5Native.H5Dread(Id, memType, memSpace.Id, fileSpace.Id, H5Native.H5P_DEFAULT, buffer);
                Check(status, $"{(write ? "write" : "read")} slab starting at [{string.Join(", ", start.ToArray())}]");
            }
        }
    }

    /// <summary>Writes already-compressed bytes as the chunk at <paramref name="offset"/> (filter mask 0: all filters applied).</summary>
    public void WriteChunkRaw(ReadOnlySpan<ulong> offset, ReadOnlySpan<byte> bytes, uint filterMask = 0)
    {
        lock (H5Library.Sync)
        {
            fixed (ulong* o = offset)
            fixed (byte* b = bytes)
            {
                Check(H5Native.H5Dwrite_chunk(Id, H5Native.H5P_DEFAULT, filterMask, o, (nuint)bytes.Length, b), "write raw chunk");
            }
        }
    }

    /// <summary>Grows (or shrinks) the dataset to <paramref name="dims"/> (chunked datasets with room in their max dims).</summary>
    public void SetExtent(ReadOnlySpan<ulong> dims)
    {
        lock (H5Library.Sync)
        {
            fixed (ulong* d = dims)
            {
                Check(H5Native.H5Dset_extent(Id, d), "set extent");
            }
        }
    }

    /// <summary>Re-reads the dataset's metadata (for files written by another process in SWMR mode).</summary>
    public void Refresh()
    {
        lock (H5Library.Sync)
        {
            Check(H5Native.H5Drefresh(Id), "refresh dataset");
        }
    }

    /// <summary>Flushes the dataset to disk (SWMR writers make new frames visible with this).</summary>
    public void Flush()
    {
        lock (H5Library.Sync)
        {
            Check(H5Native.H5Dflush(Id), "flush dataset");
        }
    }
}
