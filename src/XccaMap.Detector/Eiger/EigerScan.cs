using System.Text.RegularExpressions;
using XccaMap.Hdf5;

namespace XccaMap.Detector.Eiger;

/// <summary>
/// A scan as written by the DECTRIS file writer (NXmx master + data files) or any HDF5 file holding a
/// 3D frames dataset: metadata, the pixel mask, and the frames of all data files as one ordered sequence.
/// Missing or unreadable data files do not stop the scan: they are listed in <see cref="Problems"/>
/// and the frames of the other files stay readable.
/// </summary>
public sealed partial class EigerScan : IDisposable
{
    /// <summary>Where the DECTRIS writer puts the links to the data files.</summary>
    public const string DataGroup = "/entry/data";

    /// <summary>The detector group of an NXmx master.</summary>
    public const string DetectorGroup = "/entry/instrument/detector";

    /// <summary>The DECTRIS pixel mask dataset.</summary>
    public const string PixelMaskPath = DetectorGroup + "/detectorSpecific/pixel_mask";

    private readonly H5File master;
    private readonly List<ScanProblem> problems = [];
    private readonly FrameSourceReader?[] readers;

    private EigerScan(string masterPath, H5File master, IReadOnlyList<FrameSource> sources, FrameSourceReader?[] readers, EigerMetadata metadata, List<ScanProblem> problems)
    {
        MasterPath = masterPath;
        this.master = master;
        Sources = sources;
        this.readers = readers;
        Metadata = metadata;
        this.problems = problems;
        var first = readers.FirstOrDefault(r => r is not null);
        Rows = first?.Rows ?? metadata.YPixelsInDetector ?? 0;
        Columns = first?.Columns ?? metadata.XPixelsInDetector ?? 0;
        ElementType = first?.ElementType ?? new H5ElementType(H5TypeClass.Integer, 4, false, false);
        Compression = first?.CompressionName ?? "unknown";
        FrameCount = sources.Count == 0 ? 0 : sources[^1].FirstFrame + sources[^1].FrameCount;
        if (metadata.ExpectedFrames is { } expected && expected != PresentFrameCount)
        {
            problems.Add(new ScanProblem(
                ProblemSeverity.Warning,
                PresentFrameCount < expected
                    ? $"nimages × ntrigger = {expected} but {PresentFrameCount} frames are present (the scan stopped early or data files are missing)"
                    : $"nimages × ntrigger = {expected} but {PresentFrameCount} frames are present (more frames than announced)",
                masterPath,
                DetectorGroup + "/detectorSpecific/nimages"));
        }
    }

    /// <summary>The master (or single data) file.</summary>
    public string MasterPath { get; }

    /// <summary>Metadata from the master, in SI units.</summary>
    public EigerMetadata Metadata { get; }

    /// <summary>The frame datasets in scan order, present or not.</summary>
    public IReadOnlyList<FrameSource> Sources { get; }

    /// <summary>Problems found while opening (missing files, count mismatches) and while reading.</summary>
    public IReadOnlyList<ScanProblem> Problems
    {
        get
        {
            lock (problems)
            {
                return problems.ToArray();
            }
        }
    }

    /// <summary>Detector rows (slow axis).</summary>
    public int Rows { get; }

    /// <summary>Detector columns (fast axis).</summary>
    public int Columns { get; }

    /// <summary>Pixels per frame.</summary>
    public int PixelsPerFrame => Rows * Columns;

    /// <summary>Stored pixel type (uint8, uint16 or uint32 for Eiger data).</summary>
    public H5ElementType ElementType { get; }

    /// <summary>Compression of the first readable source ("bitshuffle+lz4", "lz4", "none", …).</summary>
    public string Compression { get; }

    /// <summary>Global frame indices span [0, FrameCount), including those of missing sources (estimated).</summary>
    public long FrameCount { get; }

    /// <summary>Frames that can actually be read.</summary>
    public long PresentFrameCount => Sources.Where(s => s.IsPresent).Sum(s => s.FrameCount);

    /// <summary>
    /// Opens a master file, a single data file, or <c>file.h5::/path/to/dataset</c> for any 3D frames dataset.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ScanFormatException">The file is not HDF5 or holds no frames dataset.</exception>
    public static EigerScan Open(string path)
    {
        string? explicitDataset = null;
        var sep = path.IndexOf("::", StringComparison.Ordinal);
        if (sep >= 0)
        {
            explicitDataset = path[(sep + 2)..];
            path = path[..sep];
        }

        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Scan file not found: {full} (expected an Eiger *_master.h5 or a data file)", full);
        }

