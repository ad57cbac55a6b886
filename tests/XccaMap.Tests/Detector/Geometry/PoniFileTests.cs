using XccaMap.Detector.Geometry;

namespace XccaMap.Tests.Detector.Geometry;

public sealed class PoniFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"xccamap-poni-{Guid.NewGuid():N}");

    public PoniFileTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static PoniGeometry Tilted() => new(
        0.41, 0.1492875, 0.0120525, 0.0123, -0.0081, 0.05, 0.898e-10,
        DetectorSpec.Generic(75e-6, 75e-6, DetectorShape.Eiger4M));

    [Fact]
    public void Version2_round_trip_is_exact()
    {
        var path = Path.Combine(_dir, "a.poni");
        var g = Tilted();
        g.Write(path);
        var back = PoniGeometry.Read(path);
        Assert.Equal(g, back);
        Assert.Contains("poni_version: 2", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Contains("\"max_shape\": [2167, 2070]", File.ReadAllText(path), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_is_atomic_and_overwrites()
    {
        var path = Path.Combine(_dir, "b.poni");
        File.WriteAllText(path, "old content");
        Tilted().Write(path);
        Assert.Equal(Tilted(), PoniGeometry.Read(path));
        Assert.Single(Directory.GetFiles(_dir)); // no temporary file left behind
    }

    [Fact]
    public void Reads_version1_with_pixel_sizes()
    {
        const string text = """
            # Nota: C-Order, 1 refers to the Y axis, 2 to the X axis
            # Calibration done at Mon Jan 1 00:00:00 2018
            PixelSize1: 7.5e-05
            PixelSize2: 7.4e-05
            Distance: 0.41
            Poni1: 0.14925
            Poni2: 0.012
            Rot1: 0.01
            Rot2: 0
            Rot3: 0
            SplineFile: None
            Wavelength: 8.98e-11
            """;
        var g = PoniFile.Parse(text, "v1.poni");
        Assert.Equal(0.41, g.Distance);
        Assert.Equal(7.5e-5, g.PixelSize1);
        Assert.Equal(7.4e-5, g.PixelSize2);
        Assert.Equal(0.01, g.Rot1);
        Assert.Equal(8.98e-11, g.Wavelength);
        Assert.Null(g.Detector.Shape);
        Assert.Throws<InvalidOperationException>(() => g.RequireShape());
    }

    [Fact]
    public void Reads_named_eiger4m_with_empty_config()
    {
        const string text = "poni_version: 2\nDetector: Eiger4M\nDetector_config: {}\nDistance: 0.41\nPoni1: 0.1\nPoni2: 0.02\nRot1: 0\nRot2: 0\nRot3: 0\nWavelength: 8.98e-11\n";
        var g = PoniFile.Parse(text);
        Assert.Equal(DetectorShape.Eiger4M, g.Detector.Shape);
        Assert.Equal(75e-6, g.PixelSize1);
        Assert.Contains("Detector: Eiger4M", PoniFile.Format(g), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("poni_version: 2\nDetector: Detector\nDetector_config: {\"pixel1\": 7.5e-05, \"pixel2\": 7.5e-05}\nPoni1: 0.1\nPoni2: 0.1\nWavelength: 1e-10\n", "missing 'dist'")]
    [InlineData("poni_version: 2\nDetector: Pilatus9M\nDetector_config: {}\nDistance: 0.4\nPoni1: 0.1\nPoni2: 0.1\nWavelength: 1e-10\n", "unknown")]
    [InlineData("poni_version: 2\nDetector: Detector\nDetector_config: {\"pixel1\": 7.5e-05, \"pixel2\": 7.5e-05}\nDistance: 0.4\nPoni1: 0.1\nPoni2: 0.1\n", "missing 'wavelength'")]
    [InlineData("poni_version: 2\nDetector: Detector\nDetector_config: {pixel1}\nDistance: 0.4\nPoni1: 0.1\nPoni2: 0.1\nWavelength: 1e-10\n", "not valid JSON")]
    [InlineData("poni_version: 7\n", "poni_version 7")]
    [InlineData("Distance: 0.4\nPoni1: 0.1\nPoni2: 0.1\nWavelength: 1e-10\n", "PixelSize1")]
    public void Bad_files_name_the_file_and_the_problem(string text, string expected)
    {
        var e = Assert.Throws<PoniFormatException>(() => PoniFile.Parse(text, "bad.poni"));
        Assert.Contains("bad.poni", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nxmx_factory_puts_beam_centre_y_on_poni1()
    {
        var g = PoniGeometry.FromNxmx(beamCenterX: 160, beamCenterY: 1990, distance: 0.41, pixelSize: 75e-6, wavelength: 0.898e-10, DetectorShape.Eiger4M);
        Assert.Equal(1990 * 75e-6, g.Poni1, 15);
        Assert.Equal(160 * 75e-6, g.Poni2, 15);
        Assert.True(g.IsUntilted);
        Assert.Equal(DetectorShape.Eiger4M, g.RequireShape());
    }
}
