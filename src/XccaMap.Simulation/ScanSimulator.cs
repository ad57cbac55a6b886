using System.Collections.Concurrent;
using System.Diagnostics;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Masks;
using XccaMap.Simulation.Model;
using XccaMap.Simulation.Output;
using XccaMap.Simulation.Rendering;
using XccaMap.Simulation.Scan;
using XccaMap.Simulation.Truth;

namespace XccaMap.Simulation;

/// <summary>
/// Simulates a scanning nanodiffraction experiment on a polycrystalline nanocrystal superlattice and writes what the
/// DECTRIS file writer would (design.md §2), plus the scan description, geometry, beamstop mask and the truth.
/// Build it once (detector, classes and sample are computed up front), then <see cref="Run"/>: frames are rendered in
/// parallel and written in order by the calling thread, with a bounded number in flight (bounded memory).
/// </summary>
public sealed class ScanSimulator
{
    private ScanSimulator(ScanDefinition definition, DetectorModel detector, ClassModel[] classes, SampleMap sample, TimeSpan setup)
    {
        Definition = definition;
        Detector = detector;
        Classes = classes;
        Sample = sample;
        SetupTime = setup;
    }

    /// <summary>The scan (after command-line overrides).</summary>
    public ScanDefinition Definition { get; }

    /// <summary>The raster.</summary>
    public RasterLayout Raster => Sample.Raster;

    /// <summary>The detector.</summary>
    public DetectorModel Detector { get; }

    /// <summary>The classes.</summary>
    public IReadOnlyList<ClassModel> Classes { get; }

    /// <summary>The sample over the raster.</summary>
    public SampleMap Sample { get; }

    /// <summary>Time spent building the models.</summary>
    public TimeSpan SetupTime { get; }

    /// <summary>Reads a scan file, applies overrides and builds the models.</summary>
    /// <param name="scanPath">scans/NAME.json.</param>
    /// <param name="rows">Override of raster.rows.</param>
    /// <param name="cols">Override of raster.cols.</param>
    /// <param name="seed">Override of seed.</param>
    public static ScanSimulator Load(string scanPath, int? rows = null, int? cols = null, int? seed = null)
    {
        var d = ScanDefinitionJson.Read(scanPath);
        d = d with
        {
            Seed = seed ?? d.Seed,
            Raster = d.Raster with { Rows = rows ?? d.Raster.Rows, Cols = cols ?? d.Raster.Cols },
        };
        return Create(d, Path.GetDirectoryName(Path.GetFullPath(scanPath)) ?? ".");
    }

    /// <summary>Builds the models of <paramref name="definition"/>; relative files resolve against <paramref name="baseDirectory"/>.</summary>
    public static ScanSimulator Create(ScanDefinition definition, string baseDirectory)
    {
        ScanValidation.Validate(definition);
        var sw = Stopwatch.StartNew();
        var detector = DetectorModel.Create(definition, baseDirectory);
        var classes = new ClassModel[definition.Classes.Count];
        Parallel.For(0, classes.Length, i => classes[i] = ClassModel.Create(definition, i, detector));
        var r = definition.Raster;
        var sample = SampleMap.Create(definition, new RasterLayout(r.Rows, r.Cols, r.StepUm, r.Order));
        return new ScanSimulator(definition, detector, classes, sample, sw.Elapsed);
    }

    /// <summary>A renderer of this scan's frames (one per thread).</summary>
    public FrameRenderer NewRenderer() => new(Detector, Classes, Definition.Detector.HotPixelCounts, Definition.Seed);

    /// <summary>The sample at the point exposed in frame <paramref name="frame"/>.</summary>
    public PointState PointOfFrame(int frame)
    {
        var (row, col) = Raster.PointOfFrame(frame);
        return Sample[row, col];
    }

    /// <summary>The truth of every class and their noise-free patterns.</summary>
    public (ClassTruth[] Classes, float[][] Patterns) BuildTruth()
    {
        var builder = new TruthBuilder(Definition, Detector, Classes);
        var truths = new ClassTruth[Classes.Count];
        var patterns = new float[Classes.Count][];
        for (int i = 0; i < truths.Length; i++)
        {
            truths[i] = builder.Build(i, out patterns[i]);
        }

        return (truths, patterns);
    }

    /// <summary>Writes the whole scan.</summary>
    public SimulationResult Run(SimulationOptions options, Action<SimulationProgress>? progress = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.FramesPerFile, 1);
        var sw = Stopwatch.StartNew();
        string dir = Path.GetFullPath(options.OutputDirectory);
        Directory.CreateDirectory(dir);
        string name = Definition.Name;
        var shape = Detector.Shape;

        progress?.Invoke(new SimulationProgress("geometry", 0, 0, TimeSpan.Zero));
        string poniPath = Path.Combine(dir, $"{name}.poni");
        Detector.Poni.Write(poniPath);
        string beamstopPath = Path.Combine(dir, $"{name}_beamstop.npy");
        NpyWriter.Write(beamstopPath, Detector.Beamstop.Select(b => b ? (byte)1 : (byte)0).ToArray(), shape.Rows, shape.Cols);

        progress?.Invoke(new SimulationProgress("truth", 0, 0, TimeSpan.Zero));
        var (truths, patterns) = BuildTruth();
        TruthWriter.Write(dir, Definition, Sample, truths, options.TruthPatterns ? patterns : [], shape.Rows, shape.Cols);

