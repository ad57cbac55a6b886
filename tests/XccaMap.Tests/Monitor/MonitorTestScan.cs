using XccaMap.Diffraction.Processing;
using XccaMap.Diffraction.Results;
using XccaMap.Detector.Geometry;
using XccaMap.Monitor;
using XccaMap.Tests.Diffraction.Processing;

namespace XccaMap.Tests.Monitor;

/// <summary>The small synthetic scan (256 × 256 detector, 10 × 12 snake raster) written once to a staging folder, and helpers to monitor it.</summary>
internal static class MonitorTestScan
{
    public static readonly Raster Raster = new(SyntheticScan.Rows, SyntheticScan.Cols, Snake: true);

    /// <summary>Writes the scan into <paramref name="dir"/>/staging and returns that folder.</summary>
    public static string Stage(TempDir dir, int framesPerFile = 10)
    {
        var staging = dir.File("staging");
        Directory.CreateDirectory(staging);
        SyntheticScan.Write(staging, framesPerFile: framesPerFile);
        return staging;
    }

    public static MonitorOptions Options(string scanDir, string outDir, double idleSeconds = 4) => new()
    {
        Source = scanDir,
        Raster = Raster,
        PoniPath = Path.Combine(scanDir, "syn.poni"),
        MaskFiles = [Path.Combine(scanDir, "syn_beamstop.npy")],
        OutputDirectory = outDir,
        IdleTimeout = TimeSpan.FromSeconds(idleSeconds),
        PollInterval = TimeSpan.FromMilliseconds(50),
        CheckpointFrames = 20,
        CheckpointInterval = TimeSpan.FromSeconds(1),
    };

    /// <summary>What <c>xccamap process</c> gives on the finished scan.</summary>
    public static ScanResult Process(string scanDir) =>
        ScanProcessor.Run(new ProcessingRequest(Path.Combine(scanDir, "syn_master.h5"), Raster, PoniGeometry.Read(Path.Combine(scanDir, "syn.poni")))
        {
            MaskFiles = [Path.Combine(scanDir, "syn_beamstop.npy")],
        });

    /// <summary>The maps of two results are the same (classes exactly; values bit for bit, NaN where NaN).</summary>
    public static void AssertSameMaps(ScanResult expected, ScanResult actual)
    {
        Assert.Equal(expected.SaxsClass, actual.SaxsClass);
        Assert.Equal(expected.WaxsClass, actual.WaxsClass);
        Assert.Equal(expected.HasData, actual.HasData);
        AssertSame(expected.SaxsIntensity, actual.SaxsIntensity, "saxs_intensity");
        AssertSame(expected.WaxsIntensity, actual.WaxsIntensity, "waxs_intensity");
        Assert.Equal(expected.QMaps.Count, actual.QMaps.Count);
        for (int i = 0; i < expected.QMaps.Count; i++)
        {
            Assert.Equal(expected.QMaps[i].Hkl, actual.QMaps[i].Hkl);
            AssertSame(expected.QMaps[i].Values, actual.QMaps[i].Values, "q_" + expected.QMaps[i].Hkl);
        }
    }

    private static void AssertSame(float[] a, float[] b, string what)
    {
        Assert.Equal(a.Length, b.Length);
        for (int i = 0; i < a.Length; i++)
        {
            Assert.True(a[i].Equals(b[i]) || (float.IsNaN(a[i]) && float.IsNaN(b[i])), $"{what}[{i}]: {a[i]} vs {b[i]}");
        }
    }
}
