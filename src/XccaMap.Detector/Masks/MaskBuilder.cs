using XccaMap.Detector.Geometry;

namespace XccaMap.Detector.Masks;

/// <summary>
/// Combines mask sources into one <see cref="DetectorMask"/> (true = excluded; design.md §4.1): the Eiger
/// <c>pixel_mask</c> (any set bit excludes), all-ones pixels of a frame, beamstop and user masks from <c>.npy</c>
/// files or arrays, q and φ ranges, and hot pixels. Every source is checked against the detector shape and
/// recorded in <see cref="Contributions"/>. Not thread-safe; build once per scan.
/// </summary>
public sealed class MaskBuilder
{
    /// <summary>The value that marks gap and defective pixels in a frame (uint32; readers map 0xFFFF/0xFF to it).</summary>
    public const uint AllOnes = uint.MaxValue;

    private readonly bool[] _excluded;
    private readonly List<MaskContribution> _contributions = [];

    /// <summary>Starts with nothing excluded.</summary>
    public MaskBuilder(DetectorShape shape)
    {
        Shape = shape.Validated();
        _excluded = new bool[Shape.PixelCount];
    }

    /// <summary>The detector shape every source must match.</summary>
    public DetectorShape Shape { get; }

    /// <summary>Pixels excluded so far.</summary>
    public int ExcludedCount { get; private set; }

    /// <summary>What each source added, in order.</summary>
    public IReadOnlyList<MaskContribution> Contributions => _contributions;

    /// <summary>
    /// Adds the Eiger <c>pixel_mask</c> (detectorSpecific/pixel_mask): any set bit (gap, dead, under-responding,
    /// hot, noisy, …) excludes the pixel.
    /// </summary>
    /// <param name="pixelMask">The mask values, row-major.</param>
    /// <param name="shape">The shape of the dataset it came from.</param>
    /// <param name="source">File and dataset, for messages.</param>
    public MaskBuilder AddEigerPixelMask(ReadOnlySpan<uint> pixelMask, DetectorShape shape, string source)
    {
        CheckShape(source, shape, pixelMask.Length);
        int own = 0, added = 0;
        for (int i = 0; i < pixelMask.Length; i++)
        {
            if (pixelMask[i] != 0)
            {
                Exclude(i, ref own, ref added);
            }
        }

        return Record(source, own, added);
    }

    /// <summary>Excludes every pixel whose value in <paramref name="frame"/> is all ones (0xFFFFFFFF).</summary>
    public MaskBuilder AddAllOnesPixels(ReadOnlySpan<uint> frame, DetectorShape shape, string source)
    {
        CheckShape(source, shape, frame.Length);
        int own = 0, added = 0;
        for (int i = 0; i < frame.Length; i++)
        {
            if (frame[i] == AllOnes)
            {
                Exclude(i, ref own, ref added);
            }
        }

        return Record(source, own, added);
    }

    /// <summary>Adds a boolean mask (true = excluded).</summary>
    public MaskBuilder AddMask(ReadOnlySpan<bool> excluded, DetectorShape shape, string source)
    {
        CheckShape(source, shape, excluded.Length);
        int own = 0, added = 0;
        for (int i = 0; i < excluded.Length; i++)
        {
            if (excluded[i])
            {
                Exclude(i, ref own, ref added);
            }
        }

        return Record(source, own, added);
    }

    /// <summary>Adds another mask (true = excluded).</summary>
    public MaskBuilder AddMask(DetectorMask mask, string source)
    {
        ArgumentNullException.ThrowIfNull(mask);
        return AddMask(mask.Excluded, mask.Shape, source);
    }

    /// <summary>
    /// Adds a mask from a 2-D NumPy <c>.npy</c> file of any numeric or bool type (beamstop masks, masks written by
    /// the simulator or by pyFAI tools).
    /// </summary>
    /// <exception cref="MaskShapeException">The array is not 2-D of the detector's shape; the message names the file.</exception>
    public MaskBuilder AddNpy(string path, MaskFilePolarity polarity = MaskFilePolarity.NonZeroExcluded)
    {
        var array = NpyReader.Read(path);
        if (array.Shape.Count != 2 || array.Shape[0] != Shape.Rows || array.Shape[1] != Shape.Cols)
        {
            throw new MaskShapeException(path, Shape, array.ShapeText);
        }

        var nonZero = array.ToNonZero();
        if (polarity == MaskFilePolarity.NonZeroValid)
        {
            for (int i = 0; i < nonZero.Length; i++)
            {
                nonZero[i] = !nonZero[i];
            }
        }

        return AddMask(nonZero, Shape, path);
    }

