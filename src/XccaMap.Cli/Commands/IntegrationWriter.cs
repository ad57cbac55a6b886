using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;
using XccaMap.Hdf5;

namespace XccaMap.Cli.Commands;

/// <summary>
/// Writes integrated frames as NeXus: <c>/entry/radial</c> (NXdata: intensity[frame, q]) and optionally
/// <c>/entry/cake</c> (NXdata: intensity[frame, φ, q]), plus <c>/entry/process</c> (geometry, mask, options).
/// q in Å⁻¹ (<c>units = 1/angstrom</c>), φ in degrees from +column towards +row in [0, 360).
/// </summary>
internal sealed class IntegrationWriter : IDisposable
{
    private const string PhiConvention = "azimuth phi in degrees, measured in the detector plane from the +column (fast) direction towards +row (slow), range [0, 360)";
    private readonly H5File file;
    private readonly H5Dataset frameIndex;
    private readonly H5Dataset radialI;
    private readonly H5Dataset radialE;
    private readonly H5Dataset? cakeI;
    private readonly int nq;
    private readonly int nphi;

    public IntegrationWriter(string path, EigerScan scan, PoniGeometry poni, RemapTable radial, RemapTable? cake, DetectorMask mask, int capacity)
    {
        file = H5File.Create(path);
        file.WriteAttribute("default", "entry");
        file.WriteAttribute("creator", "xccamap integrate");
        using var entry = file.CreateGroup("entry", "NXentry");
        entry.WriteAttribute("default", "radial");
        nq = radial.Bins.QCount;
        nphi = cake?.Bins.PhiCount ?? 0;

        using (var process = entry.CreateGroup("process", "NXprocess"))
        {
            process.WriteString("program", "xccamap integrate");
            process.WriteString("source", scan.MasterPath);
            process.WriteString("date", DateTime.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
            process.WriteString("poni", PoniFile.Format(poni));
            process.WriteString("split", radial.Options.Split.ToString());
            process.WriteScalar("solid_angle_correction", radial.Options.CorrectSolidAngle ? 1 : 0);
            process.WriteScalar("polarisation_factor", radial.Options.PolarisationFactor ?? double.NaN);
            process.WriteString("phi_convention", PhiConvention);
            var maskBytes = new byte[mask.Excluded.Length];
            for (int i = 0; i < maskBytes.Length; i++)
            {
                maskBytes[i] = mask.Excluded[i] ? (byte)1 : (byte)0;
            }

            process.WriteDataset<byte>("mask", maskBytes, [(ulong)scan.Rows, (ulong)scan.Columns], options: new H5DatasetOptions
            {
                Chunk = [(ulong)scan.Rows, (ulong)scan.Columns],
                Filters = [H5DatasetOptions.Deflate()],
            });
            using var m = process.OpenDataset("mask");
            m.WriteAttribute("description", "1 = excluded (pixel_mask, all-ones pixels and user masks); pyFAI mask convention");
        }

        var grow = new H5DatasetOptions { Chunk = [1, (ulong)nq], Growable = true };
        using (var rad = entry.CreateGroup("radial", "NXdata"))
        {
            rad.WriteAttribute("signal", "intensity");
            rad.WriteAttribute("axes", ["frame", "q"]);
            rad.WriteAttribute("frame_indices", 0);
            rad.WriteAttribute("q_indices", 1);
            rad.WriteDataset<double>("q", radial.Bins.QCentres(), "1/angstrom");
            radialI = rad.CreateDataset<float>("intensity", [(ulong)capacity, (ulong)nq], grow);
            radialI.WriteAttribute("long_name", "mean intensity per pixel (counts, solid-angle normalised)");
            radialE = rad.CreateDataset<float>("intensity_errors", [(ulong)capacity, (ulong)nq], grow);
            frameIndex = rad.CreateDataset<long>("frame", [(ulong)capacity], new H5DatasetOptions { Chunk = [1024], Growable = true });
            frameIndex.WriteAttribute("long_name", "frame index in the scan (0-based)");
        }

        if (cake is not null)
        {
            using var ck = entry.CreateGroup("cake", "NXdata");
            ck.WriteAttribute("signal", "intensity");
            ck.WriteAttribute("axes", ["frame", "phi", "q"]);
            ck.WriteAttribute("phi_convention", PhiConvention);
            ck.WriteDataset<double>("q", cake.Bins.QCentres(), "1/angstrom");
            ck.WriteDataset<double>("phi", cake.Bins.PhiCentres(), "degree");
            ck.CreateSoftLink("frame", "/entry/radial/frame");
            cakeI = ck.CreateDataset<float>("intensity", [(ulong)capacity, (ulong)nphi, (ulong)nq], new H5DatasetOptions
            {
                Chunk = [1, (ulong)nphi, (ulong)nq],
                Growable = true,
                Filters = [H5DatasetOptions.Deflate(1)],
            });
        }
    }

    public void Append(int row, long frame, RadialProfile profile, Cake? cake)
    {
        var r = (ulong)row;
        radialI.WriteSlab<float>([r, 0], [1, (ulong)nq], profile.Intensity.Select(v => (float)v).ToArray());
        radialE.WriteSlab<float>([r, 0], [1, (ulong)nq], profile.Error.Select(v => (float)v).ToArray());
        frameIndex.WriteSlab<long>([r], [1], [frame]);
        if (cake is not null && cakeI is not null)
        {
            // Cake intensities are stored q-major (iq·nφ + jφ); NXdata here is [φ, q] so silx shows q horizontally.
            var buf = new float[nphi * nq];
            for (int iq = 0; iq < nq; iq++)
            {
                for (int j = 0; j < nphi; j++)
                {
                    buf[(j * nq) + iq] = (float)cake.Intensity[(iq * nphi) + j];
                }
            }

            cakeI.WriteSlab<float>([r, 0, 0], [1, (ulong)nphi, (ulong)nq], buf);
        }
    }

    public void Finish(int rows, int skipped)
    {
        radialI.SetExtent([(ulong)rows, (ulong)nq]);
        radialE.SetExtent([(ulong)rows, (ulong)nq]);
        frameIndex.SetExtent([(ulong)rows]);
        cakeI?.SetExtent([(ulong)rows, (ulong)nphi, (ulong)nq]);
        radialI.WriteAttribute("frames_skipped", skipped);
    }

    public void Dispose()
    {
        frameIndex.Dispose();
        radialI.Dispose();
        radialE.Dispose();
        cakeI?.Dispose();
        file.Dispose();
    }
}
