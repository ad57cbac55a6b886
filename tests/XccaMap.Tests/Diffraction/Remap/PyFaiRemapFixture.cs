using System.Globalization;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;
using XccaMap.Tests.Detector.Geometry;

namespace XccaMap.Tests.Diffraction.Remap;

/// <summary>
/// One full-size Eiger 4M case computed once for the remap cross-checks: a tilted P10 geometry, module gaps,
/// a beamstop from a .npy file (disc plus a rod along φ = 180°), a few dead pixels, and a frame with SAXS/WAXS
/// rings (polarised, solid-angle weighted, Poisson noise). pyFAI integrates it with every method in one Python run.
/// </summary>
public sealed class PyFaiRemapFixture : IDisposable
{
    public const int RadialBins = 1000;
    public const int CakeQBins = 500;
    public const int CakePhiBins = 360;
    public const double Polarisation = 0.95;

    private const string Script = """
        import sys, json, numpy as np, logging
        logging.disable(logging.WARNING)
        import pyFAI
        d = sys.argv[1]
        cfg = json.load(open(d + "/config.json"))
        ai = pyFAI.load(d + "/geom.poni")
        frame = np.load(d + "/frame.npy")
        mask = np.load(d + "/mask.npy").astype(np.int8)
        common = dict(unit="q_A^-1", radial_range=(0.0, cfg["qmax"]), mask=mask, correctSolidAngle=True,
                      polarization_factor=cfg["pol"])
        def save(name, r):
            np.save(d + "/" + name + ".npy", np.ascontiguousarray(np.stack(
                [r.intensity, r.count, r.sum_signal, r.sum_normalization]).astype(np.float64)))
        for split in ("no", "bbox", "full"):
            save("1d_" + split, ai.integrate1d(frame, cfg["nq1"], method=(split, "csr", "cython"), **common))
        for name, method in (("2d_hist", ("no", "histogram", "cython")), ("2d_no", ("no", "csr", "cython")),
                             ("2d_bbox", ("bbox", "csr", "cython")), ("2d_full", ("full", "csr", "cython"))):
            save(name, ai.integrate2d(frame, cfg["nq2"], cfg["nphi"], azimuth_range=(-180.0, 180.0), method=method, **common))
        # pyFAI's own pixel-centre maps, to tell binning differences from pyFAI's float32 imprecision.
        np.save(d + "/pyfai_q.npy", ai.array_from_unit(frame.shape, "center", "q_A^-1", scale=True).astype(np.float64))
        np.save(d + "/pyfai_chi.npy", np.degrees(ai.chiArray().astype(np.float64)))
        print("done")
        """;

    public PyFaiRemapFixture()
    {
        var poni = new PoniGeometry(0.41, 1990.3 * 75e-6, 160.7 * 75e-6, 0.0123, -0.0081, 0.0, 0.898e-10, DetectorSpec.Generic(75e-6, 75e-6, DetectorShape.Eiger4M));
        Geometry = PixelGeometry.Create(poni);
        var shape = Geometry.Shape;
        var gaps = Eiger4MLayout.GapMask();
        QMax = Math.Round(Geometry.Corners.Q.ToArray().Max() * 1.001, 4);

        Dir = PyFai.NewWorkDir("remap");
        var beamstop = new byte[shape.PixelCount];
        var q = Geometry.Q.Span;
        var phi = Geometry.Phi.Span;
        for (int i = 0; i < beamstop.Length; i++)
        {
            bool disc = q[i] < 0.045;
            bool rod = Math.Abs(phi[i] - 180) < 3 && i % shape.Cols < 170;
            beamstop[i] = (byte)(disc || rod ? 1 : 0);
        }

        NpyWriter.Write(Path.Combine(Dir, "beamstop.npy"), beamstop, shape.Rows, shape.Cols);
        var dead = new bool[shape.PixelCount];
        var rng = new Random(5);
        for (int k = 0; k < 3000; k++)
        {
            dead[rng.Next(dead.Length)] = true;
        }

        Mask = new MaskBuilder(shape)
            .AddMask(gaps, shape, "Eiger 4M gaps")
            .AddNpy(Path.Combine(Dir, "beamstop.npy"))
            .AddMask(dead, shape, "dead pixels")
            .Build();
        Frame = SyntheticFrame.Poisson(SyntheticFrame.Expected(Geometry, RemapBenchmark.PbsRings(), 2.0, Polarisation), shape.Cols, seed: 7, gaps);
        if (PyFai.UnavailableReason is not null)
        {
            return;
        }

        poni.Write(Path.Combine(Dir, "geom.poni"));
        NpyWriter.Write(Path.Combine(Dir, "frame.npy"), Frame, shape.Rows, shape.Cols);
        Mask.Save(Path.Combine(Dir, "mask.npy"));
        File.WriteAllText(Path.Combine(Dir, "config.json"), string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"qmax\": {QMax:R}, \"nq1\": {RadialBins}, \"nq2\": {CakeQBins}, \"nphi\": {CakePhiBins}, \"pol\": {Polarisation:R}}}"));
        PyFai.Run(Script, Dir, Dir);
    }

    public PixelGeometry Geometry { get; }

    public DetectorMask Mask { get; }

    /// <summary>The noisy frame (Poisson counts, gaps all-ones).</summary>
    public uint[] Frame { get; }

    public double QMax { get; }

    public string Dir { get; }

    /// <summary>The radial grid matching pyFAI's 1-D output.</summary>
    public RemapBins RadialGrid => RemapBins.Radial(0, QMax, RadialBins);

    /// <summary>
    /// The cake grid matching pyFAI's 2-D output with azimuth_range (−180°, 180°): our φ = χ mod 360, so pyFAI's
    /// χ bin k, [−180 + k, −179 + k)°, is our φ bin k of a grid starting at φ = 180° and wrapping through 360°.
    /// </summary>
    public RemapBins CakeGrid => new(0, QMax, CakeQBins, 180, 540, CakePhiBins);

    /// <summary>pyFAI result <paramref name="name"/> (2-D arrays flat, [χ bin][q bin]).</summary>
    public PyFaiResult Reference(string name)
    {
        var all = NpyReader.Read(Path.Combine(Dir, name + ".npy")).As<double>();
        int n = all.Length / 4;
        return new PyFaiResult(all[..n], all[n..(2 * n)], all[(2 * n)..(3 * n)], all[(3 * n)..]);
    }

    /// <summary>A pyFAI per-pixel map saved by the script ("pyfai_q" in Å⁻¹, "pyfai_chi" in degrees).</summary>
    public double[] PyFaiMap(string name) => NpyReader.Read(Path.Combine(Dir, name + ".npy")).As<double>();

    public RemapAccumulator Remap(RemapBins bins, PixelSplit split)
    {
        var table = RemapTable.Build(Geometry, Mask, bins, new RemapOptions { Split = split, PolarisationFactor = Polarisation });
        var acc = new RemapAccumulator(table);
        table.Integrate(Frame, acc, 2);
        return acc;
    }

    public void Dispose()
    {
        // XCCAMAP_KEEP_TEST_FILES=1 keeps the inputs and pyFAI outputs for inspection.
        if (Directory.Exists(Dir) && Environment.GetEnvironmentVariable("XCCAMAP_KEEP_TEST_FILES") != "1")
        {
            Directory.Delete(Dir, recursive: true);
        }
    }
}
