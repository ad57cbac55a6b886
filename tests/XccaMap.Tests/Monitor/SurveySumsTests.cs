using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Processing;
using XccaMap.Monitor.Live;

namespace XccaMap.Tests.Monitor;

/// <summary>The survey's plain twin (used by a quick setup before the survey table is built) gives the table's sums.</summary>
public sealed class SurveySumsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_plain_twin_gives_the_survey_tables_sums(bool polarisation)
    {
        using var dir = new TempDir();
        var staging = MonitorTestScan.Stage(dir);
        var poni = PoniGeometry.Read(Path.Combine(staging, "syn.poni"));
        using var scan = EigerScan.Open(Path.Combine(staging, "syn_master.h5"));
        var config = new ProcessingConfig { PolarisationFactor = polarisation ? 0.95 : null };
        var prepared = LiveSetupBuilder.Prepare(poni, new DetectorShape(scan.Rows, scan.Columns), [Path.Combine(staging, "syn_beamstop.npy")], config);
        uint[] pixels;
        using (var frame = scan.ReadFrame(3))
        {
            pixels = frame.Data.ToArray();
        }

        pixels[pixels.Length / 2 + 40] = uint.MaxValue; // missing in this frame only
        var table = SurveySums.FromTable(prepared.SurveyTable, pixels);
        var twin = SurveySums.FromPixels(prepared, pixels);

        Assert.Equal(1, twin.Frames);
        Assert.Equal(table.Frames, twin.Frames);
        Assert.Equal(table.Count, twin.Count); // whole pixels: exact
        Assert.Equal(table.Signal, twin.Signal); // integer counts: exact
        for (int b = 0; b < table.Normalisation.Length; b++)
        {
            Assert.True(Math.Abs(table.Normalisation[b] - twin.Normalisation[b]) <= 1e-12 * Math.Abs(table.Normalisation[b]), $"bin {b}: {table.Normalisation[b]} vs {twin.Normalisation[b]}");
        }

        Assert.True(table.Count.Sum() > 0.5 * pixels.Length, "most pixels are in the survey");
    }
}
