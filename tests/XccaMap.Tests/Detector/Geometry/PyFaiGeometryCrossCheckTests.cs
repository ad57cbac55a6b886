using System.Globalization;
using System.Text.Json;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;

namespace XccaMap.Tests.Detector.Geometry;

/// <summary>
/// Geometry against pyFAI 0.21 on the P10 layout (λ = 0.898 Å, 0.41 m, beam near a corner of an Eiger 4M),
/// untilted and tilted: 2θ, q, φ (from χ), solid angle and polarisation at sample pixels to 1e-6 relative,
/// the full float maps, and PONI files in both directions.
/// </summary>
[Trait("Category", "CrossCheck")]
public sealed class PyFaiGeometryCrossCheckTests
{
    private const string Script = """
        import sys, json, numpy as np, logging
        logging.disable(logging.WARNING)
        import pyFAI
        d = sys.argv[1]
        ai = pyFAI.load(d + "/ours.poni")
        s = np.load(d + "/samples.npy").astype(np.float64)
        r, c = s[:, 0], s[:, 1]
        tth = ai.tth(r, c)
        chi = ai.chi(r, c)
        q = 4e-10 * np.pi * np.sin(tth / 2) / ai.wavelength
        cos3 = ai.cos_incidence(r, c) ** 3
        ri, ci = s[:, 0].astype(int), s[:, 1].astype(int)
        sa = ai.solidAngleArray()[ri, ci].astype(np.float64)
        pol = ai.polarization(factor=0.95)[ri, ci].astype(np.float64)
        np.save(d + "/ref.npy", np.stack([tth, q, chi, cos3, sa, pol]))
        qmap = ai.qArray() / 10.0
        chimap = ai.chiArray()
        oq = np.load(d + "/q.npy")
        ophi = np.load(d + "/phi.npy")
        dphi = (ophi - np.degrees(chimap) + 180.0) % 360.0 - 180.0
        stats = {"q_excess": float(np.max(np.abs(oq - qmap) - 1e-6 * qmap)),
                 "phi_bad": int(np.count_nonzero((np.abs(dphi) > 1e-4) & (np.radians(np.abs(dphi)) * qmap > 1e-6))),
                 "dist": ai.dist, "poni1": ai.poni1, "poni2": ai.poni2, "rot1": ai.rot1, "rot2": ai.rot2, "rot3": ai.rot3,
                 "wavelength": ai.wavelength, "pixel1": ai.detector.pixel1, "shape": list(ai.detector.max_shape)}
        ai.save(d + "/pyfai.poni")
        print(json.dumps(stats))
        """;

    [CrossCheckFact]
    public void Untilted() => Check(0, 0, 0);

    [CrossCheckFact]
    public void Tilted() => Check(0.0123, -0.0081, 0.05);

    [CrossCheckFact]
    public void Strongly_tilted() => Check(-0.21, 0.17, 2.4);

    private static void Check(double rot1, double rot2, double rot3)
    {
        var poni = new PoniGeometry(0.41, 1990.3 * 75e-6, 160.7 * 75e-6, rot1, rot2, rot3, 0.898e-10, DetectorSpec.Generic(75e-6, 75e-6, DetectorShape.Eiger4M));
        var dir = PyFai.NewWorkDir("geom");
        try
        {
            poni.Write(Path.Combine(dir, "ours.poni"));
            var rng = new Random(11);
            var samples = new int[2 * 400];
            for (int k = 0; k < 400; k++)
            {
                samples[2 * k] = rng.Next(2167);
                samples[2 * k + 1] = rng.Next(2070);
            }

            samples[0] = 1990; // the pixel at the beam
            samples[1] = 160;
            var g = PixelGeometry.Create(poni);
            NpyWriter.Write(Path.Combine(dir, "samples.npy"), samples, 400, 2);
            NpyWriter.Write(Path.Combine(dir, "q.npy"), g.Q.ToArray(), 2167, 2070);
            NpyWriter.Write(Path.Combine(dir, "phi.npy"), g.Phi.ToArray(), 2167, 2070);
            var stats = JsonDocument.Parse(PyFai.Run(Script, dir, dir).Trim().Split('\n')[^1]).RootElement;
            var reference = NpyReader.Read(Path.Combine(dir, "ref.npy")).As<double>();
            var pol = g.Polarisation(0.95);
            for (int k = 0; k < 400; k++)
            {
                int r = samples[2 * k], c = samples[2 * k + 1];
                var p = g.AtPixel(r, c);
                double tth = reference[k], q = reference[400 + k], chi = reference[800 + k];
                double cos3 = reference[1200 + k], sa = reference[1600 + k], pf = reference[2000 + k];
                string where = string.Create(CultureInfo.InvariantCulture, $"pixel ({r}, {c})");
                AssertRelative(tth, p.TwoTheta, 1e-6, where + " 2θ");
                AssertRelative(q, p.Q, 1e-6, where + " q");
                double phi = Azimuth.FromPyFaiChi(chi);
                Assert.True(Math.Abs(Azimuth.Wrap180(p.Phi - phi)) <= Math.Max(1e-6 * phi, 1e-9), $"{where} φ {p.Phi} vs pyFAI χ {chi} rad → {phi}°");
                AssertRelative(cos3, p.SolidAngle, 1e-6, where + " solid angle");
                AssertRelative(sa, g.SolidAngle.Span[r * 2070 + c], 1e-6, where + " solidAngleArray");
                AssertRelative(pf, pol[r * 2070 + c], 1e-6, where + " polarization(0.95)");
            }

            // pyFAI's own maps come from float32 pixel positions (≈ 3e-7 Å⁻¹ absolute error), so the full-map
            // comparison allows that on top of 1e-6 relative; the double-precision comparison above is the strict one.
            Assert.True(stats.GetProperty("q_excess").GetDouble() < 5e-7, $"q map: |Δq| − 1e-6·q reaches {stats.GetProperty("q_excess")} Å⁻¹");
            // φ: both maps are float32 (ulp 3e-5° at 300°) and pyFAI's positions are float32 (arc error |Δφ|·q up to
            // ≈ 3e-7 Å⁻¹ near the beam); every pixel must be within one of the two.
            Assert.True(stats.GetProperty("phi_bad").GetInt32() == 0, $"φ map: {stats.GetProperty("phi_bad")} pixels differ by > 1e-4° and > 1e-6 Å⁻¹ of arc");

            // pyFAI read our PONI file and wrote its own; we read that one back.
            Assert.Equal(poni.Distance, stats.GetProperty("dist").GetDouble());
            Assert.Equal(poni.Rot3, stats.GetProperty("rot3").GetDouble());
            Assert.Equal(2167, stats.GetProperty("shape")[0].GetInt32());
            Assert.Equal(poni, PoniGeometry.Read(Path.Combine(dir, "pyfai.poni")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void AssertRelative(double expected, double actual, double tolerance, string what)
    {
        double scale = Math.Max(Math.Abs(expected), 1e-12);
        Assert.True(Math.Abs(actual - expected) <= tolerance * scale + 1e-15, $"{what}: ours {actual:R}, pyFAI {expected:R}");
    }
}
