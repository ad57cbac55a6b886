using XccaMap.Hdf5.Native;

namespace XccaMap.Hdf5;

/// <summary>Dataspace helpers (call inside <see cref="H5Library.Sync"/>).</summary>
internal static unsafe class H5Shape
{
    public static ulong[] Dims(long space, out ulong[] maxDims)
    {
        int rank = H5Native.H5Sget_simple_extent_ndims(space);
        if (rank < 0)
        {
            throw new H5Exception("get dataspace rank", null, null, H5Error.TakeStack());
        }

        var dims = new ulong[rank];
        maxDims = new ulong[rank];
        if (rank > 0)
        {
            fixed (ulong* d = dims)
            fixed (ulong* m = maxDims)
            {
                H5Native.H5Sget_simple_extent_dims(space, d, m);
            }
        }

        return dims;
    }

    public static ulong ElementCount(long space)
    {
        ulong n = 1;
        foreach (var d in Dims(space, out _))
        {
            n *= d;
        }

        return n;
    }
}
