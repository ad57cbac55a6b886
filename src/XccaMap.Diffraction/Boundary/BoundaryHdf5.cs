using XccaMap.Hdf5;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Writes <c>boundary.h5</c>: the maps of the analysis over the raster (q with its error and quality flags, domain,
/// edge distance, compression), for Python users (h5py/silx). Written atomically.
/// </summary>
public static class BoundaryHdf5
{
    /// <summary>Writes the file.</summary>
    public static void Write(string path, BoundaryResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var m = r.Maps;
        ulong[] dims = [(ulong)m.Rows, (ulong)m.Cols];
        AtomicFile.Write(path, tmp =>
        {
            using var file = H5File.Create(tmp);
            file.WriteAttribute("creator", "xccamap boundary");
            file.WriteAttribute("results", m.Source);
            using var g = file.CreateGroup("maps");
            g.WriteAttribute("reflection", r.QMap.Label);
            g.WriteAttribute("q_of", r.QMap.Reflection);
            g.WriteAttribute("distance_unit", r.Distances.Unit);
            g.WriteAttribute("quality_flags", "bits: 1 no value, 2 large error, 4 outside any domain, 8 mixed, 16 spike; 0 = good");
            g.WriteDataset<double>("q", r.QMap.Q, dims, "1/angstrom");
            g.WriteDataset<double>("q_error", r.QMap.Error, dims, "1/angstrom");
            g.WriteDataset<byte>("quality", r.QMap.Flags.Select(f => (byte)f).ToArray(), dims);
            g.WriteDataset<int>("domain", r.Domains.DomainOf, dims);
            g.WriteDataset<double>("edge_distance", r.Distances.Distance, dims, r.Distances.Unit);
            g.WriteDataset<byte>("edge_distance_censored", r.Distances.Censored.Select(c => c ? (byte)1 : (byte)0).ToArray(), dims);
            g.WriteDataset<double>("compression", r.CompressionMap(), dims);
        });
    }
}
