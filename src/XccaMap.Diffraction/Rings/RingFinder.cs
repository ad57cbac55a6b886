using XccaMap.Diffraction.Features;

namespace XccaMap.Diffraction.Rings;

/// <summary>
/// Finds the rings of interest in a scan-averaged radial profile (design.md §4.3): peaks above the SNIP background
/// (<see cref="RadialPeakFinder"/>), refined by a Gaussian fit on a linear background, split at
/// <see cref="RingFinderOptions.SplitQ"/> into superlattice (SAXS) and atomic-lattice (WAXS) rings, the strongest
/// kept, each given an analysis window of about ±FWHM that never reaches into its neighbour's.
/// Rings listed in the configuration replace the search for their kind.
/// </summary>
public static class RingFinder
{
    /// <summary>Finds rings in I(q).</summary>
    /// <param name="q">Bin centres, Å⁻¹ (evenly spaced).</param>
    /// <param name="intensity">Scan-averaged mean intensity per bin.</param>
    /// <param name="pixelCount">Pixels per bin per frame (bins with too few are ignored), or empty.</param>
    /// <param name="options">Thresholds and overrides; defaults when null.</param>
    public static RingSet Find(ReadOnlySpan<double> q, ReadOnlySpan<double> intensity, ReadOnlySpan<double> pixelCount = default, RingFinderOptions? options = null)
    {
        options ??= new RingFinderOptions();
        var search = RadialPeakFinder.Find(q, intensity, pixelCount, options.Peaks);
        var refined = new List<RadialPeak>(search.Peaks.Count);
        foreach (var p in search.Peaks)
        {
            refined.Add(Refine(q, intensity, search.Background, p));
        }

        refined.RemoveAll(p => p.Fwhm > options.MaxRelativeFwhm * p.Q);
        var sl = Select(refined.Where(p => p.Q < options.SplitQ), RingKind.Superlattice, options.MaxSuperlatticeRings, options.Superlattice, options, q, intensity, search.Background);
        var al = Select(refined.Where(p => p.Q >= options.SplitQ), RingKind.AtomicLattice, options.MaxAtomicRings, options.AtomicLattice, options, q, intensity, search.Background);
        return new RingSet(sl, al, options.SplitQ, search);
    }

    /// <summary>Rings from configured positions only (no search), with windows from the relative limits.</summary>
    public static IReadOnlyList<Ring> FromOverrides(IReadOnlyList<RingOverride> overrides, RingKind kind, RingFinderOptions? options = null)
    {
        options ??= new RingFinderOptions();
        return Windows(overrides.OrderBy(o => o.Q).Select(o => (new RadialPeak(o.Q, 0, 0, 0, 0, 0, 0), o.HalfWidth)).ToList(), kind, options, fromConfig: true);
    }

    private static List<Ring> Select(IEnumerable<RadialPeak> found, RingKind kind, int max, IReadOnlyList<RingOverride>? overrides, RingFinderOptions options, ReadOnlySpan<double> q, ReadOnlySpan<double> intensity, double[] background)
    {
        var list = found.ToList();
        if (overrides is { Count: > 0 })
        {
            // A configured ring takes its width from a found peak within 3 % of it, or from a fit at its position.
            var chosen = new List<(RadialPeak, double?)>();
            foreach (var o in overrides.OrderBy(o => o.Q))
            {
                var near = list.Where(p => Math.Abs(p.Q - o.Q) < 0.03 * o.Q).OrderBy(p => Math.Abs(p.Q - o.Q)).ToList();
                var peak = near.Count > 0 ? near[0] with { Q = o.Q } : Refine(q, intensity, background, new RadialPeak(o.Q, 0.02 * o.Q, 0, 0, 0, 0, 0)) with { Q = o.Q };
                chosen.Add((peak, o.HalfWidth));
            }

            return Windows(chosen, kind, options, fromConfig: true);
        }

        var strongest = list.OrderByDescending(p => p.RelativeHeight).Take(Math.Max(0, max)).OrderBy(p => p.Q).Select(p => (p, (double?)null)).ToList();
        return Windows(strongest, kind, options, fromConfig: false);
    }

    private static List<Ring> Windows(List<(RadialPeak Peak, double? HalfWidth)> peaks, RingKind kind, RingFinderOptions options, bool fromConfig)
    {
        var rings = new List<Ring>(peaks.Count);
        for (int i = 0; i < peaks.Count; i++)
        {
            var (p, given) = peaks[i];
            double hw = given ?? Math.Clamp(options.WindowFwhmFactor * p.Fwhm, options.MinRelativeHalfWidth * p.Q, options.MaxRelativeHalfWidth * p.Q);
            if (given is null)
            {
                // Window ±0.4 of the gap to each neighbour, so the side bands (half a window wide) stop at the
                // neighbour's window.
                if (i > 0)
                {
                    hw = Math.Min(hw, 0.4 * (p.Q - peaks[i - 1].Peak.Q));
                }

                if (i < peaks.Count - 1)
                {
                    hw = Math.Min(hw, 0.4 * (peaks[i + 1].Peak.Q - p.Q));
                }
            }

            rings.Add(new Ring(kind, p.Q, p.Q - hw, p.Q + hw, p.Fwhm, p.RelativeHeight, fromConfig));
        }

        return rings;
    }

    /// <summary>
    /// Refines a peak by a Gaussian + line fit over ±2 FWHM (at least ±6 bins); keeps the search result when the
    /// fit fails or wanders off by more than one FWHM.
    /// </summary>
    internal static RadialPeak Refine(ReadOnlySpan<double> q, ReadOnlySpan<double> intensity, double[] background, RadialPeak peak)
    {
        int n = q.Length;
        if (n < 8)
        {
            return peak;
        }

        double dq = (q[n - 1] - q[0]) / (n - 1);

        // A ring merged with a broad hump (a membrane halo) has an FWHM far above its own; never fit beyond ±10 % of q.
        double width = Math.Min(peak.Fwhm, 0.05 * peak.Q);
        double half = Math.Max(2 * width, 6 * dq);
        int lo = Math.Max(0, (int)Math.Floor((peak.Q - half - q[0]) / dq));
        int hi = Math.Min(n - 1, (int)Math.Ceiling((peak.Q + half - q[0]) / dq));
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = lo; i <= hi; i++)
        {
            if (intensity[i] > 0 && double.IsFinite(intensity[i]))
            {
                xs.Add(q[i]);
                ys.Add(intensity[i]);
            }
        }

        if (xs.Count < 8)
        {
            return peak;
        }

        var fit = GaussianPeakFit.Fit(xs.ToArray(), ys.ToArray());
        double tolerance = Math.Max(0.5 * width, 2 * dq);
        if (!fit.Converged || !(fit.Amplitude > 0) || Math.Abs(fit.Centre - peak.Q) > tolerance)
        {
            return peak;
        }

        double fwhm = peak.Fwhm > 0 ? Math.Clamp(fit.Fwhm, 0.5 * width, 2 * width) : fit.Fwhm;
        int at = Math.Clamp((int)Math.Round((fit.Centre - q[0]) / dq), 0, n - 1);
        double bg = double.IsFinite(background[at]) ? background[at] : peak.Background;
        double rel = peak.RelativeHeight > 0 ? peak.RelativeHeight : (bg > 0 ? fit.Amplitude / bg : 0);
        return peak with { Q = fit.Centre, Fwhm = fwhm, RelativeHeight = rel };
    }
}
