using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Results;
using XccaMap.Tests.Diffraction.Processing;

namespace XccaMap.Tests.Diffraction.Boundary;

/// <summary>The small synthetic scan of the process tests (256 × 256 detector, 10 × 12 points), processed once: results.h5 and summary.json.</summary>
public sealed class ProcessedSyntheticScan : IDisposable
{
    private readonly TempDir _dir = new();

    public ProcessedSyntheticScan()
    {
        var scan = SyntheticScan.Write(_dir.PathName);
        var result = ScanProcessor.Run(new ProcessingRequest(scan.Master, new Raster(SyntheticScan.Rows, SyntheticScan.Cols, Snake: true, StepUm: 0.25), PoniGeometry.Read(scan.Poni))
        {
            MaskFiles = [scan.Beamstop],
        });
        ResultsPath = _dir.File("results.h5");
        ResultsFile.Write(ResultsPath, result);
        SummaryFile.Write(_dir.File("summary.json"), result);
    }

    public string ResultsPath { get; }

    public void Dispose() => _dir.Dispose();
}
