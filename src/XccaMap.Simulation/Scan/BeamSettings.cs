namespace XccaMap.Simulation.Scan;

/// <summary>The X-ray beam.</summary>
public sealed record BeamSettings
{
    /// <summary>Wavelength, Å (0.898 Å = 13.8 keV, P10).</summary>
    public double WavelengthAngstrom { get; init; } = 0.898;

    /// <summary>Exposure per frame, seconds (written as count_time).</summary>
    public double CountTimeS { get; init; } = 0.3;

    /// <summary>Beam footprint on the sample, FWHM in micrometres (sets how far across a boundary two grains mix).</summary>
    public double FootprintFwhmUm { get; init; } = 0.25;

    /// <summary>Polarisation fraction (pyFAI convention, +1 = horizontal, i.e. along detector columns); 0.99 at an undulator.</summary>
    public double PolarisationFactor { get; init; } = 0.99;
}
