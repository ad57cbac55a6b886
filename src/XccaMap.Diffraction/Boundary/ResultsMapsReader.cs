using System.Globalization;
using System.Text.Json;
using XccaMap.Hdf5;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Reads <see cref="ResultsMaps"/> from a <c>results.h5</c> of <c>xccamap process</c> (layout in
/// docs/process-outputs.md) and the mask files from the <c>summary.json</c> beside it.
/// </summary>
public static class ResultsMapsReader
{
    /// <summary>Reads <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">It is not a process results file (the message names what is missing).</exception>
    public static ResultsMaps Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"results file {path} does not exist", path);
        }

        if (!H5File.IsHdf5(path))
        {
            throw new InvalidDataException($"{path} is not an HDF5 file");
        }

        using var file = H5File.Open(path);
        if (!file.IsDataset("entry/maps/saxs_class"))
        {
            throw new InvalidDataException($"{path}: no /entry/maps/saxs_class (not a results.h5 of 'xccamap process')");
        }

        using var maps = file.OpenGroup("entry/maps");
        int rows, cols;
        using (var ds = maps.OpenDataset("saxs_class"))
        {
            var dims = ds.Dims;
            if (dims.Length != 2)
            {
                throw new InvalidDataException($"{path}: /entry/maps/saxs_class has {dims.Length} dimensions, expected 2 (rows, cols)");
            }

            (rows, cols) = ((int)dims[0], (int)dims[1]);
        }

        // Dataset names relative to /entry/maps; a ring label with a slash ("511/333") makes a nested group.
        var names = DatasetNames(maps, string.Empty);
        var rings = ReadRings(file);
        var qMaps = new List<ResultsQMap>();
        foreach (var name in names.Where(n => n.StartsWith("q_sl_", StringComparison.Ordinal) && !n.EndsWith("_error", StringComparison.Ordinal)))
        {
            string label = name["q_sl_".Length..];
            string? hkl = label.StartsWith('q') ? null : label;
            double ringQ = hkl is not null
                ? rings.FirstOrDefault(r => r.Superlattice && r.Hkl == hkl)?.Q ?? double.NaN
                : double.TryParse(label[1..], NumberStyles.Float, CultureInfo.InvariantCulture, out var qv) ? qv : double.NaN;
            var values = Doubles(maps, name);
            var errors = names.Contains(name + "_error") ? Doubles(maps, name + "_error") : Enumerable.Repeat(double.NaN, values.Length).ToArray();
            qMaps.Add(new ResultsQMap(name, hkl, ringQ, values, errors));
        }

        var intensity = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var name in names.Where(n => n.StartsWith("intensity_", StringComparison.Ordinal)))
        {
            intensity[name["intensity_".Length..]] = Floats(maps, name);
        }

        double step = maps.ReadDoubleAttribute("step_um") is { Length: > 0 } s ? s[0] : double.NaN;
        bool snake = string.Equals(maps.ReadStringAttribute("scan_order"), "snake", StringComparison.OrdinalIgnoreCase);
        var result = new ResultsMaps
        {
            Source = path,
            Rows = rows,
            Cols = cols,
            StepUm = step,
            Snake = snake,
            SaxsClass = Ints(maps, "saxs_class"),
            WaxsClass = names.Contains("waxs_class") ? Ints(maps, "waxs_class") : null,
            SaxsIntensity = names.Contains("saxs_intensity") ? Floats(maps, "saxs_intensity") : null,
            QMaps = qMaps,
            RingIntensity = intensity,
            Rings = rings,
            LatticeConstant = Scalar(file, "entry/indexing/superlattice/a_least_squares"),
            ClassLatticeConstant = ReadClassLattice(file),
            Geometry = ReadGeometry(file),
            MasterPath = file.IsDataset("entry/process/master") ? ReadString(file, "entry/process/master") : null,
            MaskFiles = ReadMaskFiles(path),
        };
        result.Validate();
        return result;
    }

    /// <summary>Paths of the datasets under <paramref name="g"/> (two levels deep), relative to it.</summary>
    private static List<string> DatasetNames(H5Group g, string prefix)
    {
        var result = new List<string>();
        foreach (var name in g.LinkNames())
        {
            if (g.IsDataset(name))
            {
                result.Add(prefix + name);
            }
            else if (prefix.Length == 0 && g.CanOpen(name))
            {
                using var sub = g.OpenGroup(name);
                result.AddRange(DatasetNames(sub, name + "/"));
            }
        }

        return result;
    }

    private static List<ResultsRing> ReadRings(H5File file)
    {
        var rings = new List<ResultsRing>();
        if (!file.Exists("entry/rings"))
        {
            return rings;
        }

        using var g = file.OpenGroup("entry/rings");
        void Visit(H5Group parent, string prefix)
        {
            foreach (var name in parent.LinkNames())
            {
                using var rg = parent.OpenGroup(name);
                if (!rg.IsDataset("q"))
                {
                    // "sl_511/333": the label's slash made a nested group.
                    if (prefix.Length == 0)
                    {
                        Visit(rg, name + "/");
                    }

                    continue;
                }

                string full = prefix + name;
                string kind = rg.ReadStringAttribute("kind") ?? string.Empty;
                string? hkl = rg.ReadStringAttribute("hkl") is { Length: > 0 } h ? h : null;
                bool sl = kind.StartsWith("superlattice", StringComparison.OrdinalIgnoreCase) || full.StartsWith("sl_", StringComparison.Ordinal);
                rings.Add(new ResultsRing(full, hkl, sl, Scalar(rg, "q"), Scalar(rg, "q_min"), Scalar(rg, "q_max"), Scalar(rg, "fwhm")));
            }
        }

        Visit(g, string.Empty);
        return [.. rings.OrderBy(r => r.Q)];
    }

    private static Dictionary<int, double> ReadClassLattice(H5File file)
    {
        var result = new Dictionary<int, double>();
        if (!file.Exists("entry/classes"))
        {
            return result;
        }

        using var g = file.OpenGroup("entry/classes");
        foreach (var name in g.LinkNames().Where(n => n.StartsWith("saxs_class_", StringComparison.Ordinal)))
        {
            using var cg = g.OpenGroup(name);
            if (cg.ReadDoubleAttribute("label") is { Length: > 0 } label && cg.IsDataset("indexing/a_mean"))
            {
                result[(int)label[0]] = Scalar(cg, "indexing/a_mean");
            }
        }

        return result;
    }

    private static ResultsGeometry? ReadGeometry(H5File file)
    {
        if (!file.IsDataset("entry/process/wavelength") || !file.IsDataset("entry/process/distance"))
        {
            return null;
        }

        double Get(string n) => file.IsDataset("entry/process/" + n) ? Scalar(file, "entry/process/" + n) : 0;
        return new ResultsGeometry(Get("wavelength"), Get("distance"), Get("poni1"), Get("poni2"), Get("rot1"), Get("rot2"), Get("rot3"));
    }

    /// <summary>The .npy files listed as mask sources in summary.json beside <paramref name="resultsPath"/> that exist.</summary>
    private static List<string> ReadMaskFiles(string resultsPath)
    {
        var list = new List<string>();
        string summary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(resultsPath)) ?? ".", "summary.json");
        if (!File.Exists(summary))
        {
            return list;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(summary));
            if (doc.RootElement.TryGetProperty("mask", out var mask) && mask.TryGetProperty("sources", out var sources) && sources.ValueKind == JsonValueKind.Array)
            {
                foreach (var s in sources.EnumerateArray())
                {
                    if (s.TryGetProperty("source", out var src) && src.GetString() is { } p && p.EndsWith(".npy", StringComparison.OrdinalIgnoreCase) && File.Exists(p))
                    {
                        list.Add(p);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A damaged summary only loses the mask hint; the caller can pass masks explicitly.
        }

        return list;
    }

    private static double Scalar(H5Group g, string path)
    {
        if (!g.IsDataset(path))
        {
            return double.NaN;
        }

        using var ds = g.OpenDataset(path);
        return ds.ReadScalarDouble();
    }

    private static string ReadString(H5Group g, string path)
    {
        using var ds = g.OpenDataset(path);
        return ds.ReadString();
    }

    private static double[] Doubles(H5Group g, string name)
    {
        using var ds = g.OpenDataset(name);
        return ds.ReadAll<double>();
    }

    private static float[] Floats(H5Group g, string name)
    {
        using var ds = g.OpenDataset(name);
        return ds.ReadAll<float>();
    }

    private static int[] Ints(H5Group g, string name)
    {
        using var ds = g.OpenDataset(name);
        return ds.ReadAll<int>();
    }
}
