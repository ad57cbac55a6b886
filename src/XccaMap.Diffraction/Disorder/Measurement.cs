using System.Globalization;

namespace XccaMap.Diffraction.Disorder;

/// <summary>A value with its standard error, as in Table S2 of Mukharamova et al. 2019 ("13.1 ± 0.5").</summary>
/// <param name="Value">The value (unit given by the owner).</param>
/// <param name="Error">Its standard error (same unit); NaN when not determined.</param>
public readonly record struct Measurement(double Value, double Error)
{
    /// <summary>Not determined.</summary>
    public static Measurement NaN => new(double.NaN, double.NaN);

    /// <summary>"value ± error" with <paramref name="decimals"/> decimals (invariant culture).</summary>
    public string Format(int decimals = 1) =>
        string.Create(CultureInfo.InvariantCulture, $"{Value.ToString("F" + decimals, CultureInfo.InvariantCulture)} ± {Error.ToString("F" + decimals, CultureInfo.InvariantCulture)}");
}
