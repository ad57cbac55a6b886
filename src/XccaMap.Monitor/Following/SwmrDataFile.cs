using System.Runtime.InteropServices;
using XccaMap.Detector.Eiger;
using XccaMap.Hdf5;

namespace XccaMap.Monitor.Following;

/// <summary>
/// A data file still being written by a single-writer/multiple-reader (SWMR) HDF5 writer: opened SWMR-read, its frame
/// count re-read with <see cref="H5Dataset.Refresh"/>, frames read through HDF5's filter pipeline (the reference
/// decode path; the writer's chunk index may move, so raw chunk reads are not used) and widened to uint32.
/// </summary>
public sealed class SwmrDataFile : IDataFileSource
{
    private readonly H5File _file;
    private readonly H5Dataset _dataset;
    private readonly int _rows;
    private readonly int _columns;
    private readonly int _elementSize;

    private SwmrDataFile(DataLink link, H5File file, H5Dataset dataset)
    {
        Link = link;
        _file = file;
        _dataset = dataset;
        var dims = dataset.Dims;
        _rows = (int)dims[1];
        _columns = (int)dims[2];
        _elementSize = dataset.ElementType.Size;
        FrameCount = (long)dims[0];
        var low = dataset.ReadDoubleAttribute("image_nr_low");
        ImageNumberLow = low is { Length: > 0 } ? (long)low[0] : null;
    }

    /// <inheritdoc/>
    public DataLink Link { get; }

    /// <inheritdoc/>
    public long FrameCount { get; private set; }

    /// <inheritdoc/>
    public bool Growing => true;

    /// <inheritdoc/>
    public long? ImageNumberLow { get; }

    /// <summary>Opens the link's file SWMR-read.</summary>
    /// <exception cref="H5Exception">Or <see cref="InvalidDataException"/>: not readable this way.</exception>
    public static SwmrDataFile Open(DataLink link)
    {
        var file = H5File.Open(link.FilePath, H5OpenMode.ReadSwmr);
        try
        {
            var ds = file.OpenDataset(link.DatasetPath);
            var type = ds.ElementType;
            if (ds.Dims.Length != 3 || type.Class != H5TypeClass.Integer || type.IsSigned || type.Size is not (1 or 2 or 4))
            {
                ds.Dispose();
                throw new InvalidDataException($"{link.FilePath}:{link.DatasetPath} is not a (frames, rows, columns) dataset of unsigned integers");
            }

            return new SwmrDataFile(link, file, ds);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public void Refresh()
    {
        _dataset.Refresh();
        FrameCount = (long)_dataset.Dims[0];
    }

    /// <inheritdoc/>
    public void Read<TState>(IReadOnlyList<long> locals, FrameRoi? roi, Func<TState> createState, FrameHandler<TState> handle, Action<long, string> failed, CancellationToken cancellation)
    {
        var state = createState();
        var raw = new byte[_rows * _columns * _elementSize];
        var pixels = new uint[_rows * _columns];
        foreach (long local in locals)
        {
            cancellation.ThrowIfCancellationRequested();
            try
            {
                ReadFrame(local, raw, pixels);
            }
            catch (Exception e) when (e is H5Exception or IOException or InvalidDataException)
            {
                failed(local, e.Message);
                continue;
            }

            handle(state, local, pixels);
        }
    }

    /// <summary>Reads one frame whole (for the dashboard's latest-frame view).</summary>
    public uint[] ReadWhole(long local)
    {
        var pixels = new uint[_rows * _columns];
        ReadFrame(local, new byte[pixels.Length * _elementSize], pixels);
        return pixels;
    }

    private void ReadFrame(long local, byte[] raw, uint[] pixels)
    {
        ReadOnlySpan<ulong> start = [(ulong)local, 0, 0];
        ReadOnlySpan<ulong> count = [1, (ulong)_rows, (ulong)_columns];
        switch (_elementSize)
        {
            case 1: _dataset.ReadSlab(start, count, raw.AsSpan()); break;
            case 2: _dataset.ReadSlab(start, count, MemoryMarshal.Cast<byte, ushort>(raw.AsSpan())); break;
            default: _dataset.ReadSlab(start, count, MemoryMarshal.Cast<byte, uint>(raw.AsSpan())); break;
        }

        PixelWidening.ToUInt32(raw, _elementSize, pixels);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _dataset.Dispose();
        _file.Dispose();
    }
}