        if (!H5File.IsHdf5(full))
        {
            throw new ScanFormatException($"not an HDF5 file (no HDF5 signature; truncated or another format?); expected an Eiger *_master.h5", full);
        }

        H5File file;
        try
        {
            file = H5File.Open(full);
        }
        catch (H5Exception e)
        {
            throw new ScanFormatException($"cannot open as HDF5 ({e.HdfStack ?? e.Message}); the file may be truncated", full);
        }

        try
        {
            var problems = new List<ScanProblem>();
            var links = FindFrameLinks(file, explicitDataset);
            var metadata = MetadataReader.Read(file, problems);
            var (sources, readers) = OpenSources(file, links, problems);
            return new EigerScan(full, file, sources, readers, metadata, problems);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The source holding a global frame index, and the frame's index within it.</summary>
    public (int Source, long Local) Locate(long frame)
    {
        if (frame < 0 || frame >= FrameCount)
        {
            throw new ArgumentOutOfRangeException(nameof(frame), frame, $"frame index out of range [0, {FrameCount}) in {MasterPath}");
        }

        for (int i = 0; i < Sources.Count; i++)
        {
            var s = Sources[i];
            if (frame < s.FirstFrame + s.FrameCount)
            {
                return (i, frame - s.FirstFrame);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(frame));
    }

    /// <summary>True when the frame's data file is present (its chunk may still be corrupt).</summary>
    public bool IsFramePresent(long frame) => Sources[Locate(frame).Source].IsPresent;

    internal FrameSourceReader ReaderFor(long frame, out long local)
    {
        var (src, loc) = Locate(frame);
        local = loc;
        return readers[src] ?? throw new FrameReadException(
            $"data file missing or unreadable: {Sources[src].MissingReason}", Sources[src].FilePath, Sources[src].DatasetPath, frame);
    }

    internal void Report(ScanProblem problem)
    {
        lock (problems)
        {
            problems.Add(problem);
        }
    }

    /// <summary>Reads the master's pixel_mask (uint32, any set bit = do not use); null when absent.</summary>
    /// <exception cref="ScanFormatException">The mask's shape is not rows × columns.</exception>
    public uint[]? ReadPixelMask()
    {
        if (!master.IsDataset(PixelMaskPath))
        {
            return null;
        }

        using var ds = master.OpenDataset(PixelMaskPath);
        var dims = ds.Dims;
        if (dims.Length != 2 || (int)dims[0] != Rows || (int)dims[1] != Columns)
        {
            throw new ScanFormatException(
                $"pixel_mask has shape ({string.Join(", ", dims)}) but frames are ({Rows}, {Columns})", MasterPath, PixelMaskPath);
        }

        return ds.ReadAll<uint>();
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        foreach (var r in readers)
        {
            r?.Dispose();
        }

        master.Dispose();
    }

    [GeneratedRegex(@"^data_\d+$")]
    private static partial Regex DataLinkName();

    private static List<(string Name, string Path)> FindFrameLinks(H5File file, string? explicitDataset)
    {
        if (explicitDataset is not null)
        {
            if (!file.Exists(explicitDataset))
            {
                throw new ScanFormatException($"no dataset '{explicitDataset}'", file.FilePath, explicitDataset);
            }

            return [(explicitDataset.TrimStart('/'), explicitDataset)];
        }

        if (!file.Exists(DataGroup))
        {
            throw new ScanFormatException(
                $"no {DataGroup} group: expected an NXmx master with links {DataGroup}/data_000001, … or a data file with {DataGroup}/data",
                file.FilePath, DataGroup);
        }

        using var group = file.OpenGroup(DataGroup);
        var names = group.LinkNames().Where(n => DataLinkName().IsMatch(n)).Order(StringComparer.Ordinal).ToList();
        if (names.Count > 0)
        {
            return names.Select(n => (n, $"{DataGroup}/{n}")).ToList();
        }

        if (group.Exists("data"))
        {
            return [("data", $"{DataGroup}/data")];
        }

        throw new ScanFormatException($"{DataGroup} holds no data_NNNNNN links and no 'data' dataset", file.FilePath, DataGroup);
    }
}
