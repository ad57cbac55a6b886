using XccaMap.Simulation;

namespace XccaMap.Tests.Simulation;

/// <summary>
/// One small demo-like scan (the demo's sample and P10 geometry on a 2 × 3 raster, 4 frames per data file) written
/// once and shared by the round-trip, truth and pyFAI tests; plus the same scan stopped after 2 frames.
/// </summary>
/// <remarks>
/// The files are written in a staging folder and then copied: HDF5 opens files without O_CLOEXEC, so a Python child
/// that another test forks while a file is being written inherits the descriptor and its flock, and HDF5 then
/// refuses to open that file ("unable to lock file") for as long as the child lives. Copies are new inodes.
/// </remarks>
public sealed class SimulatedScanFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public SimulatedScanFixture()
    {
        Simulator = ScanSimulator.Load(RepoFiles.Scan("demo.json"), rows: 2, cols: 3);
        Result = Relocate(Simulator.Run(new SimulationOptions { OutputDirectory = _dir.File("staging-full"), FramesPerFile = 4, Threads = 2 }), "full");
        Stopped = Relocate(Simulator.Run(new SimulationOptions { OutputDirectory = _dir.File("staging-stopped"), FramesPerFile = 4, Threads = 1, StopAfterFrames = 2, TruthPatterns = false }), "stopped");
        Directory = Path.GetDirectoryName(Result.MasterPath)!;
    }

    public ScanSimulator Simulator { get; }

    public string Directory { get; }

    public SimulationResult Result { get; }

    public SimulationResult Stopped { get; }

    public void Dispose() => _dir.Dispose();

    private SimulationResult Relocate(SimulationResult r, string folder)
    {
        string from = Path.GetDirectoryName(r.MasterPath)!, to = _dir.File(folder);
        System.IO.Directory.CreateDirectory(to);
        foreach (var f in System.IO.Directory.GetFiles(from))
        {
            File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        }

        string Move(string p) => Path.Combine(to, Path.GetFileName(p));
        return r with
        {
            MasterPath = Move(r.MasterPath),
            DataFiles = r.DataFiles.Select(Move).ToList(),
            ScanDescriptionPath = Move(r.ScanDescriptionPath),
            PoniPath = Move(r.PoniPath),
            BeamstopPath = Move(r.BeamstopPath),
            TruthPath = Move(r.TruthPath),
            TruthJsonPath = Move(r.TruthJsonPath),
        };
    }
}
