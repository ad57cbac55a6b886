using System.Globalization;

namespace XccaMap.Reporting;

/// <summary>An 8-bit sRGB colour with straight (non-premultiplied) alpha; A = 255 is opaque.</summary>
/// <param name="R">Red, 0–255.</param>
/// <param name="G">Green, 0–255.</param>
/// <param name="B">Blue, 0–255.</param>
/// <param name="A">Alpha, 0 (transparent) – 255 (opaque).</param>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Opaque white (#FFFFFF).</summary>
    public static Rgba White => new(255, 255, 255);

    /// <summary>Opaque black (#000000).</summary>
    public static Rgba Black => new(0, 0, 0);

    /// <summary>Light grey (#DDDDDD), the default colour of NaN pixels.</summary>
    public static Rgba LightGray => new(0xDD, 0xDD, 0xDD);

    /// <summary>Fully transparent black.</summary>
    public static Rgba Transparent => new(0, 0, 0, 0);

    /// <summary>True when <see cref="A"/> is 255.</summary>
    public bool IsOpaque => A == 255;

    /// <summary>Builds an opaque colour from 0xRRGGBB.</summary>
    public static Rgba FromRgb(int rgb) => new((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);

    /// <summary>Parses "#RRGGBB" or "#RRGGBBAA" (the '#' is optional).</summary>
    /// <exception cref="FormatException">The text is not 6 or 8 hexadecimal digits.</exception>
    public static Rgba Parse(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.StartsWith('#') ? hex.AsSpan(1) : hex.AsSpan();
        if ((s.Length != 6 && s.Length != 8)
            || !uint.TryParse(s, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint v))
        {
            throw new FormatException($"Colour '{hex}' is not #RRGGBB or #RRGGBBAA.");
        }

        return s.Length == 6
            ? FromRgb((int)v)
            : new Rgba((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
    }

    /// <summary>"#rrggbb" (lower case, alpha dropped), as used in SVG and CSS.</summary>
    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    /// <summary>Opacity as a fraction in [0, 1].</summary>
    public double Opacity => A / 255.0;

    /// <inheritdoc/>
    public override string ToString() => A == 255 ? ToHex() : ToHex() + A.ToString("x2", CultureInfo.InvariantCulture);
}
