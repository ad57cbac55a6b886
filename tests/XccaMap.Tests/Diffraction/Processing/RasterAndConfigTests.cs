using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Processing;

namespace XccaMap.Tests.Diffraction.Processing;

public class RasterAndConfigTests
{
    [Fact]
    public void Snake_ReversesOddRows()
    {
        var r = new Raster(3, 4, Snake: true);
        Assert.Equal((0, 3), r.PointOfFrame(3));
        Assert.Equal((1, 3), r.PointOfFrame(4));
        Assert.Equal((1, 0), r.PointOfFrame(7));
        Assert.Equal((2, 0), r.PointOfFrame(8));
        Assert.Equal(7, new Raster(3, 4, false).MapIndexOfFrame(7));
        Assert.Equal(4, r.MapIndexOfFrame(7));
    }

    [Fact]
    public void Parse_AndScanFiles()
    {
        Assert.Equal(new Raster(121, 121, true), Raster.Parse("121x121", snake: true));
        Assert.Throws<FormatException>(() => Raster.Parse("12*3", false));
        using var dir = new TempDir();
        File.WriteAllText(dir.File("a.json"), """{ "rows": 12, "cols": 10, "order": "snake", "step_um": 0.5, "poni_file": "g.poni" }""");
        File.WriteAllText(dir.File("b.json"), """
            { // a scan definition
              "raster": { "rows": 3, "cols": 4, "order": "row-major" }, }
            """);
        var a = ScanFile.Read(dir.File("a.json"));
        Assert.Equal(new Raster(12, 10, true, 0.5), a.Raster);
        Assert.Equal(dir.File("g.poni"), a.PoniPath);
        Assert.Equal(new Raster(3, 4, false), ScanFile.Read(dir.File("b.json")).Raster);
        File.WriteAllText(dir.File("c.json"), """{ "rows": 3 }""");
        Assert.Throws<InvalidDataException>(() => ScanFile.Read(dir.File("c.json")));
    }

    [Fact]
    public void Config_SnakeCaseKeys_EnumsAndUnknownKeys()
    {
        var c = ProcessingConfigFile.Parse("""
            {
              "survey_frames": 50,
              "rings": { "split_q": 0.5, "superlattice": [ { "q": 0.0838 }, { "q": 0.139, "half_width": 0.002 } ] },
              "angular": { "saxs_fingerprint": "rings" },
              "saxs_classification": { "classes": 4 },
              "q_fit": { "reflections": [ "200", "0.1389" ] },
            }
            """);
        Assert.Equal(50, c.SurveyFrames);
        Assert.Equal(0.5, c.Rings.SplitQ);
        Assert.Equal(0.002, c.Rings.Superlattice![1].HalfWidth);
        Assert.Equal(FingerprintSource.Rings, c.Angular.SaxsFingerprint);
        Assert.Equal(4, c.SaxsClassification.Classes);
        Assert.Null(c.WaxsClassification.Classes);
        Assert.Equal(["200", "0.1389"], c.QFit.Reflections!);
        var e = Assert.Throws<System.Text.Json.JsonException>(() => ProcessingConfigFile.Parse("""{ "ring": {} }"""));
        Assert.Contains("ring", e.Message, StringComparison.Ordinal);

        // Round trip of the defaults.
        var back = ProcessingConfigFile.Parse(ProcessingConfigFile.Serialize(new ProcessingConfig()));
        Assert.Equal(new ProcessingConfig().ClassAverageFrames, back.ClassAverageFrames);
    }
}
