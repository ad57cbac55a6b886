using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>What a CCF fit varies and how it searches (defaults follow the PbS study, design.md §4.11).</summary>
public sealed record CcfFitOptions
{
    /// <summary>
    /// Zone-axis families tried when none is given (the orientations met in the paper and a few more); each is expanded
    /// into the members that differ under the relation (<see cref="Crystallography.Simulation.ZoneVariants"/>).
    /// </summary>
    public static IReadOnlyList<ZoneAxis> DefaultZones { get; } =
        [new(0, 0, 1), new(1, 1, 0), new(1, 1, 1), new(1, 1, 2), new(3, 0, 1)];

    /// <summary>Relations to fit; every one is reported and the lowest residual wins. Default Conf1 and Conf2.</summary>
    public IReadOnlyList<CcfModelKind> Models { get; init; } = [CcfModelKind.Conf1, CcfModelKind.Conf2];

    /// <summary>Superlattice zone axes to try exactly as given ([uvw] along the beam); null = the expanded <see cref="DefaultZones"/>.</summary>
    public IReadOnlyList<ZoneAxis>? Zones { get; init; }

    /// <summary>Fix the in-plane rotation ψ (degrees) instead of fitting it.</summary>
    public double? InPlaneDeg { get; init; }

    /// <summary>
    /// Fit the out-of-plane components ω_x, ω_y of the misorientation. Off by default: they act only through the Ewald
    /// weights of the WAXS peaks, which one CCF often cannot separate (e.g. a 4-fold SAXS ring makes every WAXS peak give
    /// the same CCF shape); their standard errors say when they are determined.
    /// </summary>
    public bool FitTilt { get; init; }

    /// <summary>How the WAXS peak amplitudes are set.</summary>
    public AmplitudeMode Amplitudes { get; init; } = AmplitudeMode.Physical;

    /// <summary>Bound on each component of the small misorientation ω for Conf1/Conf2, degrees (keeps Conf1 from becoming Conf2).</summary>
    public double MaxMisorientationDeg { get; init; } = 15;

    /// <summary>Superlattice constant used to identify q₁'s hkl family, Å.</summary>
    public double SuperlatticeA { get; init; } = StructureFactory.ExampleSuperlatticeConstant;

    /// <summary>Force the ring-1 family (e.g. 311); null = nearest to q₁.</summary>
    public Miller? Ring1Family { get; init; }

    /// <summary>Force the ring-2 family (e.g. 200); null = nearest to q₂.</summary>
    public Miller? Ring2Family { get; init; }

    /// <summary>Atomic structure of the nanocrystals; null = PbS.</summary>
    public Structure? AtomicStructure { get; init; }

    /// <summary>Mean nanocrystal radius, Å (sphere form factor: which superlattice rings are strong, for matching SAXS peak azimuths).</summary>
    public double NanocrystalRadiusAngstrom { get; init; } = 65;

    /// <summary>Standard deviation of the nanocrystal radius, Å.</summary>
    public double NanocrystalRadiusSigmaAngstrom { get; init; } = 5;

    /// <summary>Nanocrystal size for the Scherrer width, Å.</summary>
    public double CrystalSizeAngstrom { get; init; } = 65;

    /// <summary>Starting σ₁ of the SAXS peaks, degrees; also its fixed value when there is no ring-1 profile (the CCF alone only fixes √(σ₁² + σ₂²)).</summary>
    public double Sigma1Deg { get; init; } = 2;

    /// <summary>Fit σ₁ even without a ring-1 profile.</summary>
    public bool FitSigma1WithoutProfile { get; init; }

    /// <summary>Starting σ₂ of the WAXS peaks, degrees.</summary>
    public double Sigma2Deg { get; init; } = 7;

    /// <summary>φ samples of the model CCF during refinement (0.5° steps).</summary>
    public int Bins { get; init; } = 720;

    /// <summary>φ samples during the coarse search.</summary>
    public int SearchBins { get; init; } = 360;

    /// <summary>Step of the coarse ψ search, degrees.</summary>
    public double InPlaneSearchStepDeg { get; init; } = 2;

    /// <summary>Step of the coarse ω_z search, degrees.</summary>
    public double MisorientationSearchStepDeg { get; init; } = 2.5;

    /// <summary>Local refinements started from the best distinct seeds of the coarse search.</summary>
    public int Starts { get; init; } = 4;

    /// <summary>Random start relations for <see cref="CcfModelKind.Free"/> (plus Conf1 and Conf2).</summary>
    public int FreeRelationStarts { get; init; } = 48;

    /// <summary>Seed of the random start relations.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Weight of each profile block relative to the CCF block (blocks are scaled to unit range and equal size).</summary>
    public double ProfileWeight { get; init; } = 1;

    /// <summary>Throws if a value is out of range.</summary>
    public void Validate()
    {
        if (Models.Count == 0 || !(MaxMisorientationDeg > 0) || !(Sigma1Deg > 0) || !(Sigma2Deg > 0) || Bins < 36 || SearchBins < 36
            || !(InPlaneSearchStepDeg > 0) || !(MisorientationSearchStepDeg > 0) || Starts < 1 || !(ProfileWeight >= 0) || !(SuperlatticeA > 0))
        {
            throw new ArgumentException("CCF fit options out of range: need at least one model, positive widths, bounds and steps, ≥ 36 bins, ≥ 1 start.");
        }
    }
}
