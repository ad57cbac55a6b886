using XccaMap.Hdf5;

namespace XccaMap.Diffraction.Results;

/// <summary>Small helpers for writing NeXus groups: datasets with units and long names, NXdata with signal/axes.</summary>
internal static class NexusWriter
{
    /// <summary>
    /// The φ convention written on every object that carries φ (design.md §3; <c>Detector/Geometry/Azimuth.cs</c>).
    /// </summary>
    public const string PhiConvention =
        "phi in degrees, range [0, 360), measured in the detector plane from the +column (fast axis, pyFAI dim 2) direction towards +row (slow axis, pyFAI dim 1); equals pyFAI chi (chiArray) taken modulo 360 degrees";

    /// <summary>Unit of q in NeXus spelling.</summary>
    public const string QUnits = "1/angstrom";

    /// <summary>Writes a dataset with optional units and long_name; large ones chunked and deflated.</summary>
    public static void Dataset<T>(H5Group group, string name, ReadOnlySpan<T> data, ulong[] dims, string? units = null, string? longName = null)
        where T : unmanaged
    {
        ulong total = dims.Aggregate(1UL, (a, b) => a * b);
        H5DatasetOptions? options = null;
        if (total >= 65536 && dims.Length >= 2)
        {
            var chunk = dims.Select((d, i) => i < dims.Length - 2 ? 1UL : Math.Min(d, 256UL)).ToArray();
            options = new H5DatasetOptions { Chunk = chunk, Filters = [H5DatasetOptions.Deflate(4)] };
        }

        group.WriteDataset(name, data, dims, units, options);
        if (longName is not null)
        {
            using var ds = group.OpenDataset(name);
            ds.WriteAttribute("long_name", longName);
        }
    }

    /// <summary>A 1D dataset.</summary>
    public static void Vector<T>(H5Group group, string name, ReadOnlySpan<T> data, string? units = null, string? longName = null)
        where T : unmanaged => Dataset(group, name, data, [(ulong)data.Length], units, longName);

    /// <summary>
    /// Creates an NXdata group with its <c>signal</c>, <c>axes</c> and <c>AXIS_indices</c> attributes (NeXus 2014
    /// convention); "." in <paramref name="axes"/> marks a dimension without an axis dataset.
    /// </summary>
    public static H5Group NxData(H5Group parent, string name, string signal, IReadOnlyList<string> axes)
    {
        var g = parent.CreateGroup(name, "NXdata");
        g.WriteAttribute("signal", signal);
        g.WriteAttribute("axes", axes);
        for (int i = 0; i < axes.Count; i++)
        {
            if (axes[i] != ".")
            {
                g.WriteAttribute(axes[i] + "_indices", i);
            }
        }

        return g;
    }

    /// <summary>A 1D profile as NXdata: signal "intensity" against axis "q" (Å⁻¹).</summary>
    public static void Profile(H5Group parent, string name, double[] q, double[] intensity, string title, double[]? background = null)
    {
        if (q.Length == 0)
        {
            return;
        }

        using var g = NxData(parent, name, "intensity", ["q"]);
        g.WriteAttribute("title", title);
        Vector<double>(g, "q", q, QUnits, "q (Å⁻¹)");
        Vector<double>(g, "intensity", intensity, "counts", "mean intensity per pixel (solid-angle corrected counts)");
        if (background is not null)
        {
            Vector<double>(g, "background", background, "counts", "SNIP background");
            g.WriteAttribute("auxiliary_signals", ["background"]);
        }
    }

    /// <summary>Strings as an attribute list (HDF5 string arrays cannot be empty: a single empty string then).</summary>
    public static void Strings(H5Object target, string name, IReadOnlyList<string> values) =>
        target.WriteAttribute(name, values.Count == 0 ? [string.Empty] : values);
}
