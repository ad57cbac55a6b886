using XccaMap.Detector.Eiger;
using XccaMap.Hdf5;

namespace XccaMap.Monitor.Following;

/// <summary>
/// Opens a data file of a scan being written: the ordinary way when it is complete (what the DECTRIS writer and
/// <see cref="NxmxWriter"/> rename into place), SWMR-read when its writer still holds it in SWMR mode. A file that
/// opens neither way (being written by a writer that neither renames nor uses SWMR, or damaged) gives a reason.
/// </summary>
public static class DataFileOpener
{
    /// <summary>Opens <paramref name="link"/>'s file, or returns null and why it cannot be read now.</summary>
    public static IDataFileSource? TryOpen(DataLink link, out string? reason)
    {
        reason = null;
        if (!File.Exists(link.FilePath))
        {
            reason = "absent";
            return null;
        }

        try
        {
            return EigerDataFile.Open(link, ReadImageNumberLow(link));
        }
        catch (Exception e) when (IsOpenFailure(e))
        {
            reason = e.Message;
        }

        try
        {
            return SwmrDataFile.Open(link);
        }
        catch (Exception e) when (IsOpenFailure(e))
        {
            // The ordinary failure says more about a file that is simply incomplete.
            return null;
        }
    }

    /// <summary>Failures that mean "not readable now", never a bug.</summary>
    public static bool IsOpenFailure(Exception e) =>
        e is H5Exception or ScanFormatException or IOException or InvalidDataException or UnauthorizedAccessException or FrameReadException;

    private static long? ReadImageNumberLow(DataLink link)
    {
        using var file = H5File.Open(link.FilePath);
        if (!file.IsDataset(link.DatasetPath))
        {
            return null;
        }

        using var ds = file.OpenDataset(link.DatasetPath);
        var low = ds.ReadDoubleAttribute("image_nr_low");
        return low is { Length: > 0 } && low[0] >= 1 ? (long)low[0] : null;
    }
}
