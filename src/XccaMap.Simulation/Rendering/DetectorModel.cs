using System.Numerics;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Simulation.Scan;

namespace XccaMap.Simulation.Rendering;

/// <summary>
/// Everything about the detector that is fixed for a scan, computed once and shared by every frame (style.md §3):
/// geometry and per-pixel maps, module gaps and defects, the beamstop, the per-pixel response (solid angle ×
/// polarisation, 0 where no photon is counted) and the static background layers.
/// </summary>
public sealed class DetectorModel
{
    private DetectorModel(PoniGeometry poni, PixelGeometry pixels, DetectorDefects defects, bool[] beamstop, float[] response,
        float[] diffuse, float[] membrane, double beamRow, double beamCol)
    {
        Poni = poni;
        Pixels = pixels;
        Defects = defects;
        Beamstop = beamstop;
        Response = response;
        Diffuse = diffuse;
        Membrane = membrane;
        BeamRow = beamRow;
        BeamCol = beamCol;
        Projection = new DetectorProjection(poni);
        Rasterizer = new SpotRasterizer(pixels, response, Projection);
    }

    /// <summary>Geometry (pyFAI PONI convention).</summary>
    public PoniGeometry Poni { get; }

    /// <summary>Per-pixel q (Å⁻¹), φ (degrees), solid angle.</summary>
    public PixelGeometry Pixels { get; }

    /// <summary>Detector shape.</summary>
    public DetectorShape Shape => Pixels.Shape;

    /// <summary>Gaps, dead and hot pixels.</summary>
    public DetectorDefects Defects { get; }

    /// <summary>Beamstop and holder (true = blocked), row-major.</summary>
    public bool[] Beamstop { get; }

    /// <summary>Solid angle × polarisation per pixel; 0 on masked and beamstop pixels.</summary>
    public float[] Response { get; }

    /// <summary>Diffuse SAXS layer: counts/pixel of the film at unit thickness (response applied).</summary>
    public float[] Diffuse { get; }

    /// <summary>Membrane ring + flat background, counts/pixel at every point (response applied to the ring).</summary>
    public float[] Membrane { get; }

    /// <summary>Direct beam on the detector, continuous row coordinate.</summary>
    public double BeamRow { get; }

    /// <summary>Direct beam, continuous column coordinate.</summary>
    public double BeamCol { get; }

    /// <summary>Inverse geometry.</summary>
    public DetectorProjection Projection { get; }

    /// <summary>Draws spots with this detector's maps and response.</summary>
    public SpotRasterizer Rasterizer { get; }

    /// <summary>True where the pixel counts photons (not masked, not behind the beamstop).</summary>
    public bool IsLive(int pixel) => Response[pixel] > 0;

    /// <summary>The analysis mask: pixel_mask ∪ beamstop (true = excluded).</summary>
    public DetectorMask AnalysisMask()
    {
        var excluded = new bool[Shape.PixelCount];
        for (int p = 0; p < excluded.Length; p++)
        {
            excluded[p] = Defects.PixelMask[p] != 0 || Beamstop[p];
        }

        return DetectorMask.FromArray(excluded, Shape, "pixel_mask ∪ beamstop");
    }

    /// <summary>NXmx metadata of this detector for the scan's master file.</summary>
    public EigerMetadata Metadata(double countTimeS) => new()
    {
        WavelengthMetres = Poni.Wavelength,
        DistanceMetres = Poni.Distance,
        BeamCenterX = Poni.Poni2 / Poni.PixelSize2, // NXmx: pixels from the corner, like the PONI in metres (no tilts)
        BeamCenterY = Poni.Poni1 / Poni.PixelSize1,
        PixelSizeX = Poni.PixelSize2,
        PixelSizeY = Poni.PixelSize1,
        CountTimeSeconds = countTimeS,
        BitDepthImage = 32,
        SaturationValue = 4_000_000,
        Description = "Dectris EIGER Si 4M (simulated by XccaMap)",
    };

