using System.Text.Json;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Simulation;
using XccaMap.Simulation.Rendering;
using XccaMap.Simulation.Scan;

namespace XccaMap.Tests.Simulation;

/// <summary>The scan files in scans/, their documentation, and the calibration files in calibration/.</summary>
public sealed class ScanFilesTests
{
    public static TheoryData<string> Scans() => new(Directory.GetFiles(RepoFiles.ScansDirectory, "*.json").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Scans))]
    public void Every_scan_file_parses_and_validates(string file)
    {
        var d = ScanDefinitionJson.Read(RepoFiles.Scan(file));
        ScanValidation.Validate(d);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), d.Name);
    }

    [Fact]
    public void The_three_scans_differ_in_the_numbers_that_matter()
    {
        var p10 = ScanDefinitionJson.Read(RepoFiles.Scan("p10-pbs-121x121.json"));
        var alt = ScanDefinitionJson.Read(RepoFiles.Scan("alt-pbs-a130-11kev.json"));
        Assert.Equal((121, 121, 0.25), (p10.Raster.Rows, p10.Raster.Cols, p10.Raster.StepUm));
        Assert.Equal((0.898, 0.41), (p10.Beam.WavelengthAngstrom, p10.Detector.DistanceM));
        Assert.NotEqual(p10.Sample.SlAAngstrom, alt.Sample.SlAAngstrom);
        Assert.NotEqual(p10.Beam.WavelengthAngstrom, alt.Beam.WavelengthAngstrom);
        Assert.NotEqual(p10.Detector.DistanceM, alt.Detector.DistanceM);
        Assert.NotEqual(p10.Classes.Count, alt.Classes.Count);
        Assert.True(Math.Abs(alt.Detector.BeamCenterXPx - p10.Detector.BeamCenterXPx) > 1000 && Math.Abs(alt.Detector.BeamCenterYPx - p10.Detector.BeamCenterYPx) > 1000);
    }

    [Fact]
    public void Every_key_is_documented_in_the_scans_readme()
    {
        string readme = File.ReadAllText(RepoFiles.Scan("README.md"));
        var full = new ScanDefinition
        {
            Description = "x",
            Detector = new DetectorSettings { PoniFile = "x" },
            Beamstop = new BeamstopSettings { File = "x" },
            Classes = [new ClassSettings { SlAAngstrom = 1 }],
        };
        using var doc = JsonDocument.Parse(ScanDefinitionJson.Serialize(full));
        var keys = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    keys.Add(p.Name);
                    Walk(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var x in e.EnumerateArray())
                {
                    Walk(x);
                }
            }
        }

        Walk(doc.RootElement);
        Assert.All(keys.Distinct(), k => Assert.Contains($"`{k}`", readme, StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_keys_and_bad_values_are_reported_by_name()
    {
        var e = Assert.Throws<JsonException>(() => ScanDefinitionJson.Parse("""{ "raster": { "step_nm": 250 } }"""));
        Assert.Contains("step_nm", e.Message, StringComparison.Ordinal);
        var bad = ScanDefinitionJson.Parse("""{ "raster": { "rows": 0 }, "classes": [ { "relation": "Conf3" } ] }""");
        var v = Assert.Throws<InvalidDataException>(() => ScanValidation.Validate(bad));
        Assert.Contains("raster.rows", v.Message, StringComparison.Ordinal);
        Assert.Contains("relation", v.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Calibration_files_match_the_p10_scan_and_can_replace_its_inline_geometry()
    {
        var p10 = ScanDefinitionJson.Read(RepoFiles.Scan("p10-pbs-121x121.json"));
        var poni = PoniGeometry.Read(RepoFiles.Calibration("p10-eiger4m.poni"));
        Assert.Equal(p10.Detector.DistanceM, poni.Distance, 12);
        Assert.Equal(p10.Detector.BeamCenterYPx * 75e-6, poni.Poni1, 12);
        Assert.Equal(p10.Detector.BeamCenterXPx * 75e-6, poni.Poni2, 12);
        Assert.Equal(p10.Beam.WavelengthAngstrom, poni.Wavelength * 1e10, 12);
        Assert.Equal(DetectorShape.Eiger4M, poni.Detector.Shape);

        var beamstop = NpyReader.Read(RepoFiles.Calibration("p10-beamstop.npy"));
        var expected = BeamstopShape.Rasterize(2167, 2070, p10.Detector.BeamCenterYPx, p10.Detector.BeamCenterXPx,
            p10.Beamstop.RadiusPx, p10.Beamstop.HolderWidthPx, p10.Beamstop.HolderPhiDeg);
        Assert.Equal(expected, beamstop.ToNonZero());

        // The same scan through the files: same geometry maps, same beamstop.
        var viaFiles = p10 with
        {
            Raster = new RasterSettings { Rows = 1, Cols = 1 },
            Detector = new DetectorSettings { PoniFile = "../calibration/p10-eiger4m.poni" },
            Beamstop = new BeamstopSettings { File = "../calibration/p10-beamstop.npy" },
            Classes = [p10.Classes[0]],
        };
        var det = DetectorModel.Create(viaFiles, RepoFiles.ScansDirectory);
        Assert.Equal(expected, det.Beamstop);
        Assert.Equal(p10.Detector.BeamCenterYPx, det.BeamRow, 9);
        Assert.Equal(p10.Detector.BeamCenterXPx, det.BeamCol, 9);
        var wrongWavelength = viaFiles with { Beam = viaFiles.Beam with { WavelengthAngstrom = 1.0 } };
        Assert.Throws<InvalidDataException>(() => DetectorModel.Create(wrongWavelength, RepoFiles.ScansDirectory));
    }

    [Fact]
    public void The_p10_geometry_shows_saxs_rings_all_round_and_waxs_rings_1500_to_1710_px_away()
    {
        var p10 = ScanDefinitionJson.Read(RepoFiles.Scan("p10-pbs-121x121.json"));
        var poni = PoniGeometry.Read(RepoFiles.Calibration("p10-eiger4m.poni"));
        var projection = new DetectorProjection(poni);
        // SAXS: the superlattice rings of Table S1 (up to 331 at 0.183 Å⁻¹) stay on the image over all azimuths.
        for (int phi = 0; phi < 360; phi += 5)
        {
            Assert.True(projection.TryProject(0.2, phi, out double r, out double c));
            Assert.InRange(r, 0, 2167);
            Assert.InRange(c, 0, 2070);
        }

        // WAXS: 111 and 200 of PbS at 1500–1710 px from the beam, on the image over about 90°.
        foreach (double q in new[] { 2 * Math.PI * Math.Sqrt(3) / 5.936, 2 * Math.PI * 2 / 5.936 })
        {
            Assert.True(projection.TryProject(q, 315, out double r, out double c));
            double distance = Math.Sqrt(Math.Pow(r - 1990, 2) + Math.Pow(c - 180, 2));
            Assert.InRange(distance, 1450, 1730); // 111 at ≈ 1470 px, 200 at ≈ 1713 px ("~1500–1710 px", design.md §3)
            int seen = Enumerable.Range(0, 360).Count(phi => projection.TryProject(q, phi, out double rr, out double cc) && rr >= 0 && rr < 2167 && cc >= 0 && cc < 2070);
            Assert.InRange(seen, 85, 120);
        }
    }
}
