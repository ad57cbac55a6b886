using System.Buffers;
using System.Runtime.InteropServices;
using XccaMap.Detector.Compression;
using XccaMap.Hdf5;

namespace XccaMap.Detector.Eiger;

/// <summary>What our own decoder does with a source's raw chunks.</summary>
internal enum ChunkCoding
{
    /// <summary>Not decodable by us (contiguous, partial-frame chunks, other filters): use the HDF5 path.</summary>
    Unsupported,

    /// <summary>Chunks stored without filters.</summary>
    Raw,

    /// <summary>bitshuffle + LZ4 (filter 32008, cd_values[4] = 2).</summary>
    BitshuffleLz4,

    /// <summary>plain LZ4 (filter 32004).</summary>
    Lz4,
}

/// <summary>Reads the frames of one dataset: through HDF5's filters, or as raw chunks for our decoders.</summary>
internal sealed class FrameSourceReader : IDisposable
{
    private readonly H5File file;
    private readonly H5Dataset dataset;
    private readonly int chunkFrames;

    public FrameSourceReader(string filePath, string datasetPath)
    {
        file = H5File.Open(filePath);
        try
        {
            if (!file.IsDataset(datasetPath))
            {
                throw new ScanFormatException($"no frames dataset {datasetPath}", filePath, datasetPath);
            }

            dataset = file.OpenDataset(datasetPath);
            var dims = dataset.Dims;
            if (dims.Length is not (2 or 3))
            {
                throw new ScanFormatException($"frames dataset has rank {dims.Length}; expected (frames, rows, columns)", filePath, datasetPath);
            }

            FrameCount = dims.Length == 3 ? (long)dims[0] : 1;
            Rows = (int)dims[^2];
            Columns = (int)dims[^1];
            ElementType = dataset.ElementType;
            if (ElementType.Class != H5TypeClass.Integer || ElementType.IsSigned || ElementType.Size is not (1 or 2 or 4))
            {
                throw new ScanFormatException($"pixel type {ElementType}; expected uint8, uint16 or uint32", filePath, datasetPath);
            }

            (Coding, CompressionName) = Classify(dataset, Rows, Columns, out chunkFrames);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public string FilePath => file.FilePath;

    public string DatasetPath => dataset.ObjectPath;

    public long FrameCount { get; }

    public int Rows { get; }

    public int Columns { get; }

    public int Pixels => Rows * Columns;

    public H5ElementType ElementType { get; }

    public int ElementSize => ElementType.Size;

    public ChunkCoding Coding { get; }

    public string CompressionName { get; }

    /// <summary>Reads frame <paramref name="local"/> through HDF5's filter pipeline into raw element bytes.</summary>
    public void ReadFiltered(long local, Span<byte> destination)
    {
        var bytes = destination[..(Pixels * ElementSize)];
        bool stack = dataset.Dims.Length == 3;
        ReadOnlySpan<ulong> start = stack ? [(ulong)local, 0, 0] : [0, 0];
        ReadOnlySpan<ulong> count = stack ? [1, (ulong)Rows, (ulong)Columns] : [(ulong)Rows, (ulong)Columns];
        switch (ElementSize)
        {
            case 1: dataset.ReadSlab(start, count, bytes); break;
            case 2: dataset.ReadSlab(start, count, MemoryMarshal.Cast<byte, ushort>(bytes)); break;
            default: dataset.ReadSlab(start, count, MemoryMarshal.Cast<byte, uint>(bytes)); break;
        }
    }

    /// <summary>
    /// Reads the raw stored chunk holding frame <paramref name="local"/> into a pooled buffer (caller returns it).
    /// Only this step holds the HDF5 lock; decoding happens outside it.
    /// </summary>
    public RawChunk ReadChunk(long local)
    {
        long first = local - (local % chunkFrames);
        ulong[] offset = dataset.Dims.Length == 3 ? [(ulong)first, 0, 0] : [0, 0];
        var size = dataset.ChunkStorageSize(offset);
        if (size == 0)
        {
            throw new InvalidDataException("chunk not allocated (the frame was never written)");
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)size);
        try
        {
            var (bytes, mask) = dataset.ReadChunkRaw(offset, buffer);
            return new RawChunk(buffer, bytes, mask, (int)(local - first));
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary>Decodes a raw chunk into the frame's raw element bytes (all of it, or only the ROI's blocks).</summary>
    public void Decode(RawChunk chunk, Span<byte> destination, FrameRoi? roi)
    {
        int frameBytes = Pixels * ElementSize;
        var data = chunk.Data;
        var coding = chunk.FilterMask != 0 ? ChunkCoding.Raw : Coding; // a skipped filter leaves the chunk as stored
        if (chunkFrames == 1)
        {
            DecodeInto(coding, data, destination[..frameBytes], roi);
            return;
        }

        // Several frames per chunk: decode the chunk, copy out our frame.
        var scratch = ArrayPool<byte>.Shared.Rent(frameBytes * chunkFrames);
        try
        {
            DecodeInto(coding, data, scratch.AsSpan(0, frameBytes * chunkFrames), null);
            scratch.AsSpan(chunk.FrameInChunk * frameBytes, frameBytes).CopyTo(destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    public void Dispose()
    {
        dataset.Dispose();
        file.Dispose();
    }

    private void DecodeInto(ChunkCoding coding, ReadOnlySpan<byte> data, Span<byte> destination, FrameRoi? roi)
    {
        switch (coding)
        {
            case ChunkCoding.BitshuffleLz4:
                if (roi is null)
                {
                    BitshuffleLz4Decoder.Decode(data, destination, ElementSize);
                }
                else
                {
                    BitshuffleLz4Decoder.DecodeElementRanges(data, destination, ElementSize, roi.ElementRanges);
                }

                break;
            case ChunkCoding.Lz4:
                Lz4ChunkDecoder.Decode(data, destination);
                break;
            case ChunkCoding.Raw:
                if (data.Length < destination.Length)
                {
                    throw new InvalidDataException($"raw chunk holds {data.Length} bytes; expected {destination.Length}");
                }

                data[..destination.Length].CopyTo(destination);
                break;
            default:
                throw new InvalidOperationException("chunk coding not supported by the direct path");
        }
    }

    private static (ChunkCoding, string) Classify(H5Dataset ds, int rows, int cols, out int framesPerChunk)
    {
        framesPerChunk = 1;
        var filters = ds.Filters;
        var name = filters.Count == 0 ? "none" : string.Join("+", filters.Select(FilterName));
        var chunk = ds.ChunkDims;
        if (chunk is null)
        {
            return (ChunkCoding.Unsupported, name + " (contiguous)");
        }

        bool fullFrame = chunk.Length == 3 ? (int)chunk[1] == rows && (int)chunk[2] == cols : (int)chunk[0] == rows && (int)chunk[1] == cols;
        if (!fullFrame)
        {
            return (ChunkCoding.Unsupported, name + $" (chunks {string.Join("×", chunk)})");
        }

        framesPerChunk = chunk.Length == 3 ? (int)chunk[0] : 1;
        return filters.Count switch
        {
            0 => (ChunkCoding.Raw, name),
            1 when filters[0].Id == H5Library.BitshuffleFilterId && filters[0].Parameters.Count >= 5 && filters[0].Parameters[4] == 2 => (ChunkCoding.BitshuffleLz4, name),
            1 when filters[0].Id == H5Library.Lz4FilterId => (ChunkCoding.Lz4, name),
            _ => (ChunkCoding.Unsupported, name),
        };
    }

    private static string FilterName(H5Filter f) => f.Id switch
    {
        H5Library.BitshuffleFilterId => f.Parameters.Count >= 5 && f.Parameters[4] == 2 ? "bitshuffle+lz4" : "bitshuffle",
        H5Library.Lz4FilterId => "lz4",
        H5Library.DeflateFilterId => "deflate",
        _ => $"filter {f.Id}",
    };
}

/// <summary>A raw chunk in a pooled buffer; <see cref="Release"/> returns the buffer.</summary>
internal readonly record struct RawChunk(byte[] Buffer, int Length, uint FilterMask, int FrameInChunk)
{
    public ReadOnlySpan<byte> Data => Buffer.AsSpan(0, Length);

    public void Release() => ArrayPool<byte>.Shared.Return(Buffer);
}
