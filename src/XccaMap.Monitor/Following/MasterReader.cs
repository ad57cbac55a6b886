using XccaMap.Detector.Eiger;
using XccaMap.Hdf5;

namespace XccaMap.Monitor.Following;

/// <summary>
/// Reads a master file the way <c>process</c> does (<see cref="EigerScan.Open"/>: metadata with units, links resolved
/// beside the master), without failing on a master that is not complete yet: a failure is returned as a reason and
/// the caller tries again later. A one-file scan whose writer holds the file in SWMR mode is opened SWMR-read.
/// </summary>
public static class MasterReader
{
    private const string PerFilePath = EigerScan.DetectorGroup + "/detectorSpecific/nimages_per_file";

    /// <summary>Reads the master, or returns null and the reason it cannot be read (yet).</summary>
    public static MasterInfo? TryRead(string masterPath, out string? problem)
    {
        problem = null;
        var full = Path.GetFullPath(masterPath);
        if (!File.Exists(full))
        {
            problem = $"master {full} does not exist (yet)";
            return null;
        }

        try
        {
            using var scan = EigerScan.Open(full);
            bool single = scan.Sources.Count == 1 && string.Equals(Path.GetFullPath(scan.Sources[0].FilePath), full, StringComparison.Ordinal);
            var links = scan.Sources.Select((s, i) => new DataLink(i + 1, s.Name, Path.GetFullPath(s.FilePath), s.DatasetPath)).ToList();
            return new MasterInfo
            {
                MasterPath = full,
                Name = NameOf(full),
                Metadata = scan.Metadata,
                FramesPerFile = ReadPerFile(full, H5OpenMode.Read),
                Links = links,
                SingleFile = single,
                Rows = scan.Rows,
                Columns = scan.Columns,
                PixelMask = scan.Rows > 0 && scan.Columns > 0 ? scan.ReadPixelMask() : null,
            };
        }
        catch (Exception e) when (e is H5Exception or ScanFormatException or IOException or InvalidDataException or UnauthorizedAccessException)
        {
            // A one-file scan being written in SWMR mode cannot be opened read-only the ordinary way.
            var swmr = TrySwmrSingleFile(full);
            if (swmr is not null)
            {
                return swmr;
            }

            problem = $"master {full} cannot be read yet: {e.Message}";
            return null;
        }
    }

    /// <summary>The scan name of a master path (<c>NAME_master.h5</c> → NAME).</summary>
    public static string NameOf(string masterPath)
    {
        var file = Path.GetFileName(masterPath);
        return file.EndsWith("_master.h5", StringComparison.Ordinal) ? file[..^"_master.h5".Length] : Path.GetFileNameWithoutExtension(file);
    }

    private static MasterInfo? TrySwmrSingleFile(string full)
    {
        try
        {
            using var file = H5File.Open(full, H5OpenMode.ReadSwmr);
            const string data = EigerScan.DataGroup + "/data";
            if (!file.IsDataset(data))
            {
                return null;
            }

            using var ds = file.OpenDataset(data);
            var dims = ds.Dims;
            if (dims.Length != 3)
            {
                return null;
            }

            long? nimages = file.IsDataset(EigerScan.DetectorGroup + "/detectorSpecific/nimages")
                ? (long)ReadNumber(file, EigerScan.DetectorGroup + "/detectorSpecific/nimages")
                : null;
            return new MasterInfo
            {
                MasterPath = full,
                Name = NameOf(full),
                Metadata = new EigerMetadata { NImages = nimages, NTrigger = 1 },
                Links = [new DataLink(1, "data", full, data)],
                SingleFile = true,
                Rows = (int)dims[1],
                Columns = (int)dims[2],
            };
        }
        catch (Exception e) when (e is H5Exception or IOException or InvalidDataException)
        {
            return null;
        }
    }

    private static long? ReadPerFile(string path, H5OpenMode mode)
    {
        try
        {
            using var file = H5File.Open(path, mode);
            return file.IsDataset(PerFilePath) ? (long)ReadNumber(file, PerFilePath) : null;
        }
        catch (Exception e) when (e is H5Exception or IOException)
        {
            return null;
        }
    }

    private static double ReadNumber(H5File file, string path)
    {
        using var ds = file.OpenDataset(path);
        return ds.ReadScalarDouble();
    }
}
