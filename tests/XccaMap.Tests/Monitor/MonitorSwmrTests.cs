using Xunit.Abstractions;
using XccaMap.Detector.Eiger;
using XccaMap.Monitor;

namespace XccaMap.Tests.Monitor;

/// <summary>A one-file scan written frame by frame in HDF5 SWMR mode (by h5py, another process) is followed as it grows.</summary>
[Collection(ChildProcessCollection.Name)]
public sealed class MonitorSwmrTests(ITestOutputHelper output)
{
    private const string Writer = """
import sys, time
import numpy as np, h5py
raw, dst, n, rows, cols, delay = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), float(sys.argv[6])
frames = np.fromfile(raw, dtype='<u4').reshape(n, rows, cols)
with h5py.File(dst, 'w', libver='latest') as f:
    d = f.create_dataset('entry/data/data', shape=(0, rows, cols), maxshape=(None, rows, cols), chunks=(1, rows, cols), dtype='<u4')
    f.swmr_mode = True
    for i in range(n):
        d.resize(i + 1, axis=0)
        d[i] = frames[i]
        d.flush()
        time.sleep(delay)
print('written', n)
""";

    [Fact]
    public async Task A_scan_written_in_SWMR_mode_is_followed_frame_by_frame()
    {
        using var dir = new TempDir();
        var staging = MonitorTestScan.Stage(dir);
        int n = MonitorTestScan.Raster.Points;
        var raw = dir.File("frames.u32");
        using (var scan = EigerScan.Open(Path.Combine(staging, "syn_master.h5")))
        using (var fs = File.Create(raw))
        {
            for (int f = 0; f < n; f++)
            {
                using var frame = scan.ReadFrame(f);
                fs.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(frame.Data));
            }
        }

        var live = dir.File("live");
        Directory.CreateDirectory(live);
        var target = Path.Combine(live, "swmr_master.h5");
        var writing = Task.Run(() => Python.Run(Writer, raw, target, n.ToString(System.Globalization.CultureInfo.InvariantCulture), "256", "256", "0.03"));
        var log = new MonitorLog();
        var messages = new List<string>();
        log.Written += m =>
        {
            lock (messages)
            {
                messages.Add(m.Text);
            }

            output.WriteLine($"{m.Time:HH:mm:ss.fff} {m.Severity}: {m.Text}");
        };
        var state = new MonitorState(log);
        var options = MonitorTestScan.Options(staging, dir.File("out"), idleSeconds: 10) with { Source = target, SetupFrames = 10 };
        var outcome = await Task.Run(() => new ScanMonitor(options, state).Run());
        output.WriteLine(await writing);

        Assert.Equal(MonitorEnd.Completed, outcome.End);
        Assert.Equal(n, outcome.FramesDone);
        Assert.Contains(messages, m => m.Contains("SWMR mode", StringComparison.Ordinal));
        Assert.NotNull(outcome.Final);
        Assert.Equal(n, outcome.Final!.FramesProcessed);
    }
}
