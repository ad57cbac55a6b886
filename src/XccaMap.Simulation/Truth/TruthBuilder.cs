using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Ccf;
using XccaMap.Diffraction.Remap;
using XccaMap.Simulation.Model;
using XccaMap.Simulation.Rendering;
using XccaMap.Simulation.Scan;

namespace XccaMap.Simulation.Truth;

/// <summary>
/// Derives the per-class truth from the models: peak lists, ΔΦ in the convention of design.md §4.8, and the masked
/// CCF of the noise-free bulk pattern (a point fully inside the class, unit thickness, no compression or rotation).
/// </summary>
public sealed class TruthBuilder
{
    /// <summary>Number of φ bins of the CCF profiles (1° steps).</summary>
    public const int PhiBins = 360;

    private readonly ScanDefinition _scan;
    private readonly DetectorModel _detector;
    private readonly IReadOnlyList<ClassModel> _classes;
    private readonly FrameRenderer _renderer;
    private readonly DetectorMask _mask;
    private readonly Dictionary<(double, double), RemapTable> _tables = [];

    /// <summary>Prepares the builder (the analysis mask is pixel_mask ∪ beamstop).</summary>
    public TruthBuilder(ScanDefinition scan, DetectorModel detector, IReadOnlyList<ClassModel> classes)
    {
        _scan = scan;
        _detector = detector;
        _classes = classes;
        _renderer = new FrameRenderer(detector, classes, 0, 0);
        _mask = detector.AnalysisMask();
    }

    /// <summary>A point fully inside class <paramref name="classIndex"/>, far from any boundary, unit thickness.</summary>
    public static PointState BulkPoint(int classIndex) =>
        new(0, 0, classIndex, new Contribution(classIndex, -1, 1, 1, 0, 0), null, 1, double.PositiveInfinity);

    /// <summary>The noise-free bulk pattern of a class (counts/pixel), with or without backgrounds.</summary>
    public float[] Pattern(int classIndex, bool includeBackground = true)
    {
        var lambda = new float[_detector.Shape.PixelCount];
        _renderer.ComposeMean(BulkPoint(classIndex), lambda, includeBackground);
        return lambda;
    }

    /// <summary>Truth of class <paramref name="classIndex"/>; <paramref name="pattern"/> receives its noise-free pattern.</summary>
    public ClassTruth Build(int classIndex, out float[] pattern)
    {
        var cls = _classes[classIndex];
        pattern = Pattern(classIndex);
        var spotsOnly = Pattern(classIndex, includeBackground: false);
        double k = _detector.Projection.WavenumberAngstrom;

        var sl = new List<SpotPeak>();
        cls.SaxsSpots(Mat3.Identity, 1, k, sl);
        double slMin = 1e-3 * cls.SaxsPeakCounts;
        var slPeaks = sl.Where(s => s.Shape.Amplitude >= slMin).OrderByDescending(s => s.Shape.Amplitude).Select(ToTruth).ToList();

        var al = cls.AtomicLattice;
        double alMin = 1e-3 * Math.Max(al.PeakCounts, 1e-30);
        var alPeaks = al.Hkl.Select((h, i) => new SpotPeak(h, al.StaticSpots[i]))
            .Where(s => s.Shape.Amplitude >= alMin).OrderByDescending(s => s.Shape.Amplitude).Select(ToTruth).ToList();

        // ΔΦ from the strongest 200-type spot (prefer one the detector sees), eq. 7 of the S.I.
        var two00 = al.Hkl.Select((h, i) => (h, spot: al.StaticSpots[i]))
            .Where(x => x.h.SumOfSquares == 4)
            .OrderByDescending(x => IsOnDetector(x.spot.Q, x.spot.PhiDeg) ? 1 : 0).ThenByDescending(x => x.spot.Amplitude)
            .Select(x => x.spot).FirstOrDefault();
        double fwhmAz = two00.FwhmPhiDeg, fwhmRad = two00.FwhmQ / Math.Max(two00.Q, 1e-30) * 180 / Math.PI;

        var strongest = sl.Where(s => IsOnDetector(s.Shape.Q, s.Shape.PhiDeg)).OrderByDescending(s => s.Shape.Amplitude).FirstOrDefault();
        if (strongest.Shape.Amplitude <= 0)
        {
            strongest = sl.OrderByDescending(s => s.Shape.Amplitude).FirstOrDefault();
        }

        double q2 = 2 * Math.PI * 2 / _scan.Sample.AlAAngstrom;
        var ccf = Ccf(pattern, spotsOnly, strongest, q2, al.SigmaQ);
        var c = cls.Settings;
        return new ClassTruth
        {
            Index = classIndex,
            Name = cls.Name,
            ZoneAxis = new ZoneAxis(c.ZoneAxis[0], c.ZoneAxis[1], c.ZoneAxis[2]),
            InPlaneDeg = c.InPlaneDeg,
            Relation = cls.Relation.Name,
            SlAAngstrom = cls.Superlattice.LatticeA,
            DisorderSigmaDeg = c.AlDisorderSigmaDeg,
            LabFromSl = Flatten(cls.LabFromSl),
            LabFromAl = Flatten(cls.LabFromAl),
            SlPeaks = slPeaks,
            AlPeaks = alPeaks,
            Fwhm200AzDeg = fwhmAz,
            Fwhm200RadDeg = fwhmRad,
            DeltaPhiDeg = Math.Sqrt(Math.Max(0, (fwhmAz * fwhmAz) - (fwhmRad * fwhmRad))),
            Ccf = ccf,
        };
    }

