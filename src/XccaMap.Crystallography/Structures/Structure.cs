using System.Numerics;
using XccaMap.Crystallography.Lattices;

namespace XccaMap.Crystallography.Structures;

/// <summary>
/// A crystal structure: a lattice (Å) plus the sites of one unit cell. Used both for atomic lattices (atoms)
/// and for superlattices (nanocrystals as sphere scatterers).
/// </summary>
public sealed class Structure
{
    private readonly Site[] _sites;

    /// <summary>Creates a structure; the site list is copied.</summary>
    public Structure(string name, Lattice lattice, IEnumerable<Site> sites)
    {
        Name = name;
        Lattice = lattice ?? throw new ArgumentNullException(nameof(lattice));
        _sites = sites?.ToArray() ?? throw new ArgumentNullException(nameof(sites));
        if (_sites.Length == 0)
        {
            throw new ArgumentException($"Structure '{name}' has no sites.", nameof(sites));
        }
    }

    /// <summary>Name for reports, e.g. "PbS rock salt".</summary>
    public string Name { get; }

    /// <summary>The lattice (conventional cell, Å).</summary>
    public Lattice Lattice { get; }

    /// <summary>The sites of one unit cell.</summary>
    public IReadOnlyList<Site> Sites => _sites;

    /// <summary>
    /// Structure factor F(hkl) = Σⱼ oⱼ fⱼ(q) exp(2πi (h xⱼ + k yⱼ + l zⱼ)), q = |G_hkl| (Å⁻¹); in the units of the
    /// scatterers' amplitudes (electrons for atoms).
    /// </summary>
    public Complex StructureFactor(Miller hkl)
    {
        double q = Lattice.Q(hkl);
        double re = 0, im = 0;
        foreach (Site site in _sites)
        {
            double f = site.Occupancy * site.Scatterer.Amplitude(q);
            double phase = 2 * Math.PI * ((hkl.H * site.Fractional.X) + (hkl.K * site.Fractional.Y) + (hkl.L * site.Fractional.Z));
            re += f * Math.Cos(phase);
            im += f * Math.Sin(phase);
        }

        return new Complex(re, im);
    }

    /// <summary>|F(hkl)|² (amplitude units squared).</summary>
    public double Intensity(Miller hkl)
    {
        Complex f = StructureFactor(hkl);
        return (f.Real * f.Real) + (f.Imaginary * f.Imaginary);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Lattice}, {_sites.Length} sites)";
}
