using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// The ring profiles <c>process</c> keeps per frame (<see cref="BandFeatures"/> of the SAXS and WAXS bands) as an
/// <see cref="IRingProfileSource"/>: I(φ) is the net angular profile (local background subtracted), W(φ) the window
/// coverage where the φ bin is valid and 0 elsewhere. Both bands must share the φ grid. Note that C of net profiles
/// is not C of the measured intensity (eq. 3) up to a constant when a ring is seen only in part: the background's
/// cross terms vary with Δ through the mask overlap. <c>process</c> therefore correlates the measured window
/// intensities (<see cref="ProcessRingProfiles"/>), as <c>ccf compute</c> does.
/// </summary>
public sealed class BandFeaturesProfileSource : IRingProfileSource
{
    private readonly BandFeatures? _saxs;
    private readonly BandFeatures? _waxs;
    private readonly bool[]? _hasData;
    private readonly int _saxsRings;

    /// <summary>Wraps the features of one or both bands.</summary>
    /// <param name="saxs">SAXS band features, or null.</param>
    /// <param name="waxs">WAXS band features, or null.</param>
    /// <param name="hasData">Per frame: read and analysed (null = all frames).</param>
    public BandFeaturesProfileSource(BandFeatures? saxs, BandFeatures? waxs, bool[]? hasData = null)
    {
        if (saxs is null && waxs is null)
        {
            throw new ArgumentException("no band features given");
        }

        if (saxs is not null && waxs is not null && (saxs.PhiCount != waxs.PhiCount || saxs.Frames != waxs.Frames))
        {
            throw new ArgumentException($"SAXS and WAXS features differ in φ bins ({saxs.PhiCount}, {waxs.PhiCount}) or frames ({saxs.Frames}, {waxs.Frames})");
        }

        _saxs = saxs;
        _waxs = waxs;
        _hasData = hasData;
        _saxsRings = saxs?.Rings ?? 0;
        Frames = (saxs ?? waxs)!.Frames;
        PhiCount = (saxs ?? waxs)!.PhiCount;
        Rings = [.. saxs?.Cake.Rings ?? [], .. waxs?.Cake.Rings ?? []];
    }

    /// <inheritdoc/>
    public int Frames { get; }

    /// <inheritdoc/>
    public int PhiCount { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Ring> Rings { get; }

    /// <inheritdoc/>
    public bool TryRead(int frame, int ring, Span<double> intensity, Span<double> weight)
    {
        if (_hasData is not null && !_hasData[frame])
        {
            return false;
        }

        var (band, r) = ring < _saxsRings ? (_saxs!, ring) : (_waxs!, ring - _saxsRings);
        var net = band.Net(frame, r);
        var valid = band.Cake.Valid(r);
        var coverage = band.Cake.Coverage(r);
        for (int j = 0; j < PhiCount; j++)
        {
            bool ok = valid[j] && float.IsFinite(net[j]);
            weight[j] = ok ? Math.Clamp(coverage[j], 0, 1) : 0;
            intensity[j] = ok ? net[j] : 0;
        }

        return true;
    }
}
