using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Processing;

/// <summary>
/// The per-scan remap grids of <c>process</c> — the survey's radial bins and the SAXS/WAXS band cakes — as choices of
/// one place, so that every consumer (the processor, the live monitor) builds exactly the same tables from the same
/// geometry, mask, rings and config.
/// </summary>
public static class ProcessingTables
{
    /// <summary>q step between neighbouring pixels near the beam, Å⁻¹: 2π·pixel/(λ·distance), λ in Å.</summary>
    public static double PixelQStep(PoniGeometry poni)
    {
        ArgumentNullException.ThrowIfNull(poni);
        double lambdaAngstrom = poni.Wavelength * 1e10; // metres → Å at this boundary
        return 2 * Math.PI * Math.Min(poni.PixelSize1, poni.PixelSize2) / (lambdaAngstrom * poni.Distance);
    }

    /// <summary>The remap corrections the config asks for.</summary>
    /// <param name="config">Processing settings.</param>
    /// <param name="maxThreads">Threads for building tables (-1: all cores).</param>
    public static RemapOptions RemapOptions(ProcessingConfig config, int maxThreads = -1)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new RemapOptions
        {
            CorrectSolidAngle = config.CorrectSolidAngle,
            PolarisationFactor = config.PolarisationFactor,
            MaxDegreeOfParallelism = maxThreads,
        };
    }

    /// <summary>Radial bins of the survey: from 0 to the largest q of a live pixel, <see cref="ProcessingConfig.QStepFactor"/> pixel steps wide.</summary>
    public static RemapBins SurveyBins(PixelGeometry geometry, DetectorMask mask, ProcessingConfig config)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(mask);
        ArgumentNullException.ThrowIfNull(config);
        double qMax = 0;
        var q = geometry.Q.Span;
        var excluded = mask.Excluded;
        for (int i = 0; i < q.Length; i++)
        {
            if (!excluded[i] && q[i] > qMax)
            {
                qMax = q[i];
            }
        }

        double step = config.QStepFactor * PixelQStep(geometry.Poni);
        int nq = Math.Max(8, (int)Math.Ceiling(qMax * 1.0001 / step));
        return RemapBins.Radial(0, nq * step, nq);
    }

    /// <summary>The (q, φ) cake and extraction layout of one band (SAXS: the SL rings; WAXS: the AL rings), or null when it has no ring.</summary>
    /// <param name="geometry">Per-pixel geometry.</param>
    /// <param name="mask">The scan mask.</param>
    /// <param name="rings">The band's rings.</param>
    /// <param name="saxs">True for the SAXS band.</param>
    /// <param name="config">Processing settings.</param>
    /// <param name="options">Remap corrections and threads (<see cref="RemapOptions(ProcessingConfig, int)"/>); the band restriction is added here.</param>
    public static BandCake? BandCake(PixelGeometry geometry, DetectorMask mask, IReadOnlyList<Ring> rings, bool saxs, ProcessingConfig config, RemapOptions options)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(rings);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        if (rings.Count == 0)
        {
            return null;
        }

        double split = config.Rings.SplitQ;
        var fingerprint = saxs ? config.Angular.SaxsFingerprint : config.Angular.WaxsFingerprint;
        bool continuous = fingerprint == FingerprintSource.Band;
        double w = saxs ? config.QFit.WindowRelativeHalfWidth : 0;
        double lo = rings.Min(r => Math.Min(r.LowerBand.Min, r.Q * (1 - w)));
        double hi = rings.Max(r => Math.Max(r.UpperBand.Max, r.Q * (1 + w)));
        (lo, hi) = saxs ? (0.9 * lo, Math.Min(split, 1.15 * hi)) : (Math.Max(split, 0.97 * lo), 1.03 * hi);
        lo = Math.Max(lo, 0);

        // q bins: half a pixel step for the narrow SL rings; for broad rings (the AL rings, FWHM ~ 4 % of q) an
        // eighth of the narrowest FWHM is enough and keeps the cake small.
        double fwhm = rings.Where(r => r.Fwhm > 0).Select(r => r.Fwhm).DefaultIfEmpty(0).Min();
        double step = Math.Max(config.QStepFactor * PixelQStep(geometry.Poni), fwhm / 8);
        int nq = Math.Max(4, (int)Math.Ceiling((hi - lo) / step));
        var bins = RemapBins.Cake(lo, lo + (nq * step), nq, Math.Max(4, config.PhiBins));

        // Without a whole-band fingerprint only the ring windows and their side bands need pixels: a far smaller
        // table (and fewer compressed blocks to decode) for WAXS rings spread over the detector.
        var bands = continuous ? null : rings.Select(r => new QBand(r.LowerBand.Min, r.UpperBand.Max)).ToList();
        var table = RemapTable.Build(geometry, mask, bins, options with { Bands = bands });
        return new BandCake(table, rings, config.MinCoverage, continuous, config.Angular.FingerprintSubBands);
    }
}
