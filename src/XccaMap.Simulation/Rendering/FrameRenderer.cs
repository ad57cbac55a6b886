using XccaMap.Crystallography.Geometry;
using XccaMap.Simulation.Model;
using XccaMap.Simulation.Noise;

namespace XccaMap.Simulation.Rendering;

/// <summary>
/// Turns a scan point into a frame: the mean counts λ (static backgrounds scaled by thickness, the class's WAXS
/// spot images scaled by their amplitudes, the SAXS spots of the locally compressed and rotated superlattice drawn
/// on the fly), then Poisson counts, module gaps and masked pixels set to all-ones, and the unmasked hot pixels.
/// One renderer per thread: it owns its scratch buffers, so a frame allocates nothing but its spot list growth.
/// </summary>
public sealed class FrameRenderer
{
    private readonly DetectorModel _detector;
    private readonly IReadOnlyList<ClassModel> _classes;
    private readonly double _hotCounts;
    private readonly long _seed;
    private readonly List<SpotPeak> _spots = new(512);
    private readonly double[] _amplitudes;

    /// <summary>Creates a renderer.</summary>
    /// <param name="detector">The detector.</param>
    /// <param name="classes">The classes.</param>
    /// <param name="hotCounts">Mean counts of an unmasked hot pixel.</param>
    /// <param name="seed">Noise seed (frame f uses stream f).</param>
    public FrameRenderer(DetectorModel detector, IReadOnlyList<ClassModel> classes, double hotCounts, long seed)
    {
        _detector = detector;
        _classes = classes;
        _hotCounts = hotCounts;
        _seed = seed;
        _amplitudes = new double[classes.Count == 0 ? 0 : classes.Max(c => c.WaxsImages.Length)];
        Lambda = new float[detector.Shape.PixelCount];
    }

    /// <summary>The mean image of the last frame (counts/pixel).</summary>
    public float[] Lambda { get; }

    /// <summary>Out-of-plane rotations smaller than this (degrees) reuse the class's precomputed WAXS amplitudes.</summary>
    public const double StaticRotationLimitDeg = 0.02;

    /// <summary>Writes the noise-free mean counts of <paramref name="point"/> into <paramref name="lambda"/>.</summary>
    /// <param name="point">The point.</param>
    /// <param name="lambda">Output, detector-sized.</param>
    /// <param name="includeBackground">False: spots only (backgrounds left out).</param>
    public void ComposeMean(in PointState point, Span<float> lambda, bool includeBackground = true)
    {
        double t = point.Thickness;
        double sampleShare = 0;
        foreach (var c in point.Contributions())
        {
            if (c.HasSample)
            {
                sampleShare += c.Fraction;
            }
        }

        if (includeBackground)
        {
            _detector.ComposeStatic(lambda, (float)(t * sampleShare));
        }
        else
        {
            lambda.Clear();
        }

        double k = _detector.Projection.WavenumberAngstrom;
        foreach (var c in point.Contributions())
        {
            if (!c.HasSample || c.Fraction <= 0)
            {
                continue;
            }

            var cls = _classes[c.ClassIndex];
            double scale = t * c.Fraction;
            bool rotated = Math.Abs(c.RotationDeg) >= StaticRotationLimitDeg;
            var rotation = rotated ? AxisAngle.RotationMatrixDeg(new Vec3(Math.Cos(c.AxisPhiDeg * Math.PI / 180), Math.Sin(c.AxisPhiDeg * Math.PI / 180), 0), c.RotationDeg) : Mat3.Identity;

            var al = cls.AtomicLattice;
            var amps = _amplitudes.AsSpan(0, al.Hkl.Length);
            if (rotated)
            {
                al.Amplitudes(rotation, amps);
            }
            else
            {
                for (int i = 0; i < amps.Length; i++)
                {
                    amps[i] = al.StaticSpots[i].Amplitude;
                }
            }

            for (int i = 0; i < amps.Length; i++)
            {
                if (amps[i] * scale * cls.WaxsImages[i].Max >= 1e-5)
                {
                    cls.WaxsImages[i].AddTo(lambda, (float)(amps[i] * scale));
                }
            }

            _spots.Clear();
            cls.SaxsSpots(rotation, c.QScale, k, _spots);
            foreach (var spot in _spots)
            {
                _detector.Rasterizer.AddTo(lambda, spot.Shape, scale);
            }
        }
    }

    /// <summary>Renders the detector frame of <paramref name="point"/> exposed as frame number <paramref name="frame"/>.</summary>
    public void Render(in PointState point, int frame, Span<uint> counts)
    {
        var lambda = Lambda.AsSpan();
        ComposeMean(point, lambda);
        foreach (int p in _detector.Defects.UnmaskedHotPixels)
        {
            lambda[p] += (float)_hotCounts;
        }

        counts.Clear();
        var rng = new Xoshiro256(_seed, frame);
        PoissonFrameSampler.Sample(lambda, counts, _detector.Shape.Rows, _detector.Shape.Cols, ref rng);
        foreach (var (start, length) in _detector.Defects.InvalidRuns)
        {
            counts.Slice(start, length).Fill(uint.MaxValue);
        }
    }
}
