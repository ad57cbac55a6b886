using XccaMap.Detector.Geometry;
using XccaMap.Hdf5;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// Reads a measured domain CCF from HDF5: <c>/entry/xcca/domain_K</c> of <c>results.h5</c> as <c>process</c> writes it
/// (domain K = SAXS class label K, i.e. <c>/entry/classes/saxs_class_{K+1}</c>;
/// NXdata: <c>ccf</c> scaled to [0, 1] against <c>delta</c> in degrees; attributes <c>q1_angstrom^-1</c>,
/// <c>q2_angstrom^-1</c> = [q_min, q_max] or one value), or the same NXdata layout anywhere in a file written by
/// <c>xccamap ccf compute</c>. The wavelength, geometry and superlattice constant are picked up from
/// <c>/entry/process</c> and <c>/entry/indexing</c> when present.
/// </summary>
public static class MeasuredCcfFile
{
    /// <summary>Reads domain <paramref name="domain"/> (−1: the first CCF group found) from <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">The file holds no such CCF, or it lacks Δ, C or the ring q values (the message says which).</exception>
    public static MeasuredCcf Read(string path, int domain)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CCF file not found: {path}", path);
        }

        using H5File file = H5File.Open(path);
        string group = FindGroup(file, path, domain);
        using H5Group g = file.OpenGroup(group);
        double[] delta = ReadVector(g, "delta", path, group);
        double[] ccf = ReadVector(g, "ccf", path, group);
        if (delta.Length != ccf.Length || delta.Length == 0)
        {
            throw new InvalidDataException($"{path}:{group}: 'delta' has {delta.Length} values and 'ccf' {ccf.Length}; expected the same non-zero length");
        }

        return new MeasuredCcf
        {
            Path = path,
            Group = group,
            Domain = (int?)g.ReadDoubleAttribute("domain")?.FirstOrDefault() ?? domain,
            DomainName = g.ReadStringAttribute("domain_name"),
            DeltaDeg = delta,
            Ccf = ccf,
            Q1 = Window(g, "q1_angstrom^-1", path, group),
            Q2 = Window(g, "q2_angstrom^-1", path, group),
            Q1Label = Blank(g.ReadStringAttribute("q1_ring")),
            Q2Label = Blank(g.ReadStringAttribute("q2_ring")),
            WavelengthAngstrom = Scalar(file, "entry/process/wavelength"),
            Geometry = ReadGeometry(file),
            SuperlatticeA = Scalar(file, "entry/indexing/superlattice/a_least_squares"),
            PoniPath = ExistingFile(file, "entry/input/poni"),
            SaxsPeakPhiDeg = SaxsPeaks(file, domain),
        };
    }

    /// <summary>
    /// Fills what <paramref name="measured"/> lacks (λ, geometry, superlattice constant, SAXS peak azimuths) from a
    /// results file of <c>process</c>, e.g. when the CCF itself came from <c>ccf compute</c>.
    /// </summary>
    public static MeasuredCcf WithContext(MeasuredCcf measured, string resultsPath)
    {
        ArgumentNullException.ThrowIfNull(measured);
        if (!File.Exists(resultsPath))
        {
            throw new FileNotFoundException($"results file not found: {resultsPath}", resultsPath);
        }

        using H5File file = H5File.Open(resultsPath);
        return measured with
        {
            WavelengthAngstrom = measured.WavelengthAngstrom ?? Scalar(file, "entry/process/wavelength"),
            Geometry = measured.Geometry ?? ReadGeometry(file),
            SuperlatticeA = measured.SuperlatticeA ?? Scalar(file, "entry/indexing/superlattice/a_least_squares"),
            SaxsPeakPhiDeg = measured.SaxsPeakPhiDeg ?? SaxsPeaks(file, measured.Domain),
        };
    }

    /// <summary>
    /// The detector <c>process</c> recorded in <c>/entry/process</c> (<c>detector_shape</c>, <c>pixel_size1</c>,
    /// <c>pixel_size2</c> in m), or null when the file does not say (files of older versions, <c>ccf compute</c>).
    /// </summary>
    public static DetectorSpec? ReadDetector(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        using H5File file = H5File.Open(path);
        if (!file.IsDataset("entry/process/detector_shape") || Scalar(file, "entry/process/pixel_size1") is not { } p1 || Scalar(file, "entry/process/pixel_size2") is not { } p2)
        {
            return null;
        }

        using H5Dataset ds = file.OpenDataset("entry/process/detector_shape");
        int[] dims = ds.ReadAll<int>();
        if (dims.Length != 2 || dims[0] <= 0 || dims[1] <= 0)
        {
            return null;
        }

        var shape = new DetectorShape(dims[0], dims[1]);
        return shape == DetectorShape.Eiger4M && p1 == DetectorSpec.EigerPixelSize && p2 == DetectorSpec.EigerPixelSize
            ? DetectorSpec.Eiger4M
            : DetectorSpec.Generic(p1, p2, shape);
    }

    private static string FindGroup(H5File file, string path, int domain)
    {
        if (domain >= 0)
        {
            string wanted = $"entry/xcca/domain_{domain}";
            if (file.CanOpen(wanted))
            {
                return wanted;
            }
        }

        // Any NXdata-like group holding 'ccf' and 'delta' (files of `ccf compute`), domain_K preferred.
        var candidates = new List<string>();
        Walk(file, string.Empty, 0, candidates);
        string? match = domain >= 0
            ? candidates.FirstOrDefault(c => c.EndsWith($"domain_{domain}", StringComparison.Ordinal))
            : candidates.FirstOrDefault();
        return match ?? throw new InvalidDataException(domain >= 0
            ? $"{path}: no CCF of domain {domain} (looked for /entry/xcca/domain_{domain}, or a group domain_{domain} holding 'ccf' and 'delta'); found: {(candidates.Count == 0 ? "none" : string.Join(", ", candidates))}"
            : $"{path}: no group holding 'ccf' and 'delta' datasets");
    }

    private static void Walk(H5Group g, string prefix, int depth, List<string> found)
    {
        if (depth > 4)
        {
            return;
        }

        foreach (string name in g.LinkNames())
        {
            string p = prefix.Length == 0 ? name : $"{prefix}/{name}";
            if (g.IsDataset(name) || !g.CanOpen(name))
            {
                continue;
            }

            using H5Group child = g.OpenGroup(name);
            if (child.IsDataset("ccf") && child.IsDataset("delta"))
            {
                found.Add(p);
            }

            Walk(child, p, depth + 1, found);
        }
    }

    private static double[] ReadVector(H5Group g, string name, string path, string group)
    {
        if (!g.IsDataset(name))
        {
            throw new InvalidDataException($"{path}:{group}: dataset '{name}' missing");
        }

        using H5Dataset ds = g.OpenDataset(name);
        return ds.ReadAll<double>();
    }

    private static (double, double) Window(H5Group g, string attribute, string path, string group)
    {
        double[]? v = g.ReadDoubleAttribute(attribute);
        return v switch
        {
            { Length: 1 } when v[0] > 0 => (v[0], v[0]),
            { Length: 2 } when v[0] > 0 && v[1] >= v[0] => (v[0], v[1]),
            _ => throw new InvalidDataException($"{path}:{group}: attribute '{attribute}' missing or not [q_min, q_max] in Å⁻¹"),
        };
    }

    private static double? Scalar(H5File file, string path)
    {
        if (!file.IsDataset(path))
        {
            return null;
        }

        using H5Dataset ds = file.OpenDataset(path);
        double v = ds.ReadScalarDouble();
        return double.IsFinite(v) ? v : null;
    }

    private static double[]? ReadGeometry(H5File file)
    {
        string[] names = ["distance", "poni1", "poni2", "rot1", "rot2", "rot3"];
        double?[] v = names.Select(n => Scalar(file, "entry/process/" + n)).ToArray();
        return v.All(x => x is not null) ? v.Select(x => x!.Value).ToArray() : null;
    }

    /// <summary>Typical SAXS peak azimuths of SAXS class K (group saxs_class_{K+1}), finite values only; null if absent.</summary>
    public static double[]? SaxsPeaks(H5File file, int domain)
    {
        string path = $"entry/classes/saxs_class_{domain + 1}";
        if (domain < 0 || !file.CanOpen(path))
        {
            return null;
        }

        using H5Group g = file.OpenGroup(path);
        double[]? phi = g.ReadDoubleAttribute("typical_peak_phi")?.Where(double.IsFinite).ToArray();
        return phi is { Length: > 0 } ? phi : null;
    }

    private static string? ExistingFile(H5File file, string path)
    {
        if (!file.IsDataset(path))
        {
            return null;
        }

        using H5Dataset ds = file.OpenDataset(path);
        string name = ds.ReadString();
        return File.Exists(name) ? name : null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
