using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Indexing;

namespace XccaMap.Tests.Diffraction.Processing;

/// <summary>
/// A small scan with known truth, written through the NXmx writer: a 256 × 256 detector of 172 µm pixels at 0.10 m,
/// λ = 1 Å, direct beam near a corner (so SAXS rings are whole and WAXS rings seen over ~90°), an fcc superlattice
/// (a = 60 Å) and a rock-salt-like atomic lattice (a = 5 Å), three domain classes with distinct spot sets, an empty
/// block, a column of mixed points, a compressed corner, module gap and beamstop, Poisson noise from a fixed seed.
/// Numbers unlike the paper's on purpose.
/// </summary>
internal sealed class SyntheticScan
{
    public const int Rows = 10, Cols = 12, DetRows = 256, DetCols = 256;
    public const double SlA = 60.0, AlA = 5.0, Compression = 1.03;

    private static readonly (int N, double[] Phi)[][] SlSpots =
    [
        [(4, [10, 100, 190, 280]), (8, [55, 145, 235, 325])],
        [(3, [70, 140, 250, 320]), (4, [15, 195]), (11, [105, 285])],
        [(4, [40, 130, 220, 310]), (8, [85, 175, 265, 355])],
    ];

    private static readonly (int N, double[] Phi)[][] AlSpots =
    [
        [(3, [305])],
        [(4, [328])],
        [(3, [318]), (4, [300])],
    ];

    private SyntheticScan(string dir) => Directory = dir;

    public string Directory { get; }

    public string Master => Path.Combine(Directory, "syn_master.h5");

    public string Poni => Path.Combine(Directory, "syn.poni");

    public string Beamstop => Path.Combine(Directory, "syn_beamstop.npy");

    /// <summary>Truth class per raster point (row-major): 0–2, −1 empty, −2 mixed.</summary>
    public int[] Truth { get; } = new int[Rows * Cols];

    /// <summary>Truth lattice scale q/q_bulk per raster point.</summary>
    public double[] Scale { get; } = new double[Rows * Cols];

    public static PoniGeometry Geometry() =>
        new(0.10, 205.5 * 172e-6, 50.5 * 172e-6, 0, 0, 0, 1e-10, DetectorSpec.Generic(172e-6, 172e-6, new DetectorShape(DetRows, DetCols)));

    /// <summary>Writes the scan; <paramref name="framesWritten"/> &lt; Rows × Cols gives a scan that stopped early.</summary>
    public static SyntheticScan Write(string dir, int framesWritten = Rows * Cols, int framesPerFile = 40, bool snake = true, int seed = 1)
    {
        var scan = new SyntheticScan(dir);
        var poni = Geometry();
        poni.Write(scan.Poni);
        var geometry = PixelGeometry.Create(poni);
        var q = geometry.Q.ToArray();
        var phi = geometry.Phi.ToArray();
        var solid = geometry.SolidAngle.ToArray();
        var gap = new bool[DetRows * DetCols];
        var pixelMask = new uint[DetRows * DetCols];
        for (int r = 0; r < DetRows; r++)
        {
            for (int c = 120; c < 124; c++)
            {
                gap[(r * DetCols) + c] = true;
                pixelMask[(r * DetCols) + c] = 1;
            }
        }

        var beamstop = new bool[DetRows * DetCols];
        for (int i = 0; i < beamstop.Length; i++)
        {
            beamstop[i] = q[i] < 0.06 || (phi[i] > 40 && phi[i] < 50 && q[i] < 0.5);
        }

        NpyWriter.WriteMask(scan.Beamstop, beamstop, DetRows, DetCols);
        scan.PlantTruth();
        var spec = new NxmxScanSpec
        {
            Directory = dir,
            Name = "syn",
            Rows = DetRows,
            Columns = DetCols,
            Frames = Rows * Cols,
            FramesPerFile = framesPerFile,
            PixelMask = pixelMask,
            Metadata = new EigerMetadata
            {
                WavelengthMetres = 1e-10,
                DistanceMetres = 0.10,
                BeamCenterX = 50.5,
                BeamCenterY = 205.5,
                PixelSizeX = 172e-6,
                PixelSizeY = 172e-6,
                CountTimeSeconds = 0.1,
            },
        };
        using var writer = NxmxWriter.Create(spec);
        var rng = new Random(seed);
        var expected = new double[DetRows * DetCols];
        for (int f = 0; f < framesWritten; f++)
        {
            int row = f / Cols, col = snake && (row & 1) == 1 ? Cols - 1 - (f % Cols) : f % Cols;
            int p = (row * Cols) + col;
            Array.Clear(expected);
            int label = scan.Truth[p];
            double s = scan.Scale[p];
            if (label >= 0)
            {
                AddPattern(expected, q, phi, label, 1.0, s);
            }
            else if (label == ClassLabels.Mixed)
            {
                AddPattern(expected, q, phi, 0, 0.5, s);
                AddPattern(expected, q, phi, 1, 0.5, s);
            }

            var frame = new uint[expected.Length];
            for (int i = 0; i < frame.Length; i++)
            {
                if (gap[i])
                {
                    frame[i] = uint.MaxValue;
                    continue;
                }

                double diffuse = label == ClassLabels.Empty ? 0 : 40 * Math.Pow(Math.Max(q[i], 0.05) / 0.1, -3);
                double mean = beamstop[i] ? 0 : (expected[i] + diffuse + 0.3) * solid[i];
                frame[i] = (uint)MathNet.Numerics.Distributions.Poisson.Sample(rng, Math.Max(mean, 1e-9));
            }

            writer.WriteFrame(frame);
        }

        return scan;
    }

    /// <summary>Truth q of fcc line N of the superlattice, Å⁻¹.</summary>
    public static double SlQ(int n) => FccReflections.Q(n, SlA);

    private void PlantTruth()
    {
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                int p = (r * Cols) + c;
                Truth[p] = r < 5 ? (c < 6 ? 0 : c == 6 ? ClassLabels.Mixed : 1) : (c < 8 ? 2 : ClassLabels.Empty);
                Scale[p] = r >= 8 && c >= 5 && c < 8 ? Compression : 1.0;
            }
        }
    }

    private static void AddPattern(double[] expected, float[] q, float[] phi, int label, double weight, double scale)
    {
        foreach (var (n, phis) in SlSpots[label])
        {
            AddSpots(expected, q, phi, SlQ(n) * scale, 0.008, phis, 3.0, 60 * weight);
        }

        foreach (var (n, phis) in AlSpots[label])
        {
            AddSpots(expected, q, phi, FccReflections.Q(n, AlA), 0.03, phis, 5.0, 4 * weight);
        }
    }

    private static void AddSpots(double[] expected, float[] q, float[] phi, double q0, double sigmaQ, double[] phis, double sigmaPhi, double amplitude)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double dq = (q[i] - q0) / sigmaQ;
            if (Math.Abs(dq) > 5)
            {
                continue;
            }

            foreach (double p0 in phis)
            {
                double d = Math.Abs(phi[i] - p0) % 360;
                d = Math.Min(d, 360 - d) / sigmaPhi;
                if (d < 5)
                {
                    expected[i] += amplitude * Math.Exp(-0.5 * ((dq * dq) + (d * d)));
                }
            }
        }
    }
}
