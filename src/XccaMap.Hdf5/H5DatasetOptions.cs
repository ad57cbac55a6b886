namespace XccaMap.Hdf5;

/// <summary>How a dataset is stored: chunk shape, filter pipeline, growth along the first axis.</summary>
public sealed record H5DatasetOptions
{
    /// <summary>Contiguous storage, fixed size.</summary>
    public static H5DatasetOptions Contiguous { get; } = new();

    /// <summary>Chunk dimensions (null: contiguous).</summary>
    public ulong[]? Chunk { get; init; }

    /// <summary>Filters applied in order (requires <see cref="Chunk"/>).</summary>
    public IReadOnlyList<H5Filter> Filters { get; init; } = [];

    /// <summary>When true the first dimension is unlimited (frames appended), requires <see cref="Chunk"/>.</summary>
    public bool Growable { get; init; }

    /// <summary>
    /// bitshuffle+LZ4 as the DECTRIS writer sets it: cd_values {0, 2, element size, 0 (automatic block size), 2 (LZ4)}.
    /// </summary>
    public static H5Filter Bitshuffle(int elementSize) =>
        new(H5Library.BitshuffleFilterId, "bitshuffle; see https://github.com/kiyo-masui/bitshuffle", [0, 2, (uint)elementSize, 0, 2]);

    /// <summary>Plain LZ4 (HDF5 filter 32004), default block size.</summary>
    public static H5Filter Lz4() => new(H5Library.Lz4FilterId, "HDF5 lz4 filter; see http://www.hdfgroup.org/services/contributions.html", []);

    /// <summary>Deflate at the given level.</summary>
    public static H5Filter Deflate(uint level = 4) => new(H5Library.DeflateFilterId, "deflate", [level]);

    /// <summary>One frame per chunk, compressed with bitshuffle+LZ4: the DECTRIS data-file layout.</summary>
    public static H5DatasetOptions FramesBitshuffle(int rows, int cols, int elementSize, bool growable = false) => new()
    {
        Chunk = [1, (ulong)rows, (ulong)cols],
        Filters = [Bitshuffle(elementSize)],
        Growable = growable,
    };
}
