using XccaMap.Detector.Geometry;

namespace XccaMap.Tests.Detector.Geometry;

public sealed class PixelGeometryTests
{
    private static readonly DetectorShape Small = new(200, 300);

    private static PoniGeometry Untilted(double beamRow, double beamCol) =>
        PoniGeometry.FromNxmx(beamCol, beamRow, 0.2, 75e-6, 1e-10, Small);

    [Fact]
    public void Azimuth_is_measured_from_plus_column_towards_plus_row()
    {
        // Beam at the centre of pixel (100, 150): the pixels 20 away along ±column and ±row.
        var g = Untilted(100.5, 150.5);
        Assert.Equal(0.0, PixelGeometry.Evaluate(g, 100.5, 170.5).Phi, 9);
        Assert.Equal(90.0, PixelGeometry.Evaluate(g, 120.5, 150.5).Phi, 9);
        Assert.Equal(180.0, PixelGeometry.Evaluate(g, 100.5, 130.5).Phi, 9);
        Assert.Equal(270.0, PixelGeometry.Evaluate(g, 80.5, 150.5).Phi, 9);
        Assert.Equal(45.0, PixelGeometry.Evaluate(g, 120.5, 170.5).Phi, 9);
    }

    [Fact]
    public void Known_answers_untilted()
    {
        var g = Untilted(100.5, 150.5);
        var atBeam = PixelGeometry.Evaluate(g, 100.5, 150.5);
        Assert.Equal(0, atBeam.TwoTheta, 12);
        Assert.Equal(1, atBeam.SolidAngle, 12);

        // 400 pixels × 75 µm = 30 mm off axis at 0.2 m: tan 2θ = 0.15.
        var p = PixelGeometry.Evaluate(g, 100.5, 550.5);
        double tth = Math.Atan(0.15);
        Assert.Equal(tth, p.TwoTheta, 12);
        Assert.Equal(4 * Math.PI * Math.Sin(tth / 2) / 1.0, p.Q, 12); // λ = 1 Å
        Assert.Equal(Math.Pow(Math.Cos(tth), 3), p.SolidAngle, 12);
        Assert.Equal(0.5 * (1 + Math.Cos(tth) * Math.Cos(tth)), p.Polarisation(0), 12);
        Assert.Equal(Math.Cos(tth) * Math.Cos(tth), p.Polarisation(1), 12);  // node direction: f = 1 along φ = 0
        Assert.Equal(1.0, PixelGeometry.Evaluate(g, 500.5, 150.5).Polarisation(1), 12); // no correction along φ = 90°
    }

    [Fact]
    public void Maps_match_double_precision_and_corners()
    {
        var poni = new PoniGeometry(0.3, 0.004, 0.011, 0.02, -0.03, 0.4, 0.9e-10, DetectorSpec.Generic(75e-6, 75e-6, Small));
        var g = PixelGeometry.Create(poni);
        Assert.Equal(Small, g.Shape);
        var rng = new Random(3);
        for (int k = 0; k < 200; k++)
        {
            int r = rng.Next(Small.Rows), c = rng.Next(Small.Cols);
            var exact = g.AtPixel(r, c);
            int i = r * Small.Cols + c;
            Assert.Equal(exact.Q, g.Q.Span[i], exact.Q * 1e-6);
            Assert.Equal(exact.TwoTheta, g.TwoTheta.Span[i], exact.TwoTheta * 1e-6);
            Assert.Equal(0, Azimuth.Wrap180(exact.Phi - g.Phi.Span[i]), 4);
            Assert.Equal(exact.SolidAngle, g.SolidAngle.Span[i], 1e-6);
            var corner = g.Evaluate(r, c);
            int ci = r * g.Corners.Stride + c;
            Assert.Equal(corner.Q, g.Corners.Q.Span[ci], corner.Q * 1e-6);
            Assert.Equal(0, Azimuth.Wrap180(corner.Phi - g.Corners.Phi.Span[ci]), 4);
        }

        Assert.All(g.Phi.ToArray(), phi => Assert.InRange(phi, 0f, 359.99999f));
    }

    [Fact]
    public void Polarisation_map_matches_formula()
    {
        var poni = Untilted(20.5, 30.5) with { Rot3 = 0.3 };
        var g = PixelGeometry.Create(poni);
        var pol = g.Polarisation(0.9);
        var p = g.AtPixel(150, 250);
        Assert.Equal(p.Polarisation(0.9), pol[150 * Small.Cols + 250], 1e-6);
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Polarisation(1.5));
    }

    [Fact]
    public void Rot3_rotates_the_azimuth_of_an_untilted_detector()
    {
        // A rotation about the beam turns the whole pattern: pyFAI's χ becomes χ − rot3, 2θ is unchanged
        // (the sign is checked against pyFAI itself in PyFaiGeometryCrossCheckTests).
        var g0 = Untilted(100.5, 150.5);
        var g3 = g0 with { Rot3 = 0.5 };
        var a = PixelGeometry.Evaluate(g0, 40.5, 230.5);
        var b = PixelGeometry.Evaluate(g3, 40.5, 230.5);
        Assert.Equal(a.TwoTheta, b.TwoTheta, 12);
        Assert.Equal(-0.5 * 180 / Math.PI, Azimuth.Wrap180(b.Phi - a.Phi), 9);
    }

    [Theory]
    [InlineData(-0.1, 360 - 0.1 * 180 / Math.PI)]
    [InlineData(0.0, 0.0)]
    [InlineData(Math.PI, 180.0)]
    [InlineData(-Math.PI / 2, 270.0)]
    public void Chi_to_phi_mapping(double chi, double phi)
    {
        Assert.Equal(phi, Azimuth.FromPyFaiChi(chi), 9);
        Assert.Equal(Math.Cos(chi), Math.Cos(Azimuth.ToPyFaiChi(phi)), 12);
        Assert.Equal(Math.Sin(chi), Math.Sin(Azimuth.ToPyFaiChi(phi)), 12);
    }
}