    /// <summary>Excludes pixels whose centre q lies in [<paramref name="qMin"/>, <paramref name="qMax"/>], Å⁻¹.</summary>
    public MaskBuilder ExcludeQRange(PixelGeometry geometry, double qMin, double qMax)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (!(qMax >= qMin))
        {
            throw new ArgumentOutOfRangeException(nameof(qMax), $"q range [{qMin}, {qMax}] Å⁻¹ is empty");
        }

        string source = $"q range [{qMin}, {qMax}] Å⁻¹";
        CheckShape(source, geometry.Shape, geometry.Shape.PixelCount);
        var q = geometry.Q.Span;
        int own = 0, added = 0;
        for (int i = 0; i < q.Length; i++)
        {
            if (q[i] >= qMin && q[i] <= qMax)
            {
                Exclude(i, ref own, ref added);
            }
        }

        return Record(source, own, added);
    }

    /// <summary>
    /// Excludes pixels whose centre φ lies in the arc from <paramref name="phiFrom"/> to <paramref name="phiTo"/>
    /// (degrees, counter-clockwise in φ, i.e. from +column towards +row; the arc wraps through 0 when
    /// phiFrom &gt; phiTo after reduction to [0, 360)). A span of 360° or more excludes everything.
    /// </summary>
    public MaskBuilder ExcludePhiRange(PixelGeometry geometry, double phiFrom, double phiTo)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        string source = $"φ range [{phiFrom}, {phiTo}]°";
        CheckShape(source, geometry.Shape, geometry.Shape.PixelCount);
        bool all = phiTo - phiFrom >= 360;
        double from = Azimuth.Normalize(phiFrom);
        double span = all ? 360 : Azimuth.Normalize(phiTo - phiFrom);
        var phi = geometry.Phi.Span;
        int own = 0, added = 0;
        for (int i = 0; i < phi.Length; i++)
        {
            double d = phi[i] - from;
            if (d < 0)
            {
                d += 360;
            }

            if (all || d <= span)
            {
                Exclude(i, ref own, ref added);
            }
        }

        return Record(source, own, added);
    }

    /// <summary>
    /// Detects hot pixels in <paramref name="frames"/> (see <see cref="HotPixelDetector"/>), ignoring pixels already
    /// excluded, and excludes them.
    /// </summary>
    public MaskBuilder AddHotPixels(IReadOnlyList<ReadOnlyMemory<uint>> frames, HotPixelOptions? options = null, string source = "hot pixels")
    {
        var hot = HotPixelDetector.Detect(frames, Shape, _excluded, options);
        return AddMask(hot, Shape, $"{source} ({frames.Count} frames)");
    }

    /// <summary>The combined mask.</summary>
    /// <exception cref="AllPixelsMaskedException">Every pixel is excluded.</exception>
    public DetectorMask Build()
    {
        if (ExcludedCount == _excluded.Length)
        {
            var sources = _contributions.Count == 0 ? "none" : string.Join("; ", _contributions.Select(c => $"{c.Source}: {c.Excluded}"));
            throw new AllPixelsMaskedException(sources);
        }

        return new DetectorMask(Shape, (bool[])_excluded.Clone());
    }

    private void CheckShape(string source, DetectorShape shape, int length)
    {
        if (shape != Shape)
        {
            throw new MaskShapeException(source, Shape, shape.ToString());
        }

        if (length != Shape.PixelCount)
        {
            throw new MaskShapeException(source, Shape, $"{length} elements");
        }
    }

    private void Exclude(int i, ref int own, ref int added)
    {
        own++;
        if (!_excluded[i])
        {
            _excluded[i] = true;
            added++;
        }
    }

    private MaskBuilder Record(string source, int own, int added)
    {
        ExcludedCount += added;
        _contributions.Add(new MaskContribution(source, own, added));
        return this;
    }
}
