namespace XccaMap.Diffraction.Remap;

/// <summary>One non-zero of the remap matrix: pixel → bin with a fraction.</summary>
/// <param name="Pixel">Row-major pixel index.</param>
/// <param name="Bin">Flat bin index (iq × PhiCount + jφ).</param>
/// <param name="Fraction">Share of the pixel in the bin, (0, 1].</param>
/// <param name="Normalisation">Fraction × the pixel's normalisation (solid angle × polarisation, or 1).</param>
public readonly record struct RemapEntry(int Pixel, int Bin, float Fraction, float Normalisation);
