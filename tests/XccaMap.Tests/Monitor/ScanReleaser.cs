using System.Collections.Concurrent;
using System.Diagnostics;

namespace XccaMap.Tests.Monitor;

/// <summary>
/// Plays a finished scan into a folder as a detector's file writer would: the side files and the master first, then
/// each data file renamed into place (complete) when its last frame is due at <c>framesPerSecond</c>. Records when
/// each data file completed. Options: hold back a file (never completes: its temporary file stays), put garbage at a
/// file's name first, delete the master after some files.
/// </summary>
internal sealed class ScanReleaser
{
    private readonly string _from;
    private readonly string _to;

    public ScanReleaser(string from, string to)
    {
        _from = from;
        _to = to;
        Directory.CreateDirectory(to);
    }

    public double FramesPerSecond { get; init; } = 50;

    public int FramesPerFile { get; init; } = 10;

    /// <summary>1-based data file numbers that never complete (a hidden temporary file is left instead).</summary>
    public IReadOnlySet<int> NeverComplete { get; init; } = new HashSet<int>();

    /// <summary>1-based data file number that first appears as garbage, replaced by the real file 1.5 s later.</summary>
    public int? GarbageFirst { get; init; }

    /// <summary>Delete the master after this many data files.</summary>
    public int? DeleteMasterAfter { get; init; }

    /// <summary>After the first data file, wait until this is true (the monitor has set up), then go on at the rate.</summary>
    public Func<bool>? AfterFirstFile { get; init; }

    /// <summary>Seconds to wait before the master appears.</summary>
    public double MasterDelay { get; init; }

    /// <summary>When each data file (by file name) was complete.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Completed { get; } = new();

    public Task Start(CancellationToken cancel = default) => DedicatedThread.Run(() => Run(cancel), cancel);

    private void Run(CancellationToken cancel)
    {
        var all = Directory.GetFiles(_from);
        var data = all.Where(f => f.Contains("_data_", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var master = all.Single(f => f.EndsWith("_master.h5", StringComparison.Ordinal));
        foreach (var side in all.Except(data).Where(f => f != master))
        {
            File.Copy(side, Path.Combine(_to, Path.GetFileName(side)), overwrite: true);
        }

        Thread.Sleep(TimeSpan.FromSeconds(MasterDelay));
        Place(master);
        var clock = Stopwatch.StartNew();
        double shift = 0;
        for (int i = 0; i < data.Count; i++)
        {
            cancel.ThrowIfCancellationRequested();
            int number = i + 1;
            double due = (number * FramesPerFile / FramesPerSecond) + shift;
            double wait = due - clock.Elapsed.TotalSeconds;
            if (wait > 0)
            {
                Thread.Sleep(TimeSpan.FromSeconds(wait));
            }

            string target = Path.Combine(_to, Path.GetFileName(data[i]));
            if (NeverComplete.Contains(number))
            {
                File.Copy(data[i], Path.Combine(_to, "." + Path.GetFileName(data[i]) + ".4242.tmp"));
            }
            else if (GarbageFirst == number)
            {
                File.WriteAllBytes(target, new byte[4096]);
                string real = data[i];
                _ = Task.Run(
                    () =>
                    {
                        Thread.Sleep(1500);
                        Place(real);
                    },
                    CancellationToken.None);
            }
            else
            {
                Place(data[i]);
            }

            if (number == 1 && AfterFirstFile is { } ready)
            {
                while (!ready())
                {
                    Thread.Sleep(10);
                }

                shift = clock.Elapsed.TotalSeconds - (FramesPerFile / FramesPerSecond); // file 2 is due one period from now
            }

            if (DeleteMasterAfter == number)
            {
                File.Delete(Path.Combine(_to, Path.GetFileName(master)));
            }
        }
    }

    private void Place(string source)
    {
        string name = Path.GetFileName(source);
        string tmp = Path.Combine(_to, "." + name + ".copy");
        File.Copy(source, tmp, overwrite: true);
        File.Move(tmp, Path.Combine(_to, name), overwrite: true);
        Completed[name] = DateTimeOffset.UtcNow;
    }
}
