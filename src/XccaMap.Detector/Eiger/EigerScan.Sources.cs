using XccaMap.Hdf5;

namespace XccaMap.Detector.Eiger;

/// <content>Resolving the links of a master to frame datasets.</content>
public sealed partial class EigerScan
{
    private static (IReadOnlyList<FrameSource> Sources, FrameSourceReader?[] Readers) OpenSources(
        H5File file, List<(string Name, string Path)> links, List<ScanProblem> problems)
    {
        var masterDir = Path.GetDirectoryName(file.FilePath) ?? ".";
        var opened = new List<(string Name, string File, string Dataset, FrameSourceReader? Reader, string? Missing)>();
        foreach (var (name, linkPath) in links)
        {
            var (target, dataset, missing) = Resolve(file, linkPath, masterDir);
            FrameSourceReader? reader = null;
            if (missing is null)
            {
                try
                {
                    reader = new FrameSourceReader(target, dataset);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or ScanFormatException)
                {
                    missing = e.Message;
                }
            }

            if (reader is not null && opened.FirstOrDefault(o => o.Reader is not null).Reader is { } first
                && (first.Rows != reader.Rows || first.Columns != reader.Columns))
            {
                missing = $"frame shape ({reader.Rows}, {reader.Columns}) differs from the first data file's ({first.Rows}, {first.Columns})";
                reader.Dispose();
                reader = null;
            }

            opened.Add((name, target, dataset, reader, missing));
        }

        // A missing data file's frame count is unknown; DECTRIS writes the same number of frames per file,
        // so estimate it from the present files (global indices of later frames depend on it).
        var perFile = opened.Where(o => o.Reader is not null).Select(o => o.Reader!.FrameCount).DefaultIfEmpty(0).Max();
        var sources = new List<FrameSource>(opened.Count);
        long next = 0;
        foreach (var o in opened)
        {
            long count = o.Reader?.FrameCount ?? perFile;
            sources.Add(new FrameSource(o.Name, o.File, o.Dataset, next, count, o.Missing));
            if (o.Missing is not null)
            {
                problems.Add(new ScanProblem(
                    ProblemSeverity.Error,
                    $"{o.Name}: {o.Missing}; frames {next}–{next + count - 1} (estimated) cannot be read, the other files' frames still stream",
                    o.File,
                    o.Dataset));
            }

            next += count;
        }

        return (sources, opened.Select(o => o.Reader).ToArray());
    }

    /// <summary>Finds the file and dataset a frames link points to; external targets are resolved relative to the master's folder.</summary>
    private static (string File, string Dataset, string? Missing) Resolve(H5File file, string linkPath, string masterDir)
    {
        var kind = file.LinkKindOf(linkPath);
        if (kind != H5LinkKind.External)
        {
            return file.IsDataset(linkPath)
                ? (file.FilePath, linkPath, null)
                : (file.FilePath, linkPath, $"{linkPath} is not a dataset");
        }

        var target = file.ReadExternalLink(linkPath);
        var dataset = "/" + target.ObjectPath.TrimStart('/');
        var candidates = new List<string>();
        if (Path.IsPathRooted(target.FileName))
        {
            candidates.Add(target.FileName);
            candidates.Add(Path.Combine(masterDir, Path.GetFileName(target.FileName)));
        }
        else
        {
            candidates.Add(Path.GetFullPath(Path.Combine(masterDir, target.FileName)));
        }

        var found = candidates.FirstOrDefault(File.Exists);
        return found is not null
            ? (found, dataset, null)
            : (candidates[^1], dataset, $"data file not found: {candidates[^1]} (external link {linkPath} → {target.FileName}:{target.ObjectPath})");
    }
}