    /// <summary>True when (q, φ) lands on a live pixel.</summary>
    public bool IsOnDetector(double q, double phiDeg)
    {
        if (!_detector.Projection.TryProject(q, phiDeg, out double r, out double c))
        {
            return false;
        }

        int ri = (int)Math.Floor(r), ci = (int)Math.Floor(c);
        var shape = _detector.Shape;
        return ri >= 0 && ri < shape.Rows && ci >= 0 && ci < shape.Cols && _detector.IsLive((ri * shape.Cols) + ci);
    }

    private PeakTruth ToTruth(SpotPeak p) =>
        new(p.Hkl, p.Shape.Q, p.Shape.PhiDeg, p.Shape.FwhmQ, p.Shape.FwhmPhiDeg, p.Shape.Amplitude, IsOnDetector(p.Shape.Q, p.Shape.PhiDeg));

    private CcfTruth Ccf(float[] pattern, float[] spotsOnly, SpotPeak strongest, double q2, double sigmaQ2)
    {
        double q1 = strongest.Shape.Q;
        // Windows: ±2σ of the SL spot (its radial profile) and ±1σ of the broader AL ring, each at least one pixel wide.
        double pixelQ = PixelQStep(q1);
        double w1 = Math.Max(2 * strongest.Shape.SigmaQ, pixelQ);
        double w2 = Math.Max(sigmaQ2, PixelQStep(q2));
        var (i1, wt1, phi) = Profile(pattern, q1, w1);
        var (i2, wt2, _) = Profile(pattern, q2, w2);
        var (s1, sw1, _) = Profile(spotsOnly, q1, w1);
        var (s2, sw2, _) = Profile(spotsOnly, q2, w2);
        return new CcfTruth
        {
            Q1 = q1,
            Q1HalfWidth = w1,
            Q1Reflection = $"{strongest.Hkl.H} {strongest.Hkl.K} {strongest.Hkl.L}",
            Q2 = q2,
            Q2HalfWidth = w2,
            DeltaDeg = Enumerable.Range(0, PhiBins).Select(j => MaskedCcf.LagDegrees(j, PhiBins)).ToArray(),
            Values = MaskedCcf.ComputeScaled(i1, wt1, i2, wt2),
            SpotsOnly = MaskedCcf.ComputeScaled(s1, sw1, s2, sw2),
            PhiDeg = phi,
            Profile1 = i1,
            Weight1 = wt1,
            Profile2 = i2,
            Weight2 = wt2,
        };
    }

    private double PixelQStep(double q)
    {
        // q change across one pixel at q, from the geometry (radial direction, small-tilt approximation).
        double tth = _detector.Projection.TwoThetaOf(q);
        double k = _detector.Projection.WavenumberAngstrom;
        double dTth = _detector.Poni.PixelSize1 / _detector.Poni.Distance * Math.Cos(tth) * Math.Cos(tth);
        return k * Math.Cos(tth / 2) * dTth;
    }

    private (double[] I, double[] W, double[] Phi) Profile(float[] frame, double q, double halfWidth)
    {
        var key = (q - halfWidth, q + halfWidth);
        if (!_tables.TryGetValue(key, out var table))
        {
            var bins = new RemapBins(key.Item1, key.Item2, 1, 0, 360, PhiBins);
            var options = new RemapOptions { Split = PixelSplit.Full, CorrectSolidAngle = true, PolarisationFactor = _scan.Beam.PolarisationFactor };
            table = RemapTable.Build(_detector.Pixels, _mask, bins, options);
            _tables[key] = table;
        }

        var acc = new RemapAccumulator(table);
        table.Integrate(frame, acc);
        var profile = AngularProfile.From(acc, key.Item1, key.Item2);
        return (profile.Intensity, profile.Weight, profile.Phi);
    }

    private static double[] Flatten(Mat3 m) => [m.M11, m.M12, m.M13, m.M21, m.M22, m.M23, m.M31, m.M32, m.M33];
}
