namespace XccaMap.Diffraction.Features;

/// <summary>
/// The per-frame features of one band (SAXS or WAXS) for every frame of a scan, as compact float arrays (no
/// frames are kept): I(q) over the band, the net angular profile of each ring, its local background and its mean
/// net intensity. Memory per frame: 4 bytes × (QCount + (Rings + 2 SubBands) × PhiCount + 2 Rings), e.g. 300 q, 8 rings, 3 sub-bands, 180 φ ≈ 11 KB.
/// Frames are written by index from several threads (disjoint slices), read after the pass.
/// </summary>
public sealed class BandFeatures
{
    private readonly float[] _radial;
    private readonly float[] _net;
    private readonly float[] _background;
    private readonly float[] _intensity;
    private readonly float[] _bandNet;
    private readonly float[] _bandSigma;

    /// <summary>Allocates storage for <paramref name="frames"/> frames of <paramref name="cake"/>'s layout.</summary>
    public BandFeatures(BandCake cake, int frames)
    {
        ArgumentNullException.ThrowIfNull(cake);
        Cake = cake;
        Frames = frames;
        QCount = cake.QCount;
        PhiCount = cake.PhiCount;
        Rings = cake.Rings.Count;
        _radial = new float[checked(frames * QCount)];
        _net = new float[checked(frames * Rings * PhiCount)];
        _background = new float[frames * Rings];
        _intensity = new float[frames * Rings];
        BandLength = cake.Band.Length;
        _bandNet = new float[checked(frames * BandLength)];
        _bandSigma = new float[checked(frames * BandLength)];
        Array.Fill(_radial, float.NaN);
        Array.Fill(_intensity, float.NaN);
    }

    /// <summary>The extraction layout (rings, q and φ grids).</summary>
    public BandCake Cake { get; }

    /// <summary>Frames.</summary>
    public int Frames { get; }

    /// <summary>q bins.</summary>
    public int QCount { get; }

    /// <summary>φ bins.</summary>
    public int PhiCount { get; }

    /// <summary>Rings.</summary>
    public int Rings { get; }

    /// <summary>Values of the band profiles per frame (sub-bands × φ bins).</summary>
    public int BandLength { get; }

    /// <summary>Bytes held.</summary>
    public long Bytes => 4L * (_radial.Length + _net.Length + _background.Length + _intensity.Length + _bandNet.Length + _bandSigma.Length);

    /// <summary>I(q) of frame <paramref name="frame"/> (NaN where no pixel, or for a frame without data).</summary>
    public Span<float> Radial(int frame) => _radial.AsSpan(frame * QCount, QCount);

    /// <summary>All rings' net profiles of a frame, rings × PhiCount.</summary>
    public Span<float> Net(int frame) => _net.AsSpan(frame * Rings * PhiCount, Rings * PhiCount);

    /// <summary>Net angular profile of one ring in one frame.</summary>
    public Span<float> Net(int frame, int ring) => _net.AsSpan(((frame * Rings) + ring) * PhiCount, PhiCount);

    /// <summary>Local background level of each ring in a frame.</summary>
    public Span<float> Background(int frame) => _background.AsSpan(frame * Rings, Rings);

    /// <summary>Mean net intensity of each ring in a frame (NaN for a frame without data).</summary>
    public Span<float> Intensity(int frame) => _intensity.AsSpan(frame * Rings, Rings);

    /// <summary>Whole-band angular profiles B_k(φ) of a frame, sub-band-major (<see cref="BandProfile"/>).</summary>
    public Span<float> BandNet(int frame) => _bandNet.AsSpan(frame * BandLength, BandLength);

    /// <summary>Poisson σ of <see cref="BandNet"/>.</summary>
    public Span<float> BandSigma(int frame) => _bandSigma.AsSpan(frame * BandLength, BandLength);

    /// <summary>Mean net intensity of ring <paramref name="ring"/> for every frame.</summary>
    public float[] IntensityOfRing(int ring)
    {
        var result = new float[Frames];
        for (int f = 0; f < Frames; f++)
        {
            result[f] = _intensity[(f * Rings) + ring];
        }

        return result;
    }
}
