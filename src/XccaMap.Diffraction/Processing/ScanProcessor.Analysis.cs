using System.Globalization;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Results;
using XccaMap.Diffraction.Rings;
using XccaMap.Diffraction.Xcca;

namespace XccaMap.Diffraction.Processing;

/// <summary>After the pass: angular peaks, classes and q fits from the stored features.</summary>
public sealed partial class ScanProcessor
{
    private AnalysisData Analyse(FeatureData features, SurveyData survey)
    {
        Begin("analysis", 0);
        AngularAnalysis? saxsAngular = null, waxsAngular = null;
        ClassificationResult? saxsClasses = null, waxsClasses = null;
        if (features.Saxs is { } s)
        {
            saxsAngular = AngularAnalyzer.Analyse(s, features.HasData, _config.Angular.SaxsFingerprint, _config.Angular);
            saxsClasses = DomainClassifier.Classify(saxsAngular.Fingerprints, saxsAngular.HasSignal, s.Frames, saxsAngular.Dimension, _config.SaxsClassification, saxsAngular.BlockLength, Neighbours());
            Cleanup("SAXS", saxsClasses, features.HasData, _config.SaxsClassification);
        }

        if (features.Waxs is { } w)
        {
            waxsAngular = AngularAnalyzer.Analyse(w, features.HasData, _config.Angular.WaxsFingerprint, _config.Angular);
            waxsClasses = DomainClassifier.Classify(waxsAngular.Fingerprints, waxsAngular.HasSignal, w.Frames, waxsAngular.Dimension, _config.WaxsClassification, waxsAngular.BlockLength, Neighbours());
            Cleanup("WAXS", waxsClasses, features.HasData, _config.WaxsClassification);
            Note(Summarise("WAXS", waxsClasses));
        }

        var fits = features.Saxs is { } band && saxsAngular is not null
            ? QFits(band, features.HasData, saxsAngular.HasSignal)
            : [];
        End("analysis", 0);
        if (saxsClasses is not null && saxsAngular is not null)
        {
            if (_config.SaxsClassification.RotationReassignment)
            {
                saxsClasses = ReassignRimPoints(saxsClasses, saxsAngular, features.HasData, survey);
            }

            Note(Summarise("SAXS", saxsClasses));
        }

        return new AnalysisData(saxsAngular, waxsAngular, saxsClasses, waxsClasses, fits);
    }

    /// <summary>
    /// Cross-correlations and orientational disorder per SAXS class from what the feature pass kept (design.md §4.7–8):
    /// domain K = SAXS class label K (class K + 1 of the report, /entry/classes/saxs_class_{K+1}).
    /// </summary>
    private XccaResults? CrossCorrelate(FeatureData features, AnalysisData analysis)
    {
        if (features.Xcca is not { } xcca)
        {
            return null;
        }

        if (analysis.SaxsClasses is not { } classes)
        {
            Note("xcca: no SAXS classes, no domains to correlate");
            return null;
        }

        Begin("xcca", 0);
        double cpu = ProcessCpuSeconds();
        var domainOfFrame = Interior(classes.Labels, features.HasData);

        var names = Enumerable.Range(0, classes.ClassCount).ToDictionary(k => k, k => FormattableString.Invariant($"saxs_class_{k + 1}"));
        var domains = xcca.Compute(features.HasData, domainOfFrame, names);
        End("xcca", 0);
        double seconds = _timings[^1].Seconds, cpuSeconds = ProcessCpuSeconds() - cpu;
        foreach (var d in domains)
        {
            var axis = d.Ccf.Axis;
            var r = d.Disorder;
            Note(FormattableString.Invariant($"xcca domain_{d.Domain} ({d.Name}, {d.Frames} frames): {d.Pair.Q1Label} × {d.Pair.Q2Label}, symmetry axis {axis.AxisDeg:0.0} ± {axis.ErrorDeg:0.00}°")
                + (r is null ? string.Empty : r.Success ? $", ΔΦ {r.DeltaPhiDeg.Format(1)}° (FWHM_az {r.FwhmAzDeg.Format(1)}°, FWHM_rad {r.FwhmRadDeg.Format(2)}°)" : $", no ΔΦ: {r.Message}"));
        }

        return new XccaResults
        {
            Domains = domains,
            PhiBins = xcca.PhiBins,
            Q2Description = $"{xcca.Q2Ring.Name}: {xcca.Q2Reason}",
            SetupSeconds = features.XccaSetupSeconds,
            SetupCpuSeconds = features.XccaSetupCpuSeconds,
            ProfileCpuSeconds = xcca.ProfileCpuSeconds,
            ProfileTimeIsCpu = ProcessXcca.ProfileTimeIsCpu,
            ProfileFrames = xcca.Frames,
            ComputeSeconds = seconds,
            ComputeCpuSeconds = cpuSeconds,
            StoreBytes = xcca.Bytes,
        };
    }

