using XccaMap.Crystallography.FormFactors;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Structures;
using XccaMap.Simulation.Rendering;
using XccaMap.Simulation.Scan;

namespace XccaMap.Simulation.Model;

/// <summary>
/// One domain class, ready to draw: superlattice orientation (zone axis along the beam, in-plane rotation), the
/// atomic lattice in Conf1/Conf2 relation to it with its disorder integrated (<see cref="AtomicLatticeModel"/>), and
/// the WAXS spots pre-rendered once at unit amplitude (per-point work only scales and adds them).
/// </summary>
public sealed class ClassModel
{
    private ClassModel(int index, ClassSettings settings, Mat3 labFromSl, OrientationRelation relation, SuperlatticeModel superlattice,
        AtomicLatticeModel atomicLattice, SparseImage[] waxsImages, double saxsPeakCounts, double minSaxsAmplitude)
    {
        Index = index;
        Settings = settings;
        LabFromSl = labFromSl;
        Relation = relation;
        LabFromAl = relation.LabFromAl(labFromSl);
        Superlattice = superlattice;
        AtomicLattice = atomicLattice;
        WaxsImages = waxsImages;
        SaxsPeakCounts = saxsPeakCounts;
        MinSaxsAmplitude = minSaxsAmplitude;
    }

    /// <summary>Class id (index in the scan's class list).</summary>
    public int Index { get; }

    /// <summary>The class as defined in the scan file.</summary>
    public ClassSettings Settings { get; }

    /// <summary>Name.</summary>
    public string Name => Settings.Name;

    /// <summary>Superlattice orientation, lab ← SL crystal frame.</summary>
    public Mat3 LabFromSl { get; }

    /// <summary>Atomic-lattice mean orientation, lab ← AL crystal frame.</summary>
    public Mat3 LabFromAl { get; }

    /// <summary>Conf1 or Conf2.</summary>
    public OrientationRelation Relation { get; }

    /// <summary>SAXS model.</summary>
    public SuperlatticeModel Superlattice { get; }

    /// <summary>WAXS model.</summary>
    public AtomicLatticeModel AtomicLattice { get; }

    /// <summary>Unit-amplitude images of the WAXS candidate spots (same order as the model's candidates).</summary>
    public SparseImage[] WaxsImages { get; }

    /// <summary>Peak counts of a fully excited SL reflection with the largest |F|² (intensity scale included).</summary>
    public double SaxsPeakCounts { get; }

    /// <summary>SAXS spots below this peak (counts) are not drawn.</summary>
    public double MinSaxsAmplitude { get; }

    /// <summary>Builds class <paramref name="index"/> of <paramref name="scan"/> on <paramref name="detector"/>.</summary>
    public static ClassModel Create(ScanDefinition scan, int index, DetectorModel detector)
    {
        var c = scan.Classes[index];
        var s = scan.Sample;
        var labFromSl = OrientationFactory.FromZoneAxis(c.ZoneAxis[0], c.ZoneAxis[1], c.ZoneAxis[2], c.InPlaneDeg);
        var relation = c.Relation == "Conf2" ? OrientationRelation.Conf2 : OrientationRelation.Conf1;
        var sphere = new PolydisperseSphere(s.NcRadiusAngstrom, s.NcRadiusSigmaAngstrom);
        var sl = new SuperlatticeModel(c.SlAAngstrom ?? s.SlAAngstrom, sphere, s.SlQMaxInvAngstrom, 1 + s.BoundaryCompression,
            s.SlRadialSigmaInvAngstrom, s.SlMosaicSigmaDeg);
        double k = detector.Projection.WavenumberAngstrom;
        var al = new AtomicLatticeModel(StructureFactory.PbS(s.AlAAngstrom), s.AlQMaxInvAngstrom, relation.LabFromAl(labFromSl), c.AlDisorderSigmaDeg,
            s.AlOrientationSamples, unchecked((scan.Seed * 7919) + (1000 * (index + 1))), k, s.AlCrystalSizeAngstrom, s.ScherrerK,
            s.WaxsPeakCounts * c.IntensityScale, Math.Abs(s.BoundaryRotationDeg));
        var images = al.StaticSpots.Select(spot => detector.Rasterizer.Render(spot with { Amplitude = 1 })).ToArray();
        double saxs = s.SaxsPeakCounts * c.IntensityScale;
        return new ClassModel(index, c, labFromSl, relation, sl, al, images, saxs, 1e-5 * s.SaxsPeakCounts);
    }

    /// <summary>SAXS spots of this class at a point: lattice turned by <paramref name="extraRotation"/> and q scaled.</summary>
    public void SaxsSpots(Mat3 extraRotation, double qScale, double wavenumber, List<SpotPeak> output) =>
        Superlattice.Spots(extraRotation * LabFromSl, qScale, wavenumber, SaxsPeakCounts, MinSaxsAmplitude, output);
}
