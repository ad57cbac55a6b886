namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// A q map of one superlattice reflection (<c>/entry/maps/q_sl_&lt;hkl&gt;</c> and its <c>_error</c>), row-major over
/// the raster.
/// </summary>
/// <param name="Name">Dataset name ("q_sl_200").</param>
/// <param name="Hkl">fcc label ("200"), or null for an unindexed reflection.</param>
/// <param name="RingQ">q of the reflection in the scan-averaged profile, Å⁻¹.</param>
/// <param name="Values">Fitted q per point, Å⁻¹; NaN where no significant fit or no frame.</param>
/// <param name="Errors">1-σ fit error per point, Å⁻¹ (NaN where unknown).</param>
public sealed record ResultsQMap(string Name, string? Hkl, double RingQ, double[] Values, double[] Errors)
{
    /// <summary>h² + k² + l² of <see cref="Hkl"/> (0 when not indexed or not three digits).</summary>
    public int N => Millers.SumOfSquares(Hkl);
}
