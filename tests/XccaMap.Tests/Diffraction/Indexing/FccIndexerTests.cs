using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Processing;

namespace XccaMap.Tests.Diffraction.Indexing;

public class FccIndexerTests
{
    private static double Q(int n, double a) => FccReflections.Q(n, a);

    [Fact]
    public void AllowedLines_AreTheFccSequence()
    {
        Assert.Equal([3, 4, 8, 11, 12, 16, 19, 20, 24, 27], FccReflections.AllowedN(27));
        Assert.Equal("511/333", FccReflections.Label(27));
        Assert.Equal("200", FccReflections.Label(4));
    }

    [Theory]
    [InlineData(150.1)]
    [InlineData(212.0)]
    [InlineData(96.5)]
    public void Recovers_KnownLatticeConstant_From111_200_220_311_222(double a)
    {
        var rng = new Random(3);
        var q = new[] { 3, 4, 8, 11, 12 }.Select(n => Q(n, a) * (1 + (0.004 * (rng.NextDouble() - 0.5)))).ToList();
        var ix = FccIndexer.Index(q);
        Assert.Equal(5, ix.IndexedCount);
        Assert.Equal(["111", "200", "220", "311", "222"], ix.Peaks.Select(p => p.Hkl!).ToArray());
        Assert.InRange(ix.MeanA / a, 0.997, 1.003);
        Assert.InRange(ix.LatticeConstant / a, 0.997, 1.003);
        Assert.True(ix.StdA < 0.01 * a);
    }

    [Fact]
    public void PerPeakLatticeConstants_AreTableS1Style()
    {
        // Table S1, orange domain: 0.082 (200), 0.141 (311), 0.163 (400), 0.181 (331); ⟨a⟩ = 151.3 ± 3.0 Å.
        var ix = FccIndexer.Index([0.082, 0.141, 0.163, 0.181]);
        Assert.Equal(["200", "311", "400", "331"], ix.Peaks.Select(p => p.Hkl!).ToArray());
        Assert.Equal(153.2, ix.Peaks[0].A, 0.1);
        Assert.Equal(147.8, ix.Peaks[1].A, 0.1);
        Assert.Equal(154.2, ix.Peaks[2].A, 0.1);
        Assert.Equal(151.3, ix.Peaks[3].A, 0.1);
        Assert.Equal(151.6, ix.MeanA, 0.1);
        Assert.Equal(2.8, ix.StdA, 0.1);
    }

    [Fact]
    public void DoubledLattice_IsNotChosen_AndMissingLinesAreTolerated()
    {
        // 200, 220, 400 only (a [001] zone): the doubled lattice explains them too but predicts many absent lines.
        const double a = 180;
        var ix = FccIndexer.Index([Q(4, a), Q(8, a), Q(16, a)]);
        Assert.InRange(ix.MeanA, a * 0.99, a * 1.01);
    }

    [Fact]
    public void UnexplainedPeak_IsReportedNotIndexed()
    {
        const double a = 150;
        var ix = FccIndexer.Index([Q(3, a), Q(4, a), Q(8, a), Q(11, a), 0.1010]);
        Assert.Equal(4, ix.IndexedCount);
        Assert.False(ix.Peaks.Single(p => Math.Abs(p.Q - 0.1010) < 1e-9).IsIndexed);
        Assert.InRange(ix.MeanA, a * 0.995, a * 1.005);
    }

    [Fact]
    public void IndexWith_AssignsLinesOfAKnownLattice()
    {
        const double a = 150;
        var ix = FccIndexer.IndexWith([Q(4, a) * 1.01, Q(16, a) * 0.995], a);
        Assert.Equal(["200", "400"], ix.Peaks.Select(p => p.Hkl!).ToArray());
        Assert.InRange(ix.MeanA, 148, 151);
    }

    [Fact]
    public void RockSalt_AtomicLattice_IsIndexed()
    {
        var ix = FccIndexer.Index([1.833, 2.117]);
        Assert.Equal(["111", "200"], ix.Peaks.Select(p => p.Hkl!).ToArray());
        Assert.Equal(5.936, ix.MeanA, 0.01);
    }

    [Fact]
    public void AtomicLattice_WithAStrayRing_KeepsItsLattice_AtTheAtomicTolerance()
    {
        // PbS 111, 200 and 220 of a simulated scan with a stray ring at 2.526 Å⁻¹ between 200 and 220. At the
        // superlattice's 3 % all four fit 220, 311, 400, 420 of a = 9.7 Å (four lines minus two missing beat three);
        // the atomic lattice's 1 % leaves the stray ring unindexed.
        double[] q = [1.8353, 2.1175, 2.5264, 2.9871];
        Assert.InRange(FccIndexer.Index(q).MeanA, 9.5, 10);
        var ix = FccIndexer.Index(q, new ProcessingConfig().AtomicIndexing);
        Assert.Equal(["111", "200", "-", "220"], ix.Peaks.Select(p => p.Hkl ?? "-").ToArray());
        Assert.Equal(5.936, ix.MeanA, 0.01);
    }
}
