using System.Runtime.InteropServices;
using XccaMap.Hdf5;

namespace XccaMap.Detector.Eiger;

/// <summary>Compression of written data files.</summary>
public enum FrameCompression
{
    /// <summary>bitshuffle + LZ4 (HDF5 filter 32008), as the DECTRIS writer does.</summary>
    BitshuffleLz4,

    /// <summary>plain LZ4 (HDF5 filter 32004).</summary>
    Lz4,

    /// <summary>Chunked, no filter.</summary>
    None,
}

/// <summary>What to write: file names, shape, pixel type, frames per data file, metadata, mask.</summary>
public sealed record NxmxScanSpec
{
    /// <summary>Output folder.</summary>
    public required string Directory { get; init; }

    /// <summary>Scan name: files are NAME_master.h5 and NAME_data_00000N.h5.</summary>
    public required string Name { get; init; }

    /// <summary>Detector rows.</summary>
    public required int Rows { get; init; }

    /// <summary>Detector columns.</summary>
    public required int Columns { get; init; }

    /// <summary>Bytes per stored pixel: 2 (uint16) or 4 (uint32).</summary>
    public int ElementSize { get; init; } = 4;

    /// <summary>Frames announced (nimages × ntrigger, with ntrigger = 1).</summary>
    public required long Frames { get; init; }

    /// <summary>Frames per data file (the DECTRIS writer's nimages_per_file).</summary>
    public int FramesPerFile { get; init; } = 100;

    /// <summary>Compression of the data files.</summary>
    public FrameCompression Compression { get; init; } = FrameCompression.BitshuffleLz4;

    /// <summary>Metadata written to the master (SI values, written with their units).</summary>
    public EigerMetadata Metadata { get; init; } = new();

    /// <summary>The DECTRIS pixel mask (bit 0 gap, 1 dead, …), rows × columns; null: none.</summary>
    public uint[]? PixelMask { get; init; }

    /// <summary>Master file path.</summary>
    public string MasterPath => Path.Combine(Directory, $"{Name}_master.h5");

    /// <summary>Number of data files.</summary>
    public int DataFileCount => (int)((Frames + FramesPerFile - 1) / FramesPerFile);

    /// <summary>Data file name (no folder) of the 1-based data file number.</summary>
    public string DataFileName(int number) => $"{Name}_data_{number:D6}.h5";
}

/// <summary>
/// Writes a scan as the DECTRIS file writer does: the master (NXmx metadata, pixel_mask, external links to all
/// data files) first, then each data file when its frames are complete (written to a temporary name and renamed,
/// so a reader never sees a half-written data file). One frame per chunk, compressed through the HDF5 filter.
/// </summary>
public sealed class NxmxWriter : IDisposable
{
    private readonly NxmxScanSpec spec;
    private readonly byte[] frameBytes;
    private H5File? current;
    private H5Dataset? currentData;
    private string? currentTemp;
    private int currentNumber;
    private int inCurrent;

    private NxmxWriter(NxmxScanSpec spec)
    {
        this.spec = spec;
        frameBytes = new byte[spec.Rows * spec.Columns * spec.ElementSize];
    }

    /// <summary>Frames written so far.</summary>
    public long FramesWritten { get; private set; }

    /// <summary>Creates the folder and writes the master file.</summary>
    public static NxmxWriter Create(NxmxScanSpec spec)
    {
        if (spec.ElementSize is not (2 or 4))
        {
            throw new ArgumentException("ElementSize must be 2 (uint16) or 4 (uint32)", nameof(spec));
        }

        System.IO.Directory.CreateDirectory(spec.Directory);
        AtomicFile.Write(spec.MasterPath, tmp => WriteMaster(spec, tmp));
        return new NxmxWriter(spec);
    }

    /// <summary>Appends one frame (uint32 pixels; for uint16 output, 0xFFFFFFFF becomes 0xFFFF and larger counts saturate).</summary>
    public void WriteFrame(ReadOnlySpan<uint> pixels)
    {
        if (pixels.Length != spec.Rows * spec.Columns)
        {
            throw new ArgumentException($"frame has {pixels.Length} pixels; expected {spec.Rows} × {spec.Columns}", nameof(pixels));
        }

        if (FramesWritten >= spec.Frames)
        {
            throw new InvalidOperationException($"all {spec.Frames} announced frames are already written");
        }

        if (currentData is null)
        {
            OpenDataFile();
        }

        if (spec.ElementSize == 4)
        {
            MemoryMarshal.AsBytes(pixels).CopyTo(frameBytes);
        }
        else
        {
            var u16 = MemoryMarshal.Cast<byte, ushort>(frameBytes.AsSpan());
            for (int i = 0; i < pixels.Length; i++)
            {
                u16[i] = (ushort)Math.Min(pixels[i], ushort.MaxValue);
            }
        }

        ulong[] start = [(ulong)inCurrent, 0, 0];
        ulong[] count = [1, (ulong)spec.Rows, (ulong)spec.Columns];
        currentData!.SetExtent([(ulong)inCurrent + 1, (ulong)spec.Rows, (ulong)spec.Columns]);
        if (spec.ElementSize == 4)
        {
            currentData.WriteSlab(start, count, MemoryMarshal.Cast<byte, uint>(frameBytes.AsSpan()));
        }
        else
        {
            currentData.WriteSlab(start, count, MemoryMarshal.Cast<byte, ushort>(frameBytes.AsSpan()));
        }

        inCurrent++;
        FramesWritten++;
        if (inCurrent == spec.FramesPerFile || FramesWritten == spec.Frames)
        {
            CloseDataFile();
        }
    }

