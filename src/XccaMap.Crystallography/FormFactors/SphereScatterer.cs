using XccaMap.Crystallography.Structures;

namespace XccaMap.Crystallography.FormFactors;

/// <summary>
/// A monodisperse sphere of radius R (Å) as a superlattice scatterer; amplitude normalised to 1 at q = 0.
/// </summary>
/// <param name="Radius">Sphere radius in Å.</param>
public sealed record SphereScatterer(double Radius) : IScatterer
{
    /// <inheritdoc />
    public string Label => FormattableString.Invariant($"sphere R={Radius:G4} Å");

    /// <inheritdoc />
    public double Amplitude(double q) => SphereFormFactor.Amplitude(q, Radius);
}
