using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Monitor.Live;

/// <summary>
/// The part of a monitored scan's setup that needs neither the master nor a frame, built in the background as soon as
/// the geometry is known (before the master appears when the PONI file names its detector), so that it is off the
/// first frames' latency: the per-pixel geometry, the beamstop and user masks, and the survey over the whole q range
/// with only those masks: its grid at once, its remap table on a thread of its own (the slow part, 0.13 s of CPU for
/// an Eiger 4M; a quick setup that comes before it uses <see cref="SurveySums.FromPixels"/>, its plain twin). The
/// other exclusions (the master's <c>pixel_mask</c>, all-ones and hot pixels of the frames) are applied later as zero
/// weights (<see cref="LiveSetup.FrameExclusions"/>), so nothing here waits for the master or a frame.
/// </summary>
public sealed class StaticSetup
{
    private readonly Task<RemapTable> _surveyTable;

    internal StaticSetup(PixelGeometry geometry, DetectorMask mask, RemapBins surveyBins, RemapOptions options, Task<RemapTable> surveyTable, string timing)
    {
        Geometry = geometry;
        Mask = mask;
        SurveyBins = surveyBins;
        SurveyQ = surveyBins.QCentres();
        PixelNormalisation = Normalisation(geometry, options);
        _surveyTable = surveyTable;
        Timing = timing;
    }

    /// <summary>Per-pixel geometry.</summary>
    public PixelGeometry Geometry { get; }

    /// <summary>The mask files' union (true = excluded).</summary>
    public DetectorMask Mask { get; }

    /// <summary>The survey's radial grid over the whole q range (Å⁻¹).</summary>
    public RemapBins SurveyBins { get; }

    /// <summary>q-bin centres of the survey, Å⁻¹.</summary>
    public double[] SurveyQ { get; }

    /// <summary>Per pixel: solid angle × polarisation, as the remap tables weigh it; empty when both corrections are off (weight 1).</summary>
    public ReadOnlyMemory<float> PixelNormalisation { get; }

    /// <summary>The survey's remap table (<see cref="Mask"/> only); waits for it when it is still being built.</summary>
    public RemapTable SurveyTable => _surveyTable.GetAwaiter().GetResult();

    /// <summary>True once <see cref="SurveyTable"/> is built.</summary>
    public bool HasSurveyTable => _surveyTable.IsCompletedSuccessfully;

    /// <summary>Where the time went, e.g. "geometry 0.31 s, mask files 0.02 s, survey grid 0.01 s".</summary>
    public string Timing { get; }

    /// <summary>pyFAI's per-pixel normalisation, as <c>RemapTableBuilder</c> computes it (float product).</summary>
    private static ReadOnlyMemory<float> Normalisation(PixelGeometry geometry, RemapOptions options)
    {
        if (options.PolarisationFactor is not { } factor)
        {
            return options.CorrectSolidAngle ? geometry.SolidAngle : ReadOnlyMemory<float>.Empty;
        }

        var norm = geometry.Polarisation(factor);
        if (options.CorrectSolidAngle)
        {
            var sa = geometry.SolidAngle.Span;
            for (int i = 0; i < norm.Length; i++)
            {
                norm[i] *= sa[i];
            }
        }

        return norm;
    }
}
