using System.Collections.Concurrent;
using System.Diagnostics;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Results;

namespace XccaMap.Diffraction.Processing;

/// <summary>
/// <c>xccamap process</c>: a whole scan into domain maps, domain-averaged patterns, an indexed superlattice, and per
/// SAXS class its cross-correlation functions and orientational disorder (design.md §4 steps 1–8). The frames are
/// read in three streams, each through the bounded parallel pipeline:
/// <list type="number">
/// <item><b>Setup</b> (a few hundred frames, whole): the combined mask (pixel_mask ∪ all-ones ∪ beamstop/user
/// masks ∪ hot pixels) and the scan-averaged radial profile over the whole q range from frames spread evenly over
/// the scan, which locates the SL and AL rings and gives the fcc indexing. A sample suffices: ring positions and
/// relative heights of an average over a few hundred frames spread over the raster are those of the full average
/// within noise, and reading every frame whole would cost the decoding of ~18 MB per frame.</item>
/// <item><b>Feature pass</b> (every frame, once): only the compressed blocks holding the pixels of the SAXS and
/// WAXS bands are decoded (<see cref="FrameRoi"/>, a few % of the detector), remapped to two (q, φ) cakes, and
/// reduced to compact per-frame features (<see cref="Features.BandFeatures"/>: I(q) in each band and the net
/// angular profile of each ring, ≈ 7–10 KB per frame, 150 MB for 121 × 121 points), plus what the cross-correlations
/// need (<see cref="Xcca.ProcessXcca"/>: the superlattice ring profiles at 1° and the (q, φ) patch of the 200_AL
/// ring, ≈ 8 KB per frame). No frame is kept. Everything per point — classes, angular peaks, q fits, ring
/// intensities, class-averaged band profiles and their indexing, the CCFs and ΔΦ of each SAXS class — is computed
/// from these features after the pass.</item>
/// <item><b>Class pass</b> (≤ <see cref="ProcessingConfig.ClassAverageFrames"/> frames per class, whole): the
/// class-averaged 2D patterns and full-q profiles (Fig. S3), which need whole frames and the classes; a sample
/// per class is enough for a picture.</item>
/// </list>
/// A frame that cannot be read is counted, named in the result and shown as "no data"; so are raster points past
/// the end of a scan that stopped early.
/// </summary>
public sealed partial class ScanProcessor
{
    private readonly ProcessingRequest _request;
    private readonly ProcessingConfig _config;
    private readonly IProcessingProgress _progress;
    private readonly CancellationToken _cancellation;
    private readonly List<StageTiming> _timings = [];
    private readonly List<string> _notes = [];
    private readonly ConcurrentDictionary<long, string> _skipped = new();
    private readonly Stopwatch _stageClock = new();
    private EigerScan _scan = null!;
    private PixelGeometry _geometry = null!;
    private DetectorMask _mask = null!;
    private IReadOnlyList<MaskContribution> _maskSources = [];
    private long[] _frames = [];

    private ScanProcessor(ProcessingRequest request, IProcessingProgress progress, CancellationToken cancellation)
    {
        _request = request;
        _config = request.Config;
        _progress = progress;
        _cancellation = cancellation;
    }

    private Raster Raster => _request.Raster;

    /// <summary>Processes a scan.</summary>
    /// <exception cref="FileNotFoundException">The master or a mask file does not exist.</exception>
    /// <exception cref="InvalidDataException">No readable frame, or the geometry does not fit the detector.</exception>
    public static ScanResult Run(ProcessingRequest request, IProcessingProgress? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new ScanProcessor(request, progress ?? NullProgress.Instance, cancellation).Execute();
    }

    private ScanResult Execute()
    {
        var total = Stopwatch.StartNew();
        var cpu = ProcessCpuSeconds();
        using var scan = EigerScan.Open(_request.MasterPath);
        _scan = scan;
        var shape = new DetectorShape(scan.Rows, scan.Columns);
        if (_request.Geometry.Detector.Shape is { } poniShape && poniShape != shape)
        {
            throw new InvalidDataException($"the geometry is for a {poniShape} detector but the frames of {scan.MasterPath} are {shape}");
        }

        _geometry = PixelGeometry.Create(_request.Geometry, shape);
        var present = FrameStream.PresentFrames(scan).ToList();
        _frames = present.Where(f => f < Raster.Points).ToArray();
        long beyond = present.Count - _frames.Length;
        if (beyond > 0)
        {
            Note($"{beyond} frames beyond the {Raster.Rows} × {Raster.Cols} raster are ignored");
        }

        RecordMissingFrames(present);
        if (_frames.Length == 0)
        {
            throw new InvalidDataException($"no readable frame of {scan.MasterPath} falls in the {Raster.Rows} × {Raster.Cols} raster");
        }

        BuildMask();
        var survey = Survey();
        var features = FeaturePass(survey);
        var analysis = Analyse(features, survey);
        var xcca = CrossCorrelate(features, analysis);
        var domains = Domains(features, analysis, survey);
        total.Stop();

        return Assemble(shape, survey, features, analysis, domains, present.Count, beyond, total.Elapsed.TotalSeconds) with
        {
            Xcca = xcca,
            CpuSeconds = ProcessCpuSeconds() - cpu,
        };
    }

    /// <summary>Raster points whose frame lies in a missing data file are skipped frames too.</summary>
    private void RecordMissingFrames(List<long> present)
    {
        var have = new HashSet<long>(present);
        long last = Math.Min(_scan.FrameCount, Raster.Points);
        for (long f = 0; f < last; f++)
        {
            if (!have.Contains(f))
            {
                var source = _scan.Sources[_scan.Locate(f).Source];
                _skipped.TryAdd(f, $"data file missing or unreadable: {source.MissingReason ?? "absent"} [file {source.FilePath}, dataset {source.DatasetPath}]");
            }
        }
    }

    private void Note(string message)
    {
        _notes.Add(message);
        _progress.Note(message);
    }

    private void Begin(string stage, long frames)
    {
        _cancellation.ThrowIfCancellationRequested();
        _stageClock.Restart();
        _progress.BeginStage(stage, frames);
    }

    private void End(string stage, long frames)
    {
        _timings.Add(new StageTiming(stage, _stageClock.Elapsed.TotalSeconds, frames));
        _progress.EndStage();
    }

    private void Skip(long frame, string reason) => _skipped.TryAdd(frame, reason);

    /// <summary>CPU time of this process so far (all threads), s.</summary>
    private static double ProcessCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }
}
