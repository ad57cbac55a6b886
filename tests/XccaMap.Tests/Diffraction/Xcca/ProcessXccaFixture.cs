using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Results;
using XccaMap.Diffraction.Xcca;
using XccaMap.Hdf5;
using XccaMap.Simulation;
using XccaMap.Tests.Simulation;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>
/// The demo scan (12 × 12 points, three classes, P10 geometry on the full Eiger 4M) simulated once and run through
/// <c>process</c> with its default configuration; each truth class is matched with the process domain (SAXS class)
/// holding most of its points.
/// </summary>
public sealed class ProcessXccaFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public ProcessXccaFixture()
    {
        var simulator = ScanSimulator.Load(RepoFiles.Scan("demo.json"));
        var sim = simulator.Run(new SimulationOptions { OutputDirectory = _dir.File("scan"), Threads = Environment.ProcessorCount, TruthPatterns = false });
        Truth = TruthFile.Read(sim.TruthPath);
        var description = ScanFile.Read(Directory.GetFiles(_dir.File("scan"), "*_scan.json").Single());
        Result = ScanProcessor.Run(new ProcessingRequest(sim.MasterPath, description.Raster, PoniGeometry.Read(sim.PoniPath)) { MaskFiles = [sim.BeamstopPath] });
        using (var file = H5File.Open(sim.TruthPath))
        using (var ds = file.OpenDataset("maps/class"))
        {
            TruthMap = ds.ReadAll<int>();
        }

        foreach (var c in Truth.Classes)
        {
            var counts = Enumerable.Range(0, TruthMap.Length).Where(p => TruthMap[p] == c.Index && Result.SaxsClass[p] >= 0)
                .GroupBy(p => Result.SaxsClass[p]).OrderByDescending(g => g.Count()).FirstOrDefault();
            DomainOfClass[c.Index] = counts is null ? null : Result.Xcca?.Domains.FirstOrDefault(d => d.Domain == counts.Key);
        }
    }

    public TruthFile Truth { get; }

    /// <summary>Truth class per raster point (row-major, as the result's maps).</summary>
    public int[] TruthMap { get; }

    public ScanResult Result { get; }

    /// <summary>Per truth class, the process domain holding most of its points (null if none).</summary>
    public Dictionary<int, DomainXccaResult?> DomainOfClass { get; } = [];

    public void Dispose() => _dir.Dispose();
}
