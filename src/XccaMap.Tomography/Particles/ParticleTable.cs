using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Particles;

/// <summary>
/// Detected particles: centre positions (nm), radii (nm) and species, as columns. Species are stored as
/// small integer ids into <see cref="SpeciesNames"/>. Immutable.
/// </summary>
public sealed class ParticleTable
{
    /// <summary>Creates a table; all arrays must have the same length and species ids must index <paramref name="speciesNames"/>.</summary>
    public ParticleTable(Vec3[] positions, double[] radii, int[] species, IReadOnlyList<string> speciesNames)
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(radii);
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(speciesNames);
        if (radii.Length != positions.Length || species.Length != positions.Length)
        {
            throw new ArgumentException($"Column lengths differ: {positions.Length} positions, {radii.Length} radii, {species.Length} species.");
        }

        foreach (int s in species)
        {
            if ((uint)s >= (uint)speciesNames.Count)
            {
                throw new ArgumentException($"Species id {s} is outside the {speciesNames.Count} species names.", nameof(species));
            }
        }

        Positions = positions;
        Radii = radii;
        Species = species;
        SpeciesNames = speciesNames;
    }

    /// <summary>Particle centres (nm).</summary>
    public IReadOnlyList<Vec3> Positions { get; }

    /// <summary>Particle (core) radii (nm).</summary>
    public IReadOnlyList<double> Radii { get; }

    /// <summary>Species id of each particle (index into <see cref="SpeciesNames"/>).</summary>
    public IReadOnlyList<int> Species { get; }

    /// <summary>Species names, e.g. "PbSe", "CdSe".</summary>
    public IReadOnlyList<string> SpeciesNames { get; }

    /// <summary>Number of particles.</summary>
    public int Count => Positions.Count;

    /// <summary>Builds a table from rows, numbering species in order of first appearance.</summary>
    public static ParticleTable FromRows(IEnumerable<(Vec3 Position, double Radius, string Species)> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var names = new List<string>();
        var pos = new List<Vec3>();
        var rad = new List<double>();
        var sp = new List<int>();
        foreach (var (p, r, s) in rows)
        {
            int id = names.IndexOf(s);
            if (id < 0)
            {
                names.Add(s);
                id = names.Count - 1;
            }

            pos.Add(p);
            rad.Add(r);
            sp.Add(id);
        }

        return new ParticleTable([.. pos], [.. rad], [.. sp], names);
    }

    /// <summary>Indices of the particles of species <paramref name="id"/>.</summary>
    public int[] IndicesOf(int id) => Enumerable.Range(0, Count).Where(i => Species[i] == id).ToArray();

    /// <summary>Species id of <paramref name="name"/> (ordinal, case-insensitive), or −1.</summary>
    public int SpeciesId(string name)
    {
        for (int i = 0; i < SpeciesNames.Count; i++)
        {
            if (string.Equals(SpeciesNames[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Mean radius (nm) of each species (NaN for a species without particles).</summary>
    public double[] MeanRadii()
    {
        var sum = new double[SpeciesNames.Count];
        var n = new int[SpeciesNames.Count];
        for (int i = 0; i < Count; i++)
        {
            sum[Species[i]] += Radii[i];
            n[Species[i]]++;
        }

        return sum.Select((s, k) => n[k] > 0 ? s / n[k] : double.NaN).ToArray();
    }
}