    /// <summary>
    /// Per frame its SAXS class if the frame lies in the class's interior (<see cref="XccaProcessingOptions.MinDepth"/>,
    /// relaxed per class to keep <see cref="XccaProcessingOptions.MinInteriorFraction"/> of its points), else −1.
    /// </summary>
    private int[] Interior(int[] labels, bool[] hasData)
    {
        var options = _config.Xcca;
        var depth = DomainDepth.Compute(labels, hasData, Raster);
        var result = new int[labels.Length];
        Array.Fill(result, -1);
        foreach (var members in Enumerable.Range(0, labels.Length).Where(f => hasData[f] && labels[f] >= 0).GroupBy(f => labels[f]))
        {
            var list = members.ToArray();
            var (_, deepest) = DomainDepth.Core(list, depth, Math.Max(1, options.MinFrames), options.MinInteriorFraction);
            int d = Math.Min(options.MinDepth, deepest);
            foreach (int f in list.Where(f => depth[f] >= d))
            {
                result[f] = members.Key;
            }
        }

        return result;
    }

    /// <summary>Per frame, the frames of its 8 raster neighbours.</summary>
    private int[][] Neighbours()
    {
        int points = Raster.Points;
        var frameOf = new int[points];
        for (int f = 0; f < points; f++)
        {
            frameOf[Raster.MapIndexOfFrame(f)] = f;
        }

        var result = new int[points][];
        for (int f = 0; f < points; f++)
        {
            var (r, c) = Raster.PointOfFrame(f);
            var list = new List<int>(8);
            for (int dr = -1; dr <= 1; dr++)
            {
                for (int dc = -1; dc <= 1; dc++)
                {
                    int rr = r + dr, cc = c + dc;
                    if ((dr != 0 || dc != 0) && rr >= 0 && rr < Raster.Rows && cc >= 0 && cc < Raster.Cols)
                    {
                        list.Add(frameOf[(rr * Raster.Cols) + cc]);
                    }
                }
            }

            result[f] = [.. list];
        }

        return result;
    }

    private void Cleanup(string kind, ClassificationResult result, bool[] hasData, ClassifierOptions options)
    {
        if (!options.SpatialCleanup)
        {
            return;
        }

        int n = SpatialCleanup.Apply(result.Labels, result.Unexplained, hasData, Raster, options.CleanupMinNeighbours);
        if (n > 0)
        {
            Note($"{kind}: {n} points whose peaks no class explains took their neighbours' class (spatial clean-up)");
        }
    }

    private static string Summarise(string kind, ClassificationResult r) =>
        FormattableString.Invariant(
            $"{kind}: {r.ClassCount} classes ({string.Join(", ", r.ClassSizes())} points), {r.Count(ClassLabels.Mixed)} mixed, {r.Count(ClassLabels.Empty)} empty or without data; silhouette {r.Silhouette:0.00}; {r.Criterion}");

    /// <summary>The SL reflections to map and their fit windows.</summary>
    private List<(Ring Ring, double Lo, double Hi)> QFitTargets(BandCake cake)
    {
        var sl = cake.Rings;
        IEnumerable<Ring> chosen;
        if (_config.QFit.Reflections is { Count: > 0 } wanted)
        {
            var list = new List<Ring>();
            foreach (var item in wanted)
            {
                var ring = sl.FirstOrDefault(r => r.Hkl == item)
                    ?? (double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out double q) ? sl.MinBy(r => Math.Abs(r.Q - q)) : null);
                if (ring is null)
                {
                    Note($"q_fit: reflection '{item}' is not among the SL rings; skipped");
                }
                else if (!list.Contains(ring))
                {
                    list.Add(ring);
                }
            }

            chosen = list;
        }
        else
        {
            chosen = sl.Where(r => r.Hkl is not null).OrderByDescending(r => r.RelativeHeight).Take(_config.QFit.MaxReflections);
        }

