using System.Text.Json;
using XccaMap.Cli;
using XccaMap.Crystallography.Geometry;
using XccaMap.Detector.Geometry;

namespace XccaMap.Tests.Crystallography.Simulation;

/// <summary><c>xccamap simulate-pattern</c> end to end on a small detector (the pattern model is tested beside it).</summary>
[Collection("Console")]
public class SimulatePatternCommandTests
{
    private static (int Code, string Stdout) Run(params string[] args)
    {
        var stdout = Console.Out;
        var stderr = Console.Error;
        var capture = new StringWriter();
        try
        {
            Console.SetOut(capture);
            Console.SetError(TextWriter.Null);
            return (CliApp.Run(args), capture.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    // 301 × 301 pixels of 75 µm at 0.5 m, beam in the centre: q up to ≈ 0.157 Å⁻¹ at 0.898 Å (the 200 ring at 80 px).
    private static string Poni(TempDir dir)
    {
        string path = dir.File("small.poni");
        new PoniGeometry(0.5, 150.5 * 75e-6, 150.5 * 75e-6, 0, 0, 0, 0.898e-10, new DetectorSpec("Detector", 75e-6, 75e-6, new DetectorShape(301, 301))).Write(path);
        return path;
    }

    private static List<(int[] Hkl, double Q, double Phi, double I, bool On)> Reflections(JsonElement list) =>
        list.EnumerateArray().Select(r => (
            r.GetProperty("hkl").EnumerateArray().Select(x => x.GetInt32()).ToArray(),
            r.GetProperty("q").GetDouble(), r.GetProperty("phi").GetDouble(), r.GetProperty("intensity").GetDouble(),
            r.GetProperty("on_detector").GetBoolean())).ToList();

    [Fact]
    public void Zone001_JsonListsThe200At90Degrees_AndWritesAPng()
    {
        using var dir = new TempDir();
        string png = dir.File("p001.png");
        var (code, json) = Run("simulate-pattern", "--zone", "0,0,1", "--a", "150", "--poni", Poni(dir), "--in-plane", "10", "--out", png, "--json");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(File.ReadAllBytes(png).AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }));
        using var doc = JsonDocument.Parse(json);
        var refl = Reflections(doc.RootElement.GetProperty("reflections"));
        var s200 = refl.Where(r => r.Hkl.Sum(x => x * x) == 4).ToList();
        Assert.Equal(4, s200.Count);
        Assert.All(s200, r => Assert.Equal(4 * Math.PI / 150, r.Q, 5));
        Assert.Equal([10.0, 100, 190, 280], s200.Select(r => r.Phi).Order().ToArray());
        Assert.All(s200, r => Assert.True(r.On));
        var s220 = refl.Where(r => r.Hkl.Sum(x => x * x) == 8).ToList();
        Assert.All(s220, r => Assert.Equal(Math.Sqrt(2), r.Q / s200[0].Q, 4));
        Assert.Equal(1.0, refl.Max(r => r.I), 6);
    }

    [Fact]
    public void Zone110_111And200_At54_74Degrees_QRatioSqrt3Over2()
    {
        using var dir = new TempDir();
        var (code, json) = Run("simulate-pattern", "--zone", "1,1,0", "--a", "150", "--poni", Poni(dir), "--json");
        Assert.Equal(ExitCodes.Ok, code);
        using var doc = JsonDocument.Parse(json);
        var refl = Reflections(doc.RootElement.GetProperty("reflections"));
        var s111 = refl.Where(r => r.Hkl.Sum(x => x * x) == 3).ToList();
        var s200 = refl.Where(r => r.Hkl.Sum(x => x * x) == 4).ToList();
        Assert.Equal(4, s111.Count);
        Assert.Equal(2, s200.Count);
        Assert.Equal(Math.Sqrt(3) / 2, s111[0].Q / s200[0].Q, 4);
        foreach (var a in s111)
        {
            double nearest = s200.Min(b => Angles.CircularDistanceDeg(a.Phi, b.Phi));
            Assert.Equal(54.7356, nearest, 3);
        }
    }

    [Fact]
    public void RotationSeries_About010_ReachesThe103Zone()
    {
        using var dir = new TempDir();
        double theta = Angles.ToDeg(Math.Atan(1.0 / 3));
        var (code, json) = Run("simulate-pattern", "--zone", "0,0,1", "--a", "150", "--poni", Poni(dir), "--json",
            "--rotate-axis", "0,1,0", "--rotate-to", theta.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "--rotate-steps", "2",
            "--out", dir.File("series.png"));
        Assert.Equal(ExitCodes.Ok, code);
        Assert.True(File.Exists(dir.File("series_000.png")) && File.Exists(dir.File("series_001.png")));
        using var doc = JsonDocument.Parse(json);
        JsonElement last = doc.RootElement.GetProperty("series")[1];
        double[] beam = last.GetProperty("beam_in_crystal").EnumerateArray().Select(x => x.GetDouble()).ToArray();
        Assert.Equal(1 / Math.Sqrt(10), Math.Abs(beam[0]), 5);
        Assert.Equal(3 / Math.Sqrt(10), Math.Abs(beam[2]), 5);
        // (0 2 0) lies on the axis: same φ in both patterns.
        double Phi020(JsonElement step) => Reflections(step.GetProperty("reflections")).Single(r => r.Hkl.SequenceEqual(new[] { 0, 2, 0 })).Phi;
        Assert.Equal(Phi020(doc.RootElement.GetProperty("series")[0]), Phi020(last), 6);
    }

    [Fact]
    public void BadZone_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, Run("simulate-pattern", "--zone", "1,1", "--a", "150", "--json").Code);
        Assert.Equal(ExitCodes.Usage, Run("simulate-pattern", "--zone", "0,0,0", "--a", "150", "--json").Code);
    }
}
