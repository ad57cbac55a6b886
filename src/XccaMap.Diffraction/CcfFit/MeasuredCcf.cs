namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// A measured domain CCF as read from a results file (<see cref="MeasuredCcfFile"/>), with what the file says about
/// the experiment. Units as in the file layout: Δ in degrees, q in Å⁻¹, λ in Å, lengths in metres.
/// </summary>
public sealed record MeasuredCcf
{
    /// <summary>File it came from.</summary>
    public required string Path { get; init; }

    /// <summary>HDF5 path of the NXdata group.</summary>
    public required string Group { get; init; }

    /// <summary>Domain id (the K of <c>domain_K</c>), or −1 if unknown.</summary>
    public required int Domain { get; init; }

    /// <summary>Domain name (e.g. a class name), or null.</summary>
    public string? DomainName { get; init; }

    /// <summary>Δ, degrees.</summary>
    public required double[] DeltaDeg { get; init; }

    /// <summary>C(Δ) scaled to [0, 1] (NaN where the masks never overlap).</summary>
    public required double[] Ccf { get; init; }

    /// <summary>Ring-1 window [q_min, q_max], Å⁻¹ (equal values if the file gives one q).</summary>
    public required (double Min, double Max) Q1 { get; init; }

    /// <summary>Ring-2 window, Å⁻¹.</summary>
    public required (double Min, double Max) Q2 { get; init; }

    /// <summary>Labels of the rings if the file names them (e.g. "311 SL"), or null.</summary>
    public string? Q1Label { get; init; }

    /// <summary>Label of ring 2, or null.</summary>
    public string? Q2Label { get; init; }

    /// <summary>λ in Å from <c>/entry/process/wavelength</c>, or null.</summary>
    public double? WavelengthAngstrom { get; init; }

    /// <summary>Geometry from <c>/entry/process</c> (distance, poni1, poni2 in m; rot1–3 in rad), or null.</summary>
    public double[]? Geometry { get; init; }

    /// <summary>PONI file named in <c>/entry/input/poni</c> (files of <c>ccf compute</c>), if it exists, else null.</summary>
    public string? PoniPath { get; init; }

    /// <summary>Superlattice constant from <c>/entry/indexing/superlattice/a_least_squares</c>, Å, or null.</summary>
    public double? SuperlatticeA { get; init; }

    /// <summary>
    /// Typical SAXS peak azimuths of the domain (degrees), from <c>/entry/classes/saxs_class_{K+1}</c> (the SAXS class
    /// with label K) attribute <c>typical_peak_phi</c>, or null.
    /// </summary>
    public double[]? SaxsPeakPhiDeg { get; init; }

    /// <summary>Centre of the ring-1 window, Å⁻¹.</summary>
    public double Q1Centre => (Q1.Min + Q1.Max) / 2;

    /// <summary>Centre of the ring-2 window, Å⁻¹.</summary>
    public double Q2Centre => (Q2.Min + Q2.Max) / 2;
}
