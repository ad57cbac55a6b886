namespace XccaMap.Diffraction.Rings;

/// <summary>What <see cref="RadialPeakFinder.Find"/> found.</summary>
/// <param name="Peaks">Peaks in increasing q.</param>
/// <param name="Background">SNIP background per bin (profile unit; NaN outside the valid range).</param>
/// <param name="Valid">Bins that had data.</param>
public sealed record RadialPeakSearch(IReadOnlyList<RadialPeak> Peaks, double[] Background, bool[] Valid);
