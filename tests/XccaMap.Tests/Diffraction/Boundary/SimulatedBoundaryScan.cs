using XccaMap.Crystallography.Geometry;
using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Results;
using XccaMap.Hdf5;
using XccaMap.Simulation;

namespace XccaMap.Tests.Diffraction.Boundary;

/// <summary>
/// A simulated scan with a known boundary, simulated and processed once for the acceptance tests: one class
/// ([001] zone, in-plane 20°) beside an empty grain — two Voronoi grains, so one straight edge — on the full-size P10
/// detector, 20 × 20 points at 0.2 µm, footprint 0.15 µm, with 7 % compression and 10° out-of-plane rotation at the
/// edge, both decaying over 0.8 µm. Then <c>xccamap process</c> (library) writes results.h5 and summary.json.
/// </summary>
public sealed class SimulatedBoundaryScan : IDisposable
{
    public const double Compression = 0.07, CompressionDecay = 0.8, Rotation = 10, RotationDecay = 0.8, Step = 0.2;

    private const string Json = """
        {
          "name": "edge", "seed": 3,
          "raster": { "rows": 20, "cols": 20, "step_um": 0.2, "order": "row-major" },
          "beam": { "footprint_fwhm_um": 0.15 },
          "sample": {
            "grain_size_um": 3.3, "empty_fraction": 0.999,
            "boundary_compression": 0.07, "compression_decay_um": 0.8, "boundary_rotation_deg": 10.0, "rotation_decay_um": 0.8
          },
          "classes": [ { "name": "red", "zone_axis": [0, 0, 1], "in_plane_deg": 20.0, "relation": "Conf1" } ]
        }
        """;

    private readonly TempDir _dir = new();

    public SimulatedBoundaryScan()
    {
        string scanFile = _dir.File("edge.json");
        File.WriteAllText(scanFile, Json);
        var sim = ScanSimulator.Load(scanFile).Run(new SimulationOptions { OutputDirectory = _dir.File("scan"), TruthPatterns = false });
        var result = ScanProcessor.Run(new ProcessingRequest(sim.MasterPath, ScanFile.Read(sim.ScanDescriptionPath).Raster, PoniGeometry.Read(sim.PoniPath))
        {
            MaskFiles = [sim.BeamstopPath],
        });
        Directory.CreateDirectory(_dir.File("out"));
        ResultsPath = _dir.File("out/results.h5");
        ResultsFile.Write(ResultsPath, result);
        SummaryFile.Write(_dir.File("out/summary.json"), result);

        using var truth = H5File.Open(sim.TruthPath);
        double[] Read(string path)
        {
            using var ds = truth.OpenDataset(path);
            return ds.ReadAll<double>();
        }

        TruthScale = Read("maps/lattice_scale");
        TruthRotation = Read("maps/oop_rotation");
        TruthAxisPhi = Read("maps/oop_axis_phi");
        TruthDistance = Read("maps/distance_to_edge");
        using (var ds = truth.OpenDataset("maps/class"))
        {
            TruthClass = ds.ReadAll<int>();
        }

        var m = Read("classes/class_00/lab_from_sl");
        LabFromSl = new Mat3(m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8]);
    }

    public string ResultsPath { get; }

    public string Folder => _dir.PathName;

    public double[] TruthScale { get; }

    public double[] TruthRotation { get; }

    public double[] TruthAxisPhi { get; }

    public double[] TruthDistance { get; }

    public int[] TruthClass { get; }

    public Mat3 LabFromSl { get; }

    public void Dispose() => _dir.Dispose();
}
