namespace XccaMap.Tomography.Statistics;

/// <summary>
/// Unit-cell filling fraction ρ = Σ_s N_s (π/6) d_s³ / V and size ratio γ = d_small / d_large for a binary
/// cell (SI Tables 1–4), for a given diameter per species.
/// </summary>
public static class FillingFraction
{
    /// <summary>ρ for the particle counts per cell and diameters (nm) of each species, in a cell of volume <paramref name="volume"/> (nm³).</summary>
    public static double Compute(IReadOnlyList<double> countsPerCell, IReadOnlyList<double> diameters, double volume)
    {
        ArgumentNullException.ThrowIfNull(countsPerCell);
        ArgumentNullException.ThrowIfNull(diameters);
        double v = 0;
        for (int s = 0; s < countsPerCell.Count; s++)
        {
            v += countsPerCell[s] * Math.PI / 6 * Math.Pow(diameters[s], 3);
        }

        return v / volume;
    }

    /// <summary>γ = smallest diameter / largest diameter.</summary>
    public static double SizeRatio(IReadOnlyList<double> diameters)
    {
        ArgumentNullException.ThrowIfNull(diameters);
        return diameters.Min() / diameters.Max();
    }
}
