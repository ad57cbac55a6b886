using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Xcca;
using XccaMap.Hdf5;
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

/// <summary>What the acceptance tests need from NAME_truth.h5.</summary>
public sealed class TruthFile
{
    private readonly Dictionary<long, int> _classOfFrame = [];

    public required IReadOnlyList<TruthClass> Classes { get; init; }

    public int ClassOfFrame(long frame) => _classOfFrame.GetValueOrDefault(frame, -1);



    public static TruthFile Read(string path)
    {
        using var file = H5File.Open(path);
        var labels = file.OpenDataset("maps/class").ReadAll<int>();
        var frameIndex = file.OpenDataset("maps/frame_index").ReadAll<int>();
        var classes = new List<TruthClass>();
        for (int i = 0; file.Exists($"classes/class_{i:D2}"); i++)
        {
            using var g = file.OpenGroup($"classes/class_{i:D2}");
            double Scalar(string p) { using var d = g.OpenDataset(p); return d.ReadScalarDouble(); }
            double[] Vector(string p) { using var d = g.OpenDataset(p); return d.ReadAll<double>(); }
            classes.Add(new TruthClass(i, g.ReadStringAttribute("name") ?? $"class {i}", Scalar("ccf/q1"), Scalar("ccf/q1_half_width"), Scalar("ccf/q2"), Scalar("ccf/q2_half_width"),
                Vector("ccf/c"), Vector("ccf/c_spots_only"), Scalar("delta_phi"), Scalar("fwhm_200_az"), Scalar("fwhm_200_rad"), Vector("al_peaks/phi"), Vector("al_peaks/q"))
            {
                Has200OnDetector = Has200OnDetector(g),
            });
        }

        var t = new TruthFile { Classes = classes };
        static bool Has200OnDetector(H5Group g)
        {
            using var hkl = g.OpenDataset("al_peaks/hkl");
            using var on = g.OpenDataset("al_peaks/on_detector");
            var h = hkl.ReadAll<int>();
            var o = on.ReadAll<byte>();
            return Enumerable.Range(0, o.Length).Any(i => o[i] != 0 && (h[3 * i] * h[3 * i]) + (h[(3 * i) + 1] * h[(3 * i) + 1]) + (h[(3 * i) + 2] * h[(3 * i) + 2]) == 4);
        }

        for (int p = 0; p < labels.Length; p++)
        {
            t._classOfFrame[frameIndex[p]] = labels[p];
        }

        return t;
    }
}

/// <summary>One class of the truth.</summary>
public sealed record TruthClass(int Index, string Name, double Q1, double Q1HalfWidth, double Q2, double Q2HalfWidth, double[] Ccf, double[] CcfSpotsOnly,
    double DeltaPhi, double FwhmAz, double FwhmRad, double[] AlPhi, double[] AlQ)
{
    /// <summary>True when a 200_AL spot of the class falls on a live pixel (else ΔΦ cannot be measured on this detector).</summary>
    public bool Has200OnDetector { get; init; }
}

[CollectionDefinition(Name)]
public sealed class SimulatedXccaCollection : ICollectionFixture<SimulatedXccaFixture>
{
    public const string Name = "Simulated demo scan for XCCA";
}
