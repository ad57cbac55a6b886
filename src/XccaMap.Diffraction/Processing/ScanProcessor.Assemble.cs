using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Results;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Processing;

/// <summary>Puts the per-frame results on the raster and assembles the <see cref="ScanResult"/>.</summary>
public sealed partial class ScanProcessor
{
    private ScanResult Assemble(DetectorShape shape, SurveyData survey, FeatureData features, AnalysisData analysis, List<DomainResult> domains, long present, long beyond, double seconds)
    {
        int points = Raster.Points;
        var hasData = new bool[points];
        for (int f = 0; f < points; f++)
        {
            hasData[Raster.MapIndexOfFrame(f)] = features.HasData[f];
        }

        var ringMaps = new List<(Ring, float[])>();
        var peakMaps = new List<(Ring, int, float[])>();
        AddBand(features.Saxs, analysis.SaxsAngular);
        AddBand(features.Waxs, analysis.WaxsAngular);

        // Frames the feature pass skipped are no data; skipped frames found earlier but read later are not.
        var skipped = _skipped.Where(kv => kv.Key >= Raster.Points || !features.HasData[kv.Key])
            .OrderBy(kv => kv.Key).Select(kv => new SkippedFrame(kv.Key, kv.Value)).ToList();
        var search = survey.Rings.Search;
        return new ScanResult
        {
            MasterPath = _scan.MasterPath,
            Raster = Raster,
            Geometry = _geometry.Poni,
            Shape = shape,
            Config = _config,
            MaskedPixels = _mask.ExcludedCount,
            MaskSources = _maskSources.Select(c => (c.Source, c.Excluded)).ToList(),
            SurveyFrames = survey.Frames,
            SurveyQ = survey.Q,
            SurveyIntensity = survey.Intensity,
            SurveyBackground = search?.Background ?? survey.Q.Select(_ => double.NaN).ToArray(),
            Rings = survey.Rings,
            SuperlatticeIndexing = survey.Superlattice,
            AtomicIndexing = survey.Atomic,
            SaxsBandQ = features.Saxs?.Cake.Q ?? [],
            SaxsBandIntensity = BandMean(features.Saxs, features.HasData),
            WaxsBandQ = features.Waxs?.Cake.Q ?? [],
            WaxsBandIntensity = BandMean(features.Waxs, features.HasData),
            HasData = hasData,
            SaxsClass = ClassMap(analysis.SaxsClasses, features.HasData),
            WaxsClass = ClassMap(analysis.WaxsClasses, features.HasData),
            SaxsClassification = analysis.SaxsClasses,
            WaxsClassification = analysis.WaxsClasses,
            QMaps = analysis.QFits.Select(q => new QMap(q.Ring.Hkl, q.Ring.Q, q.Lo, q.Hi, ToMap(q.Values, 1), ToMap(q.Errors, 1))).ToList(),
            RingIntensity = ringMaps,
            AngularPeaks = peakMaps,
            SaxsIntensity = BandIntensityMap(features.Saxs, features.HasData),
            WaxsIntensity = BandIntensityMap(features.Waxs, features.HasData),
            Domains = domains,
            FramesInFiles = _scan.FrameCount,
            FramesPresent = present,
            FramesProcessed = features.Processed,
            FramesBeyondRaster = beyond,
            Skipped = skipped,
            ScanProblems = _scan.Problems.Select(p => p.ToString()).Distinct().Take(200).ToList(),
            Timings = _timings,
            TotalSeconds = seconds,
            Notes = _notes,
        };

        void AddBand(BandFeatures? band, AngularAnalysis? angular)
        {
            if (band is null)
            {
                return;
            }

            for (int r = 0; r < band.Rings; r++)
            {
                ringMaps.Add((band.Cake.Rings[r], ToMap(band.IntensityOfRing(r), 1)));
                if (angular is not null)
                {
                    int m = angular.MaxPeaks;
                    var perFrame = new float[points * m];
                    for (int f = 0; f < points; f++)
                    {
                        for (int k = 0; k < m; k++)
                        {
                            perFrame[(f * m) + k] = angular.PeakPhi[(((f * band.Rings) + r) * m) + k];
                        }
                    }

                    peakMaps.Add((band.Cake.Rings[r], m, ToMap(perFrame, m)));
                }
            }
        }
    }

    /// <summary>Per-frame values (<paramref name="width"/> per frame) reordered onto the raster; NaN where no frame.</summary>
    private float[] ToMap(float[] perFrame, int width)
    {
        int points = Raster.Points;
        var map = new float[points * width];
        Array.Fill(map, float.NaN);
        for (int f = 0; f < points && ((f + 1) * width) <= perFrame.Length; f++)
        {
            int p = Raster.MapIndexOfFrame(f);
            perFrame.AsSpan(f * width, width).CopyTo(map.AsSpan(p * width, width));
        }

        return map;
    }

    private int[] ClassMap(ClassificationResult? result, bool[] frameHasData)
    {
        int points = Raster.Points;
        var map = new int[points];
        for (int f = 0; f < points; f++)
        {
            map[Raster.MapIndexOfFrame(f)] = !frameHasData[f] ? ClassLabels.NoData : result?.Labels[f] ?? ClassLabels.Empty;
        }

        return map;
    }

    private static double[] BandMean(BandFeatures? band, bool[] hasData)
    {
        if (band is null)
        {
            return [];
        }

        var members = Enumerable.Range(0, band.Frames).Where(f => hasData[f]).ToArray();
        return MeanRadial(band, members);
    }

    private float[] BandIntensityMap(BandFeatures? band, bool[] hasData)
    {
        var perFrame = new float[Raster.Points];
        Array.Fill(perFrame, float.NaN);
        if (band is not null)
        {
            for (int f = 0; f < band.Frames; f++)
            {
                if (!hasData[f])
                {
                    continue;
                }

                double s = 0;
                int n = 0;
                foreach (float v in band.Radial(f))
                {
                    if (float.IsFinite(v))
                    {
                        s += v;
                        n++;
                    }
                }

                perFrame[f] = n > 0 ? (float)(s / n) : float.NaN;
            }
        }

        return ToMap(perFrame, 1);
    }
}
