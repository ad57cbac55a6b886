namespace XccaMap.Simulation.Scan;

/// <summary>
/// One domain class: an fcc superlattice with <see cref="ZoneAxis"/> along the beam and rotated by
/// <see cref="InPlaneDeg"/> about it, and the PbS atomic lattice in <see cref="Relation"/> to it.
/// </summary>
public sealed record ClassSettings
{
    /// <summary>Name for reports (e.g. a colour of Fig. 1).</summary>
    public string Name { get; init; } = "class";

    /// <summary>Superlattice direction [u, v, w] along the beam.</summary>
    public IReadOnlyList<int> ZoneAxis { get; init; } = [0, 0, 1];

    /// <summary>
    /// In-plane rotation, degrees: azimuth φ of the reference direction ([100] projected ⟂ the zone axis, or [010] if the
    /// zone axis is [100]; see OrientationFactory.FromZoneAxis).
    /// </summary>
    public double InPlaneDeg { get; init; }

    /// <summary>"Conf1" or "Conf2" (design.md §4.11).</summary>
    public string Relation { get; init; } = "Conf1";

    /// <summary>Gaussian orientational disorder of the nanocrystals, σ in degrees (rotation vector, per axis).</summary>
    public double AlDisorderSigmaDeg { get; init; } = 6.5;

    /// <summary>Relative share of the grains that get this class.</summary>
    public double Weight { get; init; } = 1.0;

    /// <summary>Superlattice constant of this class, Å; null: the sample's.</summary>
    public double? SlAAngstrom { get; init; }

    /// <summary>Intensity factor of this class's spots (dimensionless).</summary>
    public double IntensityScale { get; init; } = 1.0;
}