        var targets = new List<(Ring, double, double)>();
        foreach (var ring in chosen.OrderBy(r => r.Q))
        {
            // At least ±1.5 FWHM and ±6 bins (a Gaussian needs its flanks), at most 0.6 of the way to a neighbouring ring.
            double dq = cake.Q.Length > 1 ? cake.Q[1] - cake.Q[0] : 0;
            double half = Math.Max(Math.Max(_config.QFit.WindowRelativeHalfWidth * ring.Q, 1.5 * ring.Fwhm), 6 * dq);
            foreach (var other in sl.Where(o => !ReferenceEquals(o, ring)))
            {
                half = Math.Min(half, 0.6 * Math.Abs(other.Q - ring.Q));
            }

            double lo = Math.Max(ring.Q - half, cake.Q[0]), hi = Math.Min(ring.Q + half, cake.Q[^1]);
            targets.Add((ring, lo, hi));
        }

        return targets;
    }

    /// <summary>Per frame and reflection, the Gaussian + line fit of I(q) in the window: q and its error (NaN when not significant).</summary>
    private List<FrameQFit> QFits(BandFeatures band, bool[] hasData, bool[] hasSignal)
    {
        var cake = band.Cake;
        var result = new List<FrameQFit>();
        double dq = cake.Q.Length > 1 ? cake.Q[1] - cake.Q[0] : 0;
        foreach (var (ring, lo, hi) in QFitTargets(cake))
        {
            int first = Array.FindIndex(cake.Q, q => q >= lo), last = Array.FindLastIndex(cake.Q, q => q <= hi);
            var values = new float[band.Frames];
            var errors = new float[band.Frames];
            Array.Fill(values, float.NaN);
            Array.Fill(errors, float.NaN);
            if (first >= 0 && last - first + 1 >= 8)
            {
                int n = last - first + 1;
                var x = cake.Q.AsSpan(first, n).ToArray();
                var options = new Features.GaussianFitOptions();
                Parallel.For(0, band.Frames, () => (Y: new double[n], S: new double[n]), (f, _, buf) =>
                {
                    if (!hasData[f] || !hasSignal[f])
                    {
                        return buf;
                    }

                    var radial = band.Radial(f);
                    for (int i = 0; i < n; i++)
                    {
                        double y = radial[first + i];
                        double norm = cake.RadialNormalisation[first + i];
                        buf.Y[i] = double.IsFinite(y) ? y : double.NaN;
                        buf.S[i] = double.IsFinite(y) && norm > 0 ? Math.Sqrt(Math.Max(y, 1e-3 / norm) / norm) : double.NaN;
                    }

                    var fit = GaussianPeakFit.Fit(x, buf.Y, buf.S, options);
                    bool ok = fit.Converged && fit.Amplitude > 0 && fit.Significance >= _config.QFit.MinSignificance
                        && fit.Centre > lo + dq && fit.Centre < hi - dq
                        && fit.Fwhm >= 2 * dq && fit.Fwhm <= hi - lo;
                    if (ok)
                    {
                        values[f] = (float)fit.Centre;
                        errors[f] = (float)fit.CentreError;
                    }

                    return buf;
                }, _ => { });
            }

            result.Add(new FrameQFit(ring, lo, hi, values, errors));
        }

        RejectInconsistent(result);
        return result;
    }

    /// <summary>
    /// All reflections of one frame see the same lattice, so their q / q_scan must agree: a fit that deviates from the
    /// best-sampled reflection's by more than <see cref="QFitOptions.MaxScaleDeviation"/> caught another peak (a
    /// neighbouring reflection moved into the window by compression) and is dropped.
    /// </summary>
    private void RejectInconsistent(List<FrameQFit> fits)
    {
        if (fits.Count < 2)
        {
            return;
        }

        var reference = fits.MaxBy(f => f.Values.Count(float.IsFinite))!;
        int rejected = 0;
        foreach (var fit in fits.Where(f => !ReferenceEquals(f, reference)))
        {
            for (int i = 0; i < fit.Values.Length; i++)
            {
                float rv = reference.Values[i], v = fit.Values[i];
                if (float.IsFinite(rv) && float.IsFinite(v) && Math.Abs((v / fit.Ring.Q) - (rv / reference.Ring.Q)) > _config.QFit.MaxScaleDeviation)
                {
                    fit.Values[i] = float.NaN;
                    fit.Errors[i] = float.NaN;
                    rejected++;
                }
            }
        }

        if (rejected > 0)
        {
            Note($"q maps: {rejected} fits disagreeing with the {reference.Ring.Hkl ?? "reference"} reflection of the same frame by more than {_config.QFit.MaxScaleDeviation:P0} dropped");
        }
    }
}