        int total = Raster.Points;
        int frames = Math.Min(total, options.StopAfterFrames ?? total);
        var description = new ScanDescription
        {
            Name = name,
            Rows = Raster.Rows,
            Cols = Raster.Cols,
            StepUm = Raster.StepUm,
            Order = Raster.Order,
            Frames = total,
            CountTimeS = Definition.Beam.CountTimeS,
            MasterFile = $"{name}_master.h5",
            PoniFile = Path.GetFileName(poniPath),
            BeamstopFile = Path.GetFileName(beamstopPath),
            TruthFile = $"{name}_truth.h5",
            TruthJsonFile = $"{name}_truth.json",
        };
        description.Write(Path.Combine(dir, $"{name}_scan.json"));
        var setup = SetupTime + sw.Elapsed;

        var spec = new NxmxScanSpec
        {
            Directory = dir,
            Name = name,
            Rows = shape.Rows,
            Columns = shape.Cols,
            Frames = total,
            FramesPerFile = options.FramesPerFile,
            Metadata = Detector.Metadata(Definition.Beam.CountTimeS),
            PixelMask = Detector.Defects.PixelMask,
        };
        var (frameTime, renderTime, writeTime) = WriteFrames(spec, frames, Math.Max(1, options.Threads), progress, options.Pacer, cancel);

        var dataFiles = Enumerable.Range(1, (frames + options.FramesPerFile - 1) / options.FramesPerFile)
            .Select(n => Path.Combine(dir, spec.DataFileName(n))).ToList();
        long bytes = new FileInfo(spec.MasterPath).Length + dataFiles.Sum(f => new FileInfo(f).Length);
        progress?.Invoke(new SimulationProgress("done", frames, frames, frameTime));
        return new SimulationResult
        {
            MasterPath = spec.MasterPath,
            DataFiles = dataFiles,
            ScanDescriptionPath = Path.Combine(dir, $"{name}_scan.json"),
            PoniPath = poniPath,
            BeamstopPath = beamstopPath,
            TruthPath = Path.Combine(dir, $"{name}_truth.h5"),
            TruthJsonPath = Path.Combine(dir, $"{name}_truth.json"),
            Frames = frames,
            SetupTime = setup,
            FrameTime = frameTime,
            RenderTime = renderTime,
            WriteTime = writeTime,
            ScanBytes = bytes,
        };
    }

    private (TimeSpan Elapsed, TimeSpan Render, TimeSpan Write) WriteFrames(NxmxScanSpec spec, int frames, int threads, Action<SimulationProgress>? progress, RealtimePacer? pacer, CancellationToken cancel)
    {
        NativeHeap.KeepLargeBlocks();
        int pixels = Detector.Shape.PixelCount;
        int capacity = threads + 2;
        using var free = new SemaphoreSlim(capacity);
        using var ready = new SemaphoreSlim(0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var done = new ConcurrentDictionary<int, uint[]>();
        var pool = new ConcurrentBag<uint[]>();
        int next = -1;
        long renderTicks = 0, writeTicks = 0;
        var sw = Stopwatch.StartNew();

        void Work()
        {
            var renderer = NewRenderer();
            while (true)
            {
                free.Wait(stop.Token);
                int f = Interlocked.Increment(ref next);
                if (f >= frames)
                {
                    free.Release();
                    return;
                }

                var buffer = pool.TryTake(out var b) ? b : new uint[pixels];
                long t0 = Stopwatch.GetTimestamp();
                renderer.Render(PointOfFrame(f), f, buffer);
                Interlocked.Add(ref renderTicks, Stopwatch.GetTimestamp() - t0);
                done[f] = buffer;
                ready.Release();
            }
        }

        var workers = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(Work, stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            using var writer = NxmxWriter.Create(spec);
            var lastReport = TimeSpan.Zero;
            for (int f = 0; f < frames; f++)
            {
                uint[]? buffer;
                while (!done.TryRemove(f, out buffer))
                {
                    if (workers.FirstOrDefault(t => t.IsFaulted) is { } failed)
                    {
                        failed.GetAwaiter().GetResult(); // rethrows the worker's exception
                    }

                    ready.Wait(TimeSpan.FromMilliseconds(200), stop.Token);
                }

                pacer?.WaitForFrame(f, stop.Token); // realtime pacing (--realtime, issue 10): sleep until the frame is due
                long t0 = Stopwatch.GetTimestamp();
                writer.WriteFrame(buffer);
                writeTicks += Stopwatch.GetTimestamp() - t0;
                pool.Add(buffer);
                free.Release();
                if (progress is not null && (sw.Elapsed - lastReport > TimeSpan.FromSeconds(2) || f == frames - 1))
                {
                    lastReport = sw.Elapsed;
                    progress(new SimulationProgress("frames", f + 1, frames, sw.Elapsed));
                }
            }
        }
        finally
        {
            stop.Cancel();
            try
            {
                Task.WaitAll(workers, CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Workers cancelled after the last frame, or a worker failure the writer loop has already rethrown.
            }
        }

        return (sw.Elapsed, Stopwatch.GetElapsedTime(0, renderTicks), Stopwatch.GetElapsedTime(0, writeTicks));
    }
}