    /// <summary>Builds the detector of a scan; relative file names resolve against <paramref name="baseDirectory"/>.</summary>
    public static DetectorModel Create(ScanDefinition scan, string baseDirectory)
    {
        var d = scan.Detector;
        double lambdaM = scan.Beam.WavelengthAngstrom * 1e-10; // Å → m at the PONI boundary
        PoniGeometry poni;
        if (d.PoniFile is { } poniFile)
        {
            string path = Path.GetFullPath(poniFile, baseDirectory);
            poni = PoniGeometry.Read(path);
            if (Math.Abs(poni.Wavelength - lambdaM) > 1e-6 * lambdaM)
            {
                throw new InvalidDataException($"{path}: wavelength {poni.Wavelength * 1e10:G6} Å differs from beam.wavelength_angstrom {scan.Beam.WavelengthAngstrom:G6} Å of scan '{scan.Name}'");
            }

            if (poni.Detector.Shape is { } shape && shape != DetectorShape.Eiger4M)
            {
                throw new InvalidDataException($"{path}: detector shape {shape}; the simulator draws an Eiger 4M ({DetectorShape.Eiger4M})");
            }
        }
        else
        {
            double p = DetectorSpec.EigerPixelSize;
            poni = new PoniGeometry(d.DistanceM, d.BeamCenterYPx * p, d.BeamCenterXPx * p, d.Rot1Rad, d.Rot2Rad, d.Rot3Rad, lambdaM, DetectorSpec.Eiger4M);
        }

        var shapeE = DetectorShape.Eiger4M;
        var pixels = PixelGeometry.Create(poni, shapeE);
        var projection = new DetectorProjection(poni);
        if (!projection.TryProject(0, 0, out double beamRow, out double beamCol))
        {
            throw new InvalidDataException($"scan '{scan.Name}': the direct beam does not hit the detector plane");
        }

        var defects = DetectorDefects.Create(shapeE, d.DeadPixelFraction, d.HotPixelsMasked, d.HotPixelsUnmasked, d.DefectSeed);
        bool[] beamstop = scan.Beamstop.File is { } bsFile
            ? LoadBeamstop(Path.GetFullPath(bsFile, baseDirectory), shapeE)
            : BeamstopShape.Rasterize(shapeE.Rows, shapeE.Cols, beamRow, beamCol, scan.Beamstop.RadiusPx, scan.Beamstop.HolderWidthPx, scan.Beamstop.HolderPhiDeg);

        var polarisation = pixels.Polarisation(scan.Beam.PolarisationFactor);
        var sa = pixels.SolidAngle.Span;
        var q = pixels.Q.Span;
        int n = shapeE.PixelCount;
        var response = new float[n];
        var diffuse = new float[n];
        var membrane = new float[n];
        var bg = scan.Background;
        for (int i = 0; i < n; i++)
        {
            if (defects.PixelMask[i] != 0 || beamstop[i])
            {
                continue;
            }

            float f = sa[i] * polarisation[i];
            response[i] = f;
            double qi = q[i];
            double qd = Math.Max(qi, bg.DiffuseQMinInvAngstrom);
            diffuse[i] = (float)(f * bg.DiffuseCountsAtQref * Math.Pow(qd / bg.DiffuseQrefInvAngstrom, -bg.DiffuseExponent));
            double z = (qi - bg.MembraneRingQInvAngstrom) / bg.MembraneRingSigmaInvAngstrom;
            membrane[i] = (float)((f * bg.MembraneRingCounts * Math.Exp(-0.5 * z * z)) + bg.FlatCounts);
        }

        return new DetectorModel(poni, pixels, defects, beamstop, response, diffuse, membrane, beamRow, beamCol);
    }

    /// <summary>λ = a·Diffuse + Membrane over the whole frame (the static part of every frame's mean).</summary>
    public void ComposeStatic(Span<float> lambda, float diffuseScale)
    {
        var dif = Diffuse.AsSpan();
        var mem = Membrane.AsSpan();
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var a = new Vector<float>(diffuseScale);
            for (; i <= lambda.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                (a * new Vector<float>(dif.Slice(i)) + new Vector<float>(mem.Slice(i))).CopyTo(lambda.Slice(i));
            }
        }

        for (; i < lambda.Length; i++)
        {
            lambda[i] = (diffuseScale * dif[i]) + mem[i];
        }
    }

    private static bool[] LoadBeamstop(string path, DetectorShape shape)
    {
        var array = NpyReader.Read(path);
        if (array.Shape.Count != 2 || array.Shape[0] != shape.Rows || array.Shape[1] != shape.Cols)
        {
            throw new InvalidDataException($"{path}: beamstop mask has shape {array.ShapeText}; expected ({shape.Rows}, {shape.Cols})");
        }

        return array.ToNonZero();
    }
}
