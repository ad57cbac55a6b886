using System.Diagnostics;
using XccaMap.Detector.Eiger;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Results;
using XccaMap.Diffraction.Rings;
using XccaMap.Diffraction.Xcca;

namespace XccaMap.Diffraction.Processing;

/// <summary>The feature pass: every frame once, only the band pixels decoded, reduced to compact features.</summary>
public sealed partial class ScanProcessor
{
    private FeatureData FeaturePass(SurveyData survey)
    {
        var saxs = BandTable(survey.Rings.Superlattice, saxs: true);
        var waxs = BandTable(survey.Rings.AtomicLattice, saxs: false);
        int points = Raster.Points;
        var saxsFeatures = saxs is null ? null : new BandFeatures(saxs, points);
        var waxsFeatures = waxs is null ? null : new BandFeatures(waxs, points);
        var hasData = new bool[points];
        var (xcca, xccaSeconds, xccaCpu) = XccaSetup(survey, waxs);
        var runs = (saxs?.Table.PixelRanges ?? []).Concat(waxs?.Table.PixelRanges ?? []).Concat(xcca?.PixelRanges ?? []).ToList();
        var roi = runs.Count > 0 ? FrameRoi.FromRuns(_scan.PixelsPerFrame, runs) : null;
        if (roi is not null)
        {
            Note(FormattableString.Invariant($"feature pass decodes {roi.Fraction:P1} of the detector (SAXS and WAXS bands)"));
        }

        Begin("features", _frames.Length);
        long processed = 0;
        if (roi is not null)
        {
            FrameLoop.Run(
                _scan, _frames, roi, _config.MaxFramesInFlight,
                () => new FeatureWorker(saxs, waxs, xcca),
                (worker, frame) =>
                {
                    int f = (int)frame.Index;
                    worker.Process(frame.Data, saxs, saxsFeatures, f);
                    worker.Xcca?.ProcessSuperlattice(frame.Data, f);
                    worker.Process(frame.Data, waxs, waxsFeatures, f);
                    if (worker.Xcca is { } x && worker.WaxsAccumulator is { } w)
                    {
                        x.StorePatch(f, w);
                    }

                    hasData[f] = true;
                    Interlocked.Increment(ref processed);
                },
                Skip, _progress, _cancellation);
        }

        End("features", processed);
        return new FeatureData(saxsFeatures, waxsFeatures, hasData, processed) { Xcca = xcca, XccaSetupSeconds = xccaSeconds, XccaSetupCpuSeconds = xccaCpu };
    }

    /// <summary>What the pass keeps for the cross-correlations (design.md §4.7–8), or null when off or impossible.</summary>
    private (ProcessXcca? Xcca, double Seconds, double CpuSeconds) XccaSetup(SurveyData survey, BandCake? waxs)
    {
        if (!_config.Xcca.Enabled)
        {
            return (null, 0, 0);
        }

        var clock = Stopwatch.StartNew();
        double cpu = ProcessCpuSeconds();
        var xcca = ProcessXcca.Create(_geometry, _mask, survey.Rings.Superlattice, waxs, Raster.Points, _config.Xcca, RemapOptions(), out string note);
        Note(note);
        _timings.Add(new StageTiming("xcca setup", clock.Elapsed.TotalSeconds, 0));
        return (xcca, clock.Elapsed.TotalSeconds, ProcessCpuSeconds() - cpu);
    }

    /// <summary>The (q, φ) cake and extraction layout of one band, or null when it has no ring.</summary>
    private BandCake? BandTable(IReadOnlyList<Ring> rings, bool saxs) =>
        ProcessingTables.BandCake(_geometry, _mask, rings, saxs, _config, RemapOptions());

    /// <summary>Per-thread state of the feature pass: one accumulator per band and scratch.</summary>
    private sealed class FeatureWorker
    {
        private readonly RemapAccumulator? _saxs;
        private readonly RemapAccumulator? _waxs;
        private readonly double[] _scratch;

        public FeatureWorker(BandCake? saxs, BandCake? waxs, ProcessXcca? xcca)
        {
            _saxs = saxs is null ? null : new RemapAccumulator(saxs.Table);
            _waxs = waxs is null ? null : new RemapAccumulator(waxs.Table);
            _scratch = new double[Math.Max(saxs?.ScratchLength ?? 0, waxs?.ScratchLength ?? 0)];
            Xcca = xcca?.CreateWorker();
        }

        /// <summary>This thread's part of the cross-correlation step, or null.</summary>
        public ProcessXcca.Worker? Xcca { get; }

        /// <summary>The sums of the last frame on the WAXS cake (the 200_AL patch is cut from them), or null.</summary>
        public RemapAccumulator? WaxsAccumulator => _waxs;

        public void Process(ReadOnlySpan<uint> frame, BandCake? cake, BandFeatures? store, int index)
        {
            if (cake is null || store is null)
            {
                return;
            }

            var acc = ReferenceEquals(cake.Table, _saxs?.Table) ? _saxs! : _waxs!;
            cake.Table.Integrate(frame, acc);
            cake.Extract(acc, store.Radial(index), store.Net(index), store.Background(index), store.Intensity(index), store.BandNet(index), store.BandSigma(index), _scratch);
        }
    }
}
