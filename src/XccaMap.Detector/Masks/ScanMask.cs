using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Hdf5;

namespace XccaMap.Detector.Masks;

/// <summary>
/// The per-scan mask of design.md §4.1 in one call: the master's pixel_mask ∪ the all-ones pixels of a
/// frame ∪ user masks (NumPy <c>.npy</c> files, or HDF5 datasets given as <c>FILE.h5::/path</c>).
/// </summary>
public static class ScanMask
{
    /// <summary>Starts a builder with the scan's pixel_mask and the all-ones pixels of <paramref name="frame"/>, then adds <paramref name="maskFiles"/>.</summary>
    /// <exception cref="ScanFormatException">The pixel_mask has the wrong shape.</exception>
    /// <exception cref="MaskShapeException">A user mask has the wrong shape (the message names the file and both shapes).</exception>
    public static MaskBuilder Start(EigerScan scan, Frame? frame, IEnumerable<string> maskFiles) =>
        frame is null ? Start(scan, -1, [], maskFiles) : Start(scan, frame.Index, frame.Data, maskFiles);

    /// <summary>
    /// As <see cref="Start(EigerScan, Frame?, IEnumerable{string})"/>, with the frame given as its index and pixels
    /// (empty = no frame).
    /// </summary>
    public static MaskBuilder Start(EigerScan scan, long frameIndex, ReadOnlySpan<uint> framePixels, IEnumerable<string> maskFiles)
    {
        var shape = new DetectorShape(scan.Rows, scan.Columns);
        var builder = new MaskBuilder(shape);
        if (scan.ReadPixelMask() is { } pixelMask)
        {
            builder.AddEigerPixelMask(pixelMask, shape, $"{scan.MasterPath}:{EigerScan.PixelMaskPath}");
        }

        if (!framePixels.IsEmpty)
        {
            builder.AddAllOnesPixels(framePixels, shape, $"all-ones pixels of frame {frameIndex}");
        }

        foreach (var path in maskFiles)
        {
            Add(builder, path);
        }

        return builder;
    }

    /// <summary>Adds a user mask file: <c>.npy</c> (non-zero = excluded) or <c>FILE.h5::/dataset</c>.</summary>
    public static void Add(MaskBuilder builder, string path)
    {
        var sep = path.IndexOf("::", StringComparison.Ordinal);
        if (sep < 0)
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"mask file not found: {Path.GetFullPath(path)}", path);
            }

            builder.AddNpy(path);
            return;
        }

        var file = path[..sep];
        var dataset = path[(sep + 2)..];
        using var h5 = H5File.Open(file);
        if (!h5.IsDataset(dataset))
        {
            throw new ScanFormatException($"mask dataset {dataset} not found", h5.FilePath, dataset);
        }

        using var ds = h5.OpenDataset(dataset);
        var dims = ds.Dims;
        var shape = builder.Shape;
        if (dims.Length != 2 || (int)dims[0] != shape.Rows || (int)dims[1] != shape.Cols)
        {
            throw new MaskShapeException($"{h5.FilePath}:{dataset}", shape, $"({string.Join(", ", dims)})");
        }

        var values = ds.ReadAll<byte>();
        builder.AddMask(values.Select(v => v != 0).ToArray(), shape, $"{h5.FilePath}:{dataset}");
    }
}