    /// <summary>Closes the data file in progress (a scan that stops early keeps what it wrote).</summary>
    public void Dispose() => CloseDataFile();

    private void OpenDataFile()
    {
        currentNumber++;
        var target = Path.Combine(spec.Directory, spec.DataFileName(currentNumber));
        currentTemp = AtomicFile.TempPathFor(target);
        current = H5File.Create(currentTemp);
        using (var entry = current.CreateGroup("entry", "NXentry"))
        using (var data = entry.CreateGroup("data", "NXdata"))
        {
        }

        var options = new H5DatasetOptions
        {
            Chunk = [1, (ulong)spec.Rows, (ulong)spec.Columns],
            Growable = true,
            Filters = spec.Compression switch
            {
                FrameCompression.BitshuffleLz4 => [H5DatasetOptions.Bitshuffle(spec.ElementSize)],
                FrameCompression.Lz4 => [H5DatasetOptions.Lz4()],
                _ => [],
            },
        };
        ulong[] dims = [0, (ulong)spec.Rows, (ulong)spec.Columns];
        currentData = spec.ElementSize == 4
            ? current.CreateDataset<uint>("/entry/data/data", dims, options)
            : current.CreateDataset<ushort>("/entry/data/data", dims, options);
        long first = ((long)(currentNumber - 1) * spec.FramesPerFile) + 1;
        currentData.WriteAttribute("image_nr_low", first);
        currentData.WriteAttribute("image_nr_high", Math.Min(first + spec.FramesPerFile - 1, spec.Frames));
        inCurrent = 0;
    }

    private void CloseDataFile()
    {
        if (current is null)
        {
            return;
        }

        currentData?.Dispose();
        current.Dispose();
        AtomicFile.Commit(currentTemp!, Path.Combine(spec.Directory, spec.DataFileName(currentNumber)));
        current = null;
        currentData = null;
        currentTemp = null;
    }

    private static void WriteMaster(NxmxScanSpec spec, string path)
    {
        using var file = H5File.Create(path);
        using var entry = file.CreateGroup("entry", "NXentry");
        entry.WriteString("definition", "NXmx");
        using var data = entry.CreateGroup("data", "NXdata");
        for (int n = 1; n <= spec.DataFileCount; n++)
        {
            data.CreateExternalLink($"data_{n:D6}", spec.DataFileName(n), "/entry/data/data");
        }

        var m = spec.Metadata;
        using var beam = entry.CreateGroup("instrument/beam", "NXbeam");
        if (m.WavelengthMetres is { } wl)
        {
            beam.WriteScalar("incident_wavelength", wl * 1e10, "angstrom"); // NXmx/DECTRIS: Å
        }

        using var det = entry.CreateGroup("instrument/detector", "NXdetector");
        det.WriteString("description", m.Description ?? "Dectris EIGER Si 4M (simulated by XccaMap)");
        WriteIf(det, "detector_distance", m.DistanceMetres, "m");
        WriteIf(det, "beam_center_x", m.BeamCenterX, "pixel");
        WriteIf(det, "beam_center_y", m.BeamCenterY, "pixel");
        WriteIf(det, "x_pixel_size", m.PixelSizeX, "m");
        WriteIf(det, "y_pixel_size", m.PixelSizeY, "m");
        WriteIf(det, "count_time", m.CountTimeSeconds, "s");
        det.WriteScalar("bit_depth_image", m.BitDepthImage ?? (spec.ElementSize * 8));
        det.WriteScalar("saturation_value", m.SaturationValue ?? (spec.ElementSize == 4 ? 4_000_000L : 65_000L));
        using var specific = det.CreateGroup("detectorSpecific");
        specific.WriteScalar("nimages", spec.Frames);
        specific.WriteScalar("ntrigger", 1L);
        specific.WriteScalar("x_pixels_in_detector", spec.Columns);
        specific.WriteScalar("y_pixels_in_detector", spec.Rows);
        specific.WriteScalar("nimages_per_file", spec.FramesPerFile);
        if (spec.PixelMask is { } mask)
        {
            specific.WriteDataset<uint>("pixel_mask", mask, [(ulong)spec.Rows, (ulong)spec.Columns], options: new H5DatasetOptions
            {
                Chunk = [(ulong)spec.Rows, (ulong)spec.Columns],
                Filters = [H5DatasetOptions.Deflate()],
            });
        }
    }

    private static void WriteIf(H5Group group, string name, double? value, string units)
    {
        if (value is { } v)
        {
            group.WriteScalar(name, v, units);
        }
    }
}
