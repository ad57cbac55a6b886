using XccaMap.Crystallography.Lattices;

namespace XccaMap.Simulation.Truth;

/// <summary>Everything the truth file says about one class.</summary>
public sealed record ClassTruth
{
    /// <summary>Class id.</summary>
    public required int Index { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>SL zone axis along the beam.</summary>
    public required ZoneAxis ZoneAxis { get; init; }

    /// <summary>In-plane rotation, degrees.</summary>
    public required double InPlaneDeg { get; init; }

    /// <summary>"Conf1" or "Conf2".</summary>
    public required string Relation { get; init; }

    /// <summary>Superlattice constant (bulk), Å.</summary>
    public required double SlAAngstrom { get; init; }

    /// <summary>σ of the nanocrystal orientational disorder (rotation vector per axis), degrees.</summary>
    public required double DisorderSigmaDeg { get; init; }

    /// <summary>Orientation matrices lab ← SL and lab ← AL, row-major 3 × 3.</summary>
    public required double[] LabFromSl { get; init; }

    /// <summary>Lab ← AL, row-major.</summary>
    public required double[] LabFromAl { get; init; }

    /// <summary>SAXS peaks of the bulk class pattern, strongest first.</summary>
    public required IReadOnlyList<PeakTruth> SlPeaks { get; init; }

    /// <summary>WAXS peaks, strongest first.</summary>
    public required IReadOnlyList<PeakTruth> AlPeaks { get; init; }

    /// <summary>Azimuthal FWHM of the strongest 200_AL spot, degrees (eq. 7).</summary>
    public required double Fwhm200AzDeg { get; init; }

    /// <summary>Radial FWHM of that spot as an angle, Δq/q·180/π, degrees.</summary>
    public required double Fwhm200RadDeg { get; init; }

    /// <summary>ΔΦ = √(FWHM_az² − FWHM_rad²), degrees (design.md §4.8).</summary>
    public required double DeltaPhiDeg { get; init; }

    /// <summary>The cross-correlation of the noise-free bulk pattern.</summary>
    public required CcfTruth Ccf { get; init; }
}
