namespace XccaMap.Crystallography.Structures;

/// <summary>
/// Something that occupies a site and scatters with a real, isotropic amplitude f(q):
/// an atom (electrons) or a whole nanocrystal (a sphere form factor) in a superlattice.
/// </summary>
public interface IScatterer
{
    /// <summary>Short label for reports, e.g. "Pb" or "sphere R=65 Å".</summary>
    string Label { get; }

    /// <summary>
    /// Scattering amplitude at momentum transfer <paramref name="q"/> (Å⁻¹, q = 4π sinθ/λ).
    /// Atoms: electrons. Spheres: dimensionless, 1 at q = 0 unless stated otherwise.
    /// </summary>
    double Amplitude(double q);
}
