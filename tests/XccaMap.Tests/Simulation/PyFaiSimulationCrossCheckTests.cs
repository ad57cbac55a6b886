using System.Globalization;
using System.Text.Json;
using XccaMap.Detector.Masks;

namespace XccaMap.Tests.Simulation;

/// <summary>
/// The simulator's geometry against Debian's pyFAI 0.21: the written PONI loads in pyFAI and gives our q and φ at
/// sample pixels (φ = pyFAI χ in degrees modulo 360, Detector.Geometry.Azimuth); pyFAI's radial profile of each
/// class's noise-free pattern peaks at the truth q of its superlattice reflections.
/// </summary>
[Collection(SimulatedScanCollection.Name)]
public sealed class PyFaiSimulationCrossCheckTests(SimulatedScanFixture fixture)
{
    private const string GeometryScript = """
        import sys, json, numpy as np, logging
        logging.disable(logging.WARNING)
        import pyFAI
        d = sys.argv[1]
        ai = pyFAI.load(sys.argv[2])
        s = np.load(d + "/samples.npy")
        r, c = s[:, 0].astype(np.float64), s[:, 1].astype(np.float64)
        tth = ai.tth(r, c)
        q = 4e-10 * np.pi * np.sin(tth / 2) / ai.wavelength
        chi = ai.chi(r, c)
        qarr = ai.qArray()[s[:, 0], s[:, 1]] / 10.0
        print(json.dumps({"q": q.tolist(), "chi": chi.tolist(), "qarray": qarr.astype(float).tolist(), "detector": ai.detector.name}))
        """;

    // For every class: pyFAI integrate1d (full pixel splitting, solid angle and polarisation corrected) of the noise-free
    // pattern; for each of the three strongest superlattice rings on the detector, a Gaussian + linear background is
    // fitted to the profile within ±3σ of the truth q (the way design.md §4.4 measures a ring position).
    private const string ProfileScript = """
        import sys, json, numpy as np, h5py, logging
        logging.disable(logging.WARNING)
        import pyFAI
        from scipy.optimize import curve_fit
        d, name = sys.argv[1], sys.argv[2]
        ai = pyFAI.load(d + "/" + name + ".poni")
        with h5py.File(d + "/" + name + "_master.h5", "r") as m:
            mask = m["entry/instrument/detector/detectorSpecific/pixel_mask"][()] != 0
        mask |= np.load(d + "/" + name + "_beamstop.npy") != 0
        out = []
        with h5py.File(d + "/" + name + "_truth.h5", "r") as t:
            for key in sorted(t["classes"].keys()):
                g = t["classes"][key]
                res = ai.integrate1d(g["pattern_noise_free"][()], 1500, unit="q_A^-1", radial_range=(0.06, 0.25), mask=mask,
                                     method=("full", "csr", "cython"), correctSolidAngle=True, polarization_factor=0.99)
                sl = g["sl_peaks"]
                q, a, on, fwhm = sl["q"][()], sl["amplitude"][()], sl["on_detector"][()], sl["fwhm_q"][()]
                rings = {}
                for qi, ai_, oi, fi in zip(q, a, on, fwhm):
                    if oi and 0.065 < qi < 0.24:
                        k = round(float(qi), 5)
                        rings[k] = (rings.get(k, (0, fi))[0] + ai_, fi)
                for qt, (amp, fw) in sorted(rings.items(), key=lambda kv: -kv[1][0])[:3]:
                    s = fw / 2.3548
                    w = np.abs(res.radial - qt) < 3 * s
                    x, y = res.radial[w], res.intensity[w]
                    f = lambda x, h, c, sg, b0, b1: h * np.exp(-0.5 * ((x - c) / sg) ** 2) + b0 + b1 * (x - qt)
                    p, _ = curve_fit(f, x, y, p0=[y.max() - y.min(), qt, s, y.min(), 0.0])
                    out.append({"class": key, "truth": qt, "fit": float(p[1]), "sigma": float(abs(p[2]))})
        print(json.dumps(out))
        """;

    [Fact]
    [Trait("Category", "CrossCheck")]
    public void Written_poni_gives_our_q_and_phi_in_pyFAI()
    {
        using var dir = new TempDir();
        var samples = new List<int>();
        var rnd = new Random(3);
        for (int i = 0; i < 400; i++)
        {
            samples.Add(rnd.Next(2167));
            samples.Add(rnd.Next(2070));
        }

        samples.AddRange([1990, 180, 0, 0, 2166, 2069, 1995, 181, 100, 1900]);
        NpyWriter.Write(dir.File("samples.npy"), samples.ToArray(), samples.Count / 2, 2);
        using var doc = JsonDocument.Parse(Python.Run(GeometryScript, dir.PathName, fixture.Result.PoniPath));
        var q = doc.RootElement.GetProperty("q").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var chi = doc.RootElement.GetProperty("chi").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var qArray = doc.RootElement.GetProperty("qarray").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var pixels = fixture.Simulator.Detector.Pixels;
        for (int i = 0; i < q.Length; i++)
        {
            int r = samples[2 * i], c = samples[(2 * i) + 1];
            var ours = pixels.AtPixel(r, c);
            Assert.True(Math.Abs(ours.Q - q[i]) <= 1e-6 * q[i], $"q at ({r}, {c}): ours {ours.Q:R}, pyFAI {q[i]:R}");
            double phi = (chi[i] * 180 / Math.PI + 360) % 360;
            double dphi = Math.Abs(((ours.Phi - phi + 540) % 360) - 180);
            Assert.True(dphi <= 1e-6 * Math.Max(1, ours.Phi), $"φ at ({r}, {c}): ours {ours.Phi:R}, pyFAI χ → {phi:R}");
            // pyFAI's qArray map is less precise than its tth()/chi() functions next to the beam (≈ 2e-7 Å⁻¹ absolute).
            Assert.True(Math.Abs(pixels.Q.Span[(r * 2070) + c] - qArray[i]) <= (2e-6 * qArray[i]) + 3e-7, $"qArray/10 at ({r}, {c}): ours {pixels.Q.Span[(r * 2070) + c]:R}, pyFAI {qArray[i]:R}");
        }
    }

    [Fact]
    [Trait("Category", "CrossCheck")]
    public void PyFAI_radial_profile_of_each_class_peaks_at_the_truth_q()
    {
        string name = fixture.Simulator.Definition.Name;
        using var doc = JsonDocument.Parse(Python.Run(ProfileScript, fixture.Directory, name));
        var fits = doc.RootElement.EnumerateArray().ToList();
        Assert.True(fits.Count >= 6, $"only {fits.Count} rings fitted");
        foreach (var f in fits)
        {
            double truth = f.GetProperty("truth").GetDouble(), fit = f.GetProperty("fit").GetDouble();
            // 5e-5 Å⁻¹ ≈ 0.04 pixel at 0.41 m.
            Assert.True(Math.Abs(fit - truth) <= 5e-5, string.Create(CultureInfo.InvariantCulture,
                $"{f.GetProperty("class").GetString()}: pyFAI ring at {fit:F5}, truth {truth:F5} Å⁻¹"));
        }
    }
}
