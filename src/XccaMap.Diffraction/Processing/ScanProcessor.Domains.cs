using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Results;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Processing;

/// <summary>Per class: band profile from all its frames, indexing, and (class pass) averaged 2D pattern.</summary>
public sealed partial class ScanProcessor
{
    private List<DomainResult> Domains(FeatureData features, AnalysisData analysis, SurveyData survey)
    {
        var classes = new List<(string Modality, int Label, BandFeatures Band, int[] Members, FccIndexing Indexing, IReadOnlyList<double> Phi, double[] Profile, double[] CoreProfile, int CorePoints, int CoreDepth, FccIndexing AllIndexing)>();
        Collect("saxs", features.Saxs, analysis.SaxsClasses, survey.Superlattice.LatticeConstant);
        Collect("waxs", features.Waxs, analysis.WaxsClasses, survey.Atomic.LatticeConstant);

        // Class pass: up to N frames per class, read whole, averaged into binned images and full-q profiles.
        var accumulators = classes.Select(_ => new ClassPatternAccumulator(_geometry.Shape, _config.PatternBinning, _mask, survey.Table)).ToList();
        var byFrame = new Dictionary<long, List<ClassPatternAccumulator>>();
        for (int i = 0; i < classes.Count; i++)
        {
            var members = classes[i].Members.Select(f => (long)f).ToList();
            foreach (long f in FrameLoop.EvenlySpaced(members, _config.ClassAverageFrames))
            {
                if (!byFrame.TryGetValue(f, out var list))
                {
                    byFrame[f] = list = [];
                }

                list.Add(accumulators[i]);
            }
        }

        var frames = byFrame.Keys.Order().ToArray();
        Begin("class patterns", frames.Length);
        long read = 0;
        FrameLoop.Run(
            _scan, frames, null, _config.MaxFramesInFlight,
            () => 0,
            (_, frame) =>
            {
                foreach (var acc in byFrame[frame.Index])
                {
                    acc.Add(frame.Data);
                }

                Interlocked.Increment(ref read);
            },
            Skip, _progress, _cancellation);
        End("class patterns", read);

        return classes.Select((c, i) => new DomainResult
        {
            Modality = c.Modality,
            Label = c.Label,
            Points = c.Members.Length,
            BandQ = c.Band.Cake.Q,
            BandIntensity = c.Profile,
            Indexing = c.Indexing,
            AllPointsIndexing = c.AllIndexing,
            CoreBandIntensity = c.CoreProfile,
            CorePoints = c.CorePoints,
            CoreDepth = c.CoreDepth,
            TypicalPeakPhi = c.Phi,
            PatternFrames = accumulators[i].Frames,
            Pattern = accumulators[i].Frames > 0 ? accumulators[i].MeanImage() : null,
            PatternShape = (accumulators[i].Rows, accumulators[i].Cols),
            FullQ = survey.Q,
            FullIntensity = accumulators[i].Frames > 0 ? accumulators[i].RadialMean() : null,
        }).ToList();

        void Collect(string modality, BandFeatures? band, ClassificationResult? result, double latticeConstant)
        {
            if (band is null || result is null)
            {
                return;
            }

            var depth = DomainDepth.Compute(result.Labels, features.HasData, Raster);
            for (int c = 0; c < result.ClassCount; c++)
            {
                var members = Enumerable.Range(0, result.Labels.Length).Where(f => result.Labels[f] == c && features.HasData[f]).ToArray();
                if (members.Length == 0)
                {
                    continue;
                }

                var profile = MeanRadial(band, members);
                var (core, coreDepth) = DomainDepth.Core(members, depth, _config.DomainCoreMinPoints, _config.DomainCoreFraction);
                var coreProfile = MeanRadial(band, core);
                var options = modality == "waxs" ? _config.AtomicIndexing : _config.Indexing;
                var all = IndexProfile(band.Cake.Q, profile, latticeConstant, options);
                var indexing = IndexProfile(band.Cake.Q, coreProfile, latticeConstant, options);
                classes.Add((modality, c, band, members, indexing, TypicalPhi(band, members), profile, coreProfile, core.Length, coreDepth, all));
            }
        }
    }

    /// <summary>Mean of the members' I(q) (NaN-aware).</summary>
    private static double[] MeanRadial(BandFeatures band, int[] members)
    {
        var sum = new double[band.QCount];
        var n = new int[band.QCount];
        foreach (int f in members)
        {
            var r = band.Radial(f);
            for (int i = 0; i < sum.Length; i++)
            {
                if (float.IsFinite(r[i]))
                {
                    sum[i] += r[i];
                    n[i]++;
                }
            }
        }

        return sum.Select((s, i) => n[i] > 0 ? s / n[i] : double.NaN).ToArray();
    }

    /// <summary>Peaks of a class profile, refined by Gaussian fits and indexed on the scan's lattice (or on their own without one).</summary>
    private FccIndexing IndexProfile(double[] q, double[] profile, double latticeConstant, FccIndexerOptions options)
    {
        var clean = profile.Select(v => double.IsFinite(v) ? v : 0).ToArray();
        var search = RadialPeakFinder.Find(q, clean, default, _config.Rings.Peaks);
        var peaks = search.Peaks.Select(p => RingFinder.Refine(q, clean, search.Background, p).Q).ToList();
        return double.IsFinite(latticeConstant) ? FccIndexer.IndexWith(peaks, latticeConstant, options) : FccIndexer.Index(peaks, options);
    }

    /// <summary>
    /// The azimuths of the class's peaks on the ring where the class scatters most: peaks of the members' mean net
    /// profile (σ of the mean = σ of one frame / √n), strongest first.
    /// </summary>
    private List<double> TypicalPhi(BandFeatures band, int[] members)
    {
        var cake = band.Cake;
        int np = band.PhiCount;
        int best = -1;
        double bestIntensity = double.NegativeInfinity;
        for (int r = 0; r < band.Rings; r++)
        {
            double mean = members.Average(f => (double)(float.IsFinite(band.Intensity(f)[r]) ? band.Intensity(f)[r] : 0));
            if (mean > bestIntensity)
            {
                (bestIntensity, best) = (mean, r);
            }
        }

        if (best < 0)
        {
            return [];
        }

        var net = new float[np];
        double bg = 0;
        foreach (int f in members)
        {
            var p = band.Net(f, best);
            for (int j = 0; j < np; j++)
            {
                net[j] += p[j] / members.Length;
            }

            bg += band.Background(f)[best] / members.Length;
        }

        var valid = cake.Valid(best);
        float baseline = AngularAnalyzer.Percentile(net, valid, _config.Angular.BaselinePercentile, new float[np]);
        for (int j = 0; j < np; j++)
        {
            net[j] -= baseline;
        }

        var sigma = new float[np];
        cake.Sigma(best, net, (float)bg + baseline, sigma);
        for (int j = 0; j < np; j++)
        {
            sigma[j] /= (float)Math.Sqrt(members.Length);
        }

        var peaks = new List<AngularPeak>();
        AngularPeakFinder.Find(net, sigma, valid, cake.Phi[0], cake.Table.Bins.PhiStep, _config.Angular.Peaks, peaks);
        return peaks.Where(p => p.Height > 0.1 * peaks[0].Height).Take(_config.Angular.MaxPeaks).Select(p => p.Phi).ToList();
    }
}
