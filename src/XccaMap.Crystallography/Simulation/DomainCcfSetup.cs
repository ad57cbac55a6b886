using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// The fixed part of a domain's CCF model: which superlattice zone is along the beam, how the nanocrystals' atomic
/// lattice relates to the superlattice, which rings are correlated and the experiment (design.md §4.11).
/// </summary>
public sealed record DomainCcfSetup
{
    /// <summary>Superlattice direction [uvw] along the beam.</summary>
    public required ZoneAxis Zone { get; init; }

    /// <summary>Orientation relation SL ← AL (Conf1, Conf2 or any), before the misorientation ω.</summary>
    public required OrientationRelation Relation { get; init; }

    /// <summary>q₁ of ring 1 (a superlattice reflection), Å⁻¹.</summary>
    public required double Q1 { get; init; }

    /// <summary>q₂ of ring 2 (an atomic-lattice reflection, e.g. 200 of PbS), Å⁻¹.</summary>
    public required double Q2 { get; init; }

    /// <summary>X-ray wavelength λ, Å.</summary>
    public required double WavelengthAngstrom { get; init; }

    /// <summary>
    /// Superlattice cubic constant a in Å, only used to decide which hkl family q₁ is (the nearest one); the ring is then
    /// placed exactly at q₁. Default 150 Å (an example; pass the indexed value of the domain).
    /// </summary>
    public double SuperlatticeA { get; init; } = StructureFactory.ExampleSuperlatticeConstant;

    /// <summary>Superlattice structure factory for a cell edge (Å); default fcc of point scatterers (one family has one |F|²).</summary>
    public Func<double, Structure>? SuperlatticeStructure { get; init; }

    /// <summary>Atomic structure of the nanocrystals; default PbS rock salt (a = 5.936 Å).</summary>
    public Structure? AtomicStructure { get; init; }

    /// <summary>Force the ring-1 family (e.g. 311); null = the family nearest to q₁.</summary>
    public Miller? Ring1Family { get; init; }

    /// <summary>Force the ring-2 family (e.g. 200); null = the family nearest to q₂.</summary>
    public Miller? Ring2Family { get; init; }

    /// <summary>Nanocrystal size for the Scherrer width of the atomic reflections, Å (65 Å in the paper).</summary>
    public double CrystalSizeAngstrom { get; init; } = 65.0;

    /// <summary>Scherrer constant K.</summary>
    public double ScherrerK { get; init; } = 0.9;

    /// <summary>Radial σ of the superlattice reflections, Å⁻¹ (sets their rocking-curve width together with σ₁).</summary>
    public double SuperlatticeRadialSigma { get; init; } = 0.0012;
}
