namespace XccaMap.Detector.Eiger;

/// <summary>
/// Converts values read from NeXus files to SI using their <c>units</c> attribute. This is the
/// I/O boundary: everything inside XccaMap is SI (q in Å⁻¹ being the one stated exception).
/// </summary>
public static class UnitConversion
{
    /// <summary>Factor to metres for a length unit string; null when the unit is not a length.</summary>
    public static double? LengthFactor(string? units) => Normalise(units) switch
    {
        "m" or "meter" or "meters" or "metre" or "metres" => 1.0,
        "mm" or "millimeter" or "millimeters" or "millimetre" or "millimetres" => 1e-3,
        "um" or "µm" or "μm" or "micron" or "microns" or "micrometer" or "micrometers" or "micrometre" => 1e-6,
        "nm" or "nanometer" or "nanometers" or "nanometre" => 1e-9,
        "a" or "å" or "angstrom" or "angstroms" or "ångström" => 1e-10,
        "cm" => 1e-2,
        _ => null,
    };

    /// <summary>Factor to seconds for a time unit string; null when unknown.</summary>
    public static double? TimeFactor(string? units) => Normalise(units) switch
    {
        "s" or "sec" or "second" or "seconds" => 1.0,
        "ms" or "millisecond" or "milliseconds" => 1e-3,
        "us" or "µs" or "μs" or "microsecond" or "microseconds" => 1e-6,
        "ns" => 1e-9,
        _ => null,
    };

    /// <summary>
    /// Converts a length to metres. A missing <paramref name="units"/> means <paramref name="defaultUnit"/>
    /// (the DECTRIS writer's documented unit for that field); an unknown unit is an error.
    /// </summary>
    public static double ToMetres(double value, string? units, string defaultUnit, string what) =>
        value * (LengthFactor(string.IsNullOrWhiteSpace(units) ? defaultUnit : units)
            ?? throw new InvalidDataException($"{what}: unknown length unit '{units}' (expected m, mm, um, nm or angstrom)"));

    /// <summary>Converts a time to seconds (see <see cref="ToMetres"/>).</summary>
    public static double ToSeconds(double value, string? units, string defaultUnit, string what) =>
        value * (TimeFactor(string.IsNullOrWhiteSpace(units) ? defaultUnit : units)
            ?? throw new InvalidDataException($"{what}: unknown time unit '{units}' (expected s, ms or us)"));

    /// <summary>Converts a beam-centre coordinate to pixels: given in pixels, or in a length unit divided by the pixel size (m).</summary>
    public static double ToPixels(double value, string? units, double pixelSizeMetres, string what)
    {
        var u = Normalise(units);
        if (u is "" or "pixel" or "pixels" or "px")
        {
            return value;
        }

        var f = LengthFactor(u) ?? throw new InvalidDataException($"{what}: unknown unit '{units}' (expected pixel or a length)");
        return value * f / pixelSizeMetres;
    }

    /// <summary>Converts a photon energy to a wavelength in metres (λ = hc/E).</summary>
    public static double EnergyToWavelengthMetres(double value, string? units)
    {
        double ev = Normalise(units) switch
        {
            "kev" => value * 1e3,
            "j" => value / 1.602176634e-19,
            _ => value, // eV is the DECTRIS unit
        };
        return 1.23984198e-6 / ev; // h·c in eV·m
    }

    private static string Normalise(string? units) => (units ?? string.Empty).Trim().ToLowerInvariant();
}
