using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Results;
using XccaMap.Tests.Diffraction.Classification;

namespace XccaMap.Tests.Diffraction.Processing;

public class ScanProcessorTests
{
    private static ScanResult Process(SyntheticScan scan, ProcessingConfig? config = null) =>
        ScanProcessor.Run(new ProcessingRequest(scan.Master, new Raster(SyntheticScan.Rows, SyntheticScan.Cols, Snake: true), PoniGeometry.Read(scan.Poni))
        {
            MaskFiles = [scan.Beamstop],
            Config = config ?? new ProcessingConfig(),
        });

    internal static void AssertClassesMatch(int[] truth, int[] found, string what, double minAri = 0.95)
    {
        var pure = Enumerable.Range(0, truth.Length).Where(i => truth[i] >= 0).ToArray();
        double ari = AdjustedRand.Index(pure.Select(i => truth[i]).ToArray(), pure.Select(i => found[i]).ToArray());
        Assert.True(ari >= minAri, $"{what}: ARI {ari:0.000} over {pure.Length} pure points");
        int truthEmpty = truth.Count(t => t == ClassLabels.Empty);
        int foundEmpty = found.Count(t => t == ClassLabels.Empty);
        int both = Enumerable.Range(0, truth.Length).Count(i => truth[i] == ClassLabels.Empty && found[i] == ClassLabels.Empty);
        Assert.True(both >= 0.95 * truthEmpty && both >= 0.95 * foundEmpty, $"{what}: empty truth {truthEmpty}, found {foundEmpty}, both {both}");
    }

    [Fact]
    public void SyntheticScan_RingsLatticeClassesAndQMaps()
    {
        using var dir = new TempDir();
        var scan = SyntheticScan.Write(dir.PathName);

        // The toy classes' SAXS spots sit at chosen azimuths, not where a lattice puts them: the rim re-assignment,
        // which matches points against each class's lattice turned out of plane, has no lattice to model here.
        var r = Process(scan, new ProcessingConfig { SaxsClassification = new ProcessingConfig().SaxsClassification with { RotationReassignment = false } });

        // Rings: the SL lines 200, 220, 311 within a bin (111 is a shoulder of 200 at this detector's resolution),
        // and the two AL lines.
        double bin = r.SurveyQ[1] - r.SurveyQ[0];
        foreach (int n in new[] { 4, 8, 11 })
        {
            Assert.Contains(r.Rings.Superlattice, ring => Math.Abs(ring.Q - SyntheticScan.SlQ(n)) <= 1.5 * bin);
        }

        Assert.Equal(2, r.Rings.AtomicLattice.Count);
        Assert.InRange(r.SuperlatticeIndexing.MeanA, SyntheticScan.SlA * 0.99, SyntheticScan.SlA * 1.01);
        Assert.InRange(r.AtomicIndexing.MeanA, SyntheticScan.AlA * 0.99, SyntheticScan.AlA * 1.01);

        AssertClassesMatch(scan.Truth, r.SaxsClass, "SAXS");
        AssertClassesMatch(scan.Truth, r.WaxsClass, "WAXS");
        Assert.Equal(3, r.SaxsClassification!.ClassCount);
        Assert.Equal(3, r.WaxsClassification!.ClassCount);
        int mixedTruth = scan.Truth.Count(t => t == ClassLabels.Mixed);
        int mixedFound = Enumerable.Range(0, scan.Truth.Length).Count(i => scan.Truth[i] == ClassLabels.Mixed && r.SaxsClass[i] == ClassLabels.Mixed);
        Assert.True(mixedFound >= mixedTruth - 1, $"{mixedFound} of {mixedTruth} mixed points found");

        // Every class indexed within 1 % of the truth lattice.
        foreach (var d in r.Domains.Where(d => d.Modality == "saxs"))
        {
            Assert.InRange(d.Indexing.MeanA, SyntheticScan.SlA * 0.99, SyntheticScan.SlA * 1.01);
        }

        // q map of 220 (classes 1 and 3 have it): median relative error against the truth, bulk and compressed corner.
        // (200 sits on the shoulder of 111 and spans a handful of this coarse detector's pixels.)
        var q220 = r.QMaps.Single(m => m.Hkl == "220");
        var rel = Enumerable.Range(0, scan.Truth.Length)
            .Where(i => scan.Truth[i] >= 0 && float.IsFinite(q220.Values[i]) && scan.Truth[i] != 1)
            .Select(i => Math.Abs((q220.Values[i] / (SyntheticScan.SlQ(8) * scan.Scale[i])) - 1))
            .Order().ToArray();
        var corner = Enumerable.Range(0, scan.Truth.Length).Where(i => scan.Scale[i] > 1 && float.IsFinite(q220.Values[i])).ToArray();
        Assert.NotEmpty(corner);
        Assert.All(corner, i => Assert.InRange(q220.Values[i] / SyntheticScan.SlQ(8), SyntheticScan.Compression - 0.005, SyntheticScan.Compression + 0.005));
        Assert.True(rel.Length > 60, $"{rel.Length} points fitted");
        Assert.True(rel[rel.Length / 2] <= 0.003, $"median relative error {rel[rel.Length / 2]:P3}");

        Assert.Equal(SyntheticScan.Rows * SyntheticScan.Cols, r.FramesProcessed);
        Assert.Empty(r.Skipped);
        Assert.All(r.HasData, Assert.True);
    }

    [Fact]
    public void ScanThatStoppedEarly_ShowsNoDataAndGoesOn()
    {
        using var dir = new TempDir();
        var scan = SyntheticScan.Write(dir.PathName, framesWritten: 100);
        var r = Process(scan);
        Assert.Equal(100, r.FramesProcessed);
        Assert.Equal(20, r.PointsWithoutData);
        var raster = new Raster(SyntheticScan.Rows, SyntheticScan.Cols, true);
        for (int f = 100; f < raster.Points; f++)
        {
            int p = raster.MapIndexOfFrame(f);
            Assert.Equal(ClassLabels.NoData, r.SaxsClass[p]);
            Assert.Equal(ClassLabels.NoData, r.WaxsClass[p]);
            Assert.True(float.IsNaN(r.SaxsIntensity[p]));
        }
    }

    [Fact]
    public void MissingDataFile_IsSkippedCountedAndNamed()
    {
        using var dir = new TempDir();
        var scan = SyntheticScan.Write(dir.PathName, framesPerFile: 40);
        File.Delete(Path.Combine(dir.PathName, "syn_data_000002.h5"));
        var r = Process(scan);
        Assert.Equal(80, r.FramesProcessed);
        Assert.Equal(40, r.Skipped.Count);
        Assert.All(r.Skipped, s => Assert.InRange(s.Frame, 40, 79));
        Assert.Contains("syn_data_000002.h5", r.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.Equal(40, r.SaxsClass.Count(l => l == ClassLabels.NoData));
    }
}
