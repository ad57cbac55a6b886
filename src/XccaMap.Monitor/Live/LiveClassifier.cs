using System.Diagnostics;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Processing;

namespace XccaMap.Monitor.Live;

/// <summary>
/// Provisional SAXS and WAXS classes of the frames processed so far, with <c>process</c>'s analysis (angular peaks
/// and fingerprints by <see cref="AngularAnalyzer"/>, peak-set classes by <see cref="DomainClassifier"/>): learnt from
/// the first frames and learnt again as data arrive, so the classes are refined as the scan fills in. The spatial
/// clean-up of points no class explains is left to the final processing (they show as mixed meanwhile).
/// </summary>
public static class LiveClassifier
{
    /// <summary>Classifies the frames of <paramref name="features"/> processed so far.</summary>
    public static ProvisionalClasses Classify(LiveFeatures features, Raster raster, ProcessingConfig config)
    {
        var clock = Stopwatch.StartNew();
        var hasData = features.HasDataSnapshot();
        int frames = hasData.Count(h => h);
        if (frames == 0)
        {
            return ProvisionalClasses.None;
        }

        var neighbours = Neighbours(raster, features.Points);
        var (saxs, saxsK, saxsSignal) = Band(features.Saxs, hasData, config.Angular.SaxsFingerprint, config, config.SaxsClassification, neighbours);
        var (waxs, waxsK, _) = Band(features.Waxs, hasData, config.Angular.WaxsFingerprint, config, config.WaxsClassification, neighbours);
        return new ProvisionalClasses(saxs, waxs, saxsK, waxsK, saxsSignal, frames, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Per frame, the frames of its 8 raster neighbours (as <c>process</c> gives the classifier).</summary>
    public static int[][] Neighbours(Raster raster, int points)
    {
        var frameOf = new int[raster.Points];
        for (int f = 0; f < raster.Points; f++)
        {
            frameOf[raster.MapIndexOfFrame(f)] = f;
        }

        var result = new int[points][];
        for (int f = 0; f < points; f++)
        {
            var (r, c) = raster.PointOfFrame(f);
            var list = new List<int>(8);
            for (int dr = -1; dr <= 1; dr++)
            {
                for (int dc = -1; dc <= 1; dc++)
                {
                    int rr = r + dr, cc = c + dc;
                    if ((dr != 0 || dc != 0) && rr >= 0 && rr < raster.Rows && cc >= 0 && cc < raster.Cols)
                    {
                        list.Add(frameOf[(rr * raster.Cols) + cc]);
                    }
                }
            }

            result[f] = [.. list];
        }

        return result;
    }

    private static (int[]? Labels, int Classes, bool[]? Signal) Band(BandFeatures? band, bool[] hasData, FingerprintSource source, ProcessingConfig config, ClassifierOptions options, int[][] neighbours)
    {
        if (band is null)
        {
            return (null, 0, null);
        }

        var angular = AngularAnalyzer.Analyse(band, hasData, source, config.Angular);
        var result = DomainClassifier.Classify(angular.Fingerprints, angular.HasSignal, band.Frames, angular.Dimension, options, angular.BlockLength, neighbours);
        var labels = (int[])result.Labels.Clone();
        for (int f = 0; f < labels.Length; f++)
        {
            if (!hasData[f])
            {
                labels[f] = ClassLabels.NoData;
            }
        }

        return (labels, result.ClassCount, angular.HasSignal);
    }
}
