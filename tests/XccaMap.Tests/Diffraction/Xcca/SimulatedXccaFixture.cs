using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Xcca;
using XccaMap.Simulation;
using XccaMap.Tests.Simulation;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>
/// The demo scan (12 × 12 points, three classes, P10 geometry on the full Eiger 4M) simulated once, and its domains
/// analysed from the frames by <see cref="ScanXcca"/> with the truth class map (the oracle path that does not depend
/// on <c>process</c>): per class the truth's ring pair, 1° Δ, the 200_AL peak patch for ΔΦ.
/// </summary>
public sealed class SimulatedXccaFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public SimulatedXccaFixture()
    {
        Simulator = ScanSimulator.Load(RepoFiles.Scan("demo.json"));
        Result = Simulator.Run(new SimulationOptions { OutputDirectory = _dir.File("scan"), Threads = Environment.ProcessorCount, TruthPatterns = false });
        Truth = TruthFile.Read(Result.TruthPath);
        using var scan = EigerScan.Open(Result.MasterPath);
        var poni = PoniGeometry.Read(Result.PoniPath);
        var geometry = PixelGeometry.Create(poni, new DetectorShape(scan.Rows, scan.Columns));
        var whole = Enumerable.Range(0, 8).Select(i => scan.ReadFrame(i * 17)).ToList();
        var builder = ScanMask.Start(scan, whole[0], [Result.BeamstopPath]);
        builder.AddHotPixels(whole.Select(f => (ReadOnlyMemory<uint>)f.Data.ToArray()).ToList());
        Mask = builder.Build();
        whole.ForEach(f => f.Dispose());
        var frames = FrameStream.PresentFrames(scan).ToList();
        var remap = new RemapOptions { Split = PixelSplit.Full, CorrectSolidAngle = true, PolarisationFactor = Simulator.Definition.Beam.PolarisationFactor };
        foreach (var c in Truth.Classes)
        {
            var request = new ScanXccaRequest
            {
                Pair = new RingPair(new QBand(c.Q1 - c.Q1HalfWidth, c.Q1 + c.Q1HalfWidth), new QBand(c.Q2 - c.Q2HalfWidth, c.Q2 + c.Q2HalfWidth), "truth q1", "al_200"),
                Frames = frames.Where(f => Truth.ClassOfFrame(f) == c.Index).ToList(),
                DomainOf = f => Truth.ClassOfFrame(f) == c.Index ? c.Index : -1,
                PeakBand = new QBand(c.Q2 - 0.12, c.Q2 + 0.12),
                PeakQBins = 48,
                Remap = remap,
            };
            var run = ScanXcca.Run(scan, geometry, Mask, request);
            Runs[c.Index] = run;
        }
    }

    public ScanSimulator Simulator { get; }

    public SimulationResult Result { get; }

    public TruthFile Truth { get; }

    public DetectorMask Mask { get; }

    public Dictionary<int, ScanXccaResult> Runs { get; } = [];

    public void Dispose() => _dir.Dispose();
}
