using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Simulation;
using XccaMap.Crystallography.Symmetry;

namespace XccaMap.Tests.Crystallography.Simulation;

public class DomainCcfModelTests
{
    private const double Lambda = 0.898;
    private const double Q200Al = 2.117;

    private static DomainCcfModel Model(ZoneAxis zone, OrientationRelation relation, double q1) => new(new DomainCcfSetup
    {
        Zone = zone,
        Relation = relation,
        Q1 = q1,
        Q2 = Q200Al,
        WavelengthAngstrom = Lambda,
    });

    private static double[] Phis(IEnumerable<RingPeak> peaks, double minAmplitude = 0.05) =>
        peaks.Where(p => p.Peak.Amplitude >= minAmplitude).Select(p => Math.Round(Angles.Wrap360(p.Peak.PhiDeg), 6) % 360).Order().ToArray();

    [Fact]
    public void RingFamilies_AreFoundFromQ_AndPlacedExactlyOnTheMeasuredRing()
    {
        DomainCcfModel m = Model(new ZoneAxis(1, 1, 0), OrientationRelation.Conf1, 0.141); // 311 of a ≈ 148 Å lattice
        Assert.Equal(new Miller(3, 1, 1), m.Ring1.Family);
        Assert.Equal(24, m.Ring1.Hkl.Count);
        Assert.Equal(new Miller(2, 0, 0), m.Ring2.Family);
        Assert.Equal(6, m.Ring2.Hkl.Count);
        Assert.All(m.Ring1.CrystalVectors, g => Assert.Equal(0.141, g.Norm, 12));
        Assert.True(Math.Abs(m.Ring1.Mismatch) < 0.02);
    }

    [Fact]
    public void Zone001_Conf1_FourWaxs200At45DegreesFromTheSaxs200()
    {
        DomainCcfModel m = Model(new ZoneAxis(0, 0, 1), OrientationRelation.Conf1, 0.0838);
        var p = new DomainCcfParameters(10, Vec3.Zero, 1.5, 7);
        Assert.Equal([10, 100, 190, 280], Phis(m.Ring1Peaks(p)));
        Assert.Equal([55, 145, 235, 325], Phis(m.Ring2Peaks(p)));
    }

    [Fact]
    public void Zone001_Conf2_OnlyTwoWaxs200MeetTheBraggCondition()
    {
        DomainCcfModel m = Model(new ZoneAxis(0, 0, 1), OrientationRelation.Conf2, 0.0838);
        var p = new DomainCcfParameters(10, Vec3.Zero, 1.5, 7);
        // [011]AL along the beam: (±2 0 0) lie in the plane, the other four 200 sit at ±45° elevation.
        Assert.Equal([55, 235], Phis(m.Ring2Peaks(p)));
        Assert.All(m.Ring2Peaks(p, 1e-12).Where(r => Math.Abs(r.ElevationDeg) > 40), r => Assert.True(r.Peak.Amplitude < 1e-4));
    }

    [Fact]
    public void Zone110_Conf1TurnedBy45DegreesAboutTheBeam_IsConf2()
    {
        // [110]SL ∥ [100]AL is the beam: Conf2 is Conf1 turned by 45° about [100]AL (the paper's statement),
        // so in a [110] domain the WAXS peaks of Conf2 are those of Conf1 shifted by 45° in φ.
        DomainCcfModel c1 = Model(new ZoneAxis(1, 1, 0), OrientationRelation.Conf1, 0.139);
        DomainCcfModel c2 = Model(new ZoneAxis(1, 1, 0), OrientationRelation.Conf2, 0.139);
        double[] conf2 = Phis(c2.Ring2Peaks(new DomainCcfParameters(64, Vec3.Zero, 1.5, 7)));
        double[] conf1Turned = Phis(c1.Ring2Peaks(new DomainCcfParameters(64, new Vec3(0, 0, 45), 1.5, 7)));
        double[] conf1TurnedBack = Phis(c1.Ring2Peaks(new DomainCcfParameters(64, new Vec3(0, 0, -45), 1.5, 7)));
        Assert.Equal(4, conf2.Length);
        Assert.True(conf2.SequenceEqual(conf1Turned) || conf2.SequenceEqual(conf1TurnedBack));
        Mat3 sl = c1.LabFromSl(64);
        double angle = Misorientation.CubicDisorientationAngleDeg(c2.LabFromAl(sl, Vec3.Zero), c1.LabFromAl(sl, new Vec3(0, 0, 45)));
        Assert.Equal(0, angle, 6);
    }

    [Fact]
    public void Ccf_OfConf1And001_HasPeaksAt45DegreesPlusMultiplesOf90()
    {
        DomainCcfModel m = Model(new ZoneAxis(0, 0, 1), OrientationRelation.Conf1, 0.0838);
        var sim = new CcfSimulator(720);
        double[] deltas = Enumerable.Range(0, 360).Select(i => (double)i).ToArray();
        double[] c = CcfSimulator.ScaleToUnit(m.Ccf(sim, new DomainCcfParameters(10, Vec3.Zero, 1.5, 7), deltas));
        foreach (int d in new[] { 45, 135, 225, 315 })
        {
            Assert.True(c[d] > 0.99, $"C({d}) = {c[d]}");
        }

        Assert.True(c[0] < 0.01 && c[90] < 0.01);
    }

    [Fact]
    public void ZoneVariants_110And_110DifferForConf2_ButNotForConf1()
    {
        IReadOnlyList<ZoneAxis> conf1 = ZoneVariants.Distinct(new ZoneAxis(1, 1, 0), OrientationRelation.Conf1);
        IReadOnlyList<ZoneAxis> conf2 = ZoneVariants.Distinct(new ZoneAxis(1, 1, 0), OrientationRelation.Conf2);
        Assert.Contains(new ZoneAxis(1, 1, 0), conf1);
        Assert.DoesNotContain(new ZoneAxis(-1, 1, 0), conf1); // 90° about [001] is shared by SL and Conf1's AL
        Assert.Contains(new ZoneAxis(1, 1, 0), conf2);
        Assert.True(conf2.Count > conf1.Count);
        // Along [110] Conf2 shows four in-plane 200_AL, along [-110] two: the variants are physically different.
        int Waxs(ZoneAxis z) => Phis(Model(z, OrientationRelation.Conf2, 0.0838).Ring2Peaks(new DomainCcfParameters(0, Vec3.Zero, 1.5, 7))).Length;
        Assert.Equal(4, Waxs(new ZoneAxis(1, 1, 0)));
        Assert.Equal(2, Waxs(new ZoneAxis(-1, 1, 0)));
        // ⟨001⟩ under Conf1: [001]SL ∥ [001]AL, but [010]SL lies between [100]AL and [010]AL — two variants.
        Assert.Equal([new ZoneAxis(0, 0, 1), new ZoneAxis(0, 1, 0)], ZoneVariants.Distinct(new ZoneAxis(0, 0, 1), OrientationRelation.Conf1).OrderBy(z => z.V).ToArray());
    }
}
