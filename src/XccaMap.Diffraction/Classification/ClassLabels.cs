namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Labels of scan points in class maps. Classes are 0, 1, 2, …; the negative labels are reserved and match
/// <c>XccaMap.Reporting.ClassMap</c> for −1 and −2.
/// </summary>
public static class ClassLabels
{
    /// <summary>A point with no angular peak on the analysed rings ("empty", white in Fig. 1).</summary>
    public const int Empty = -1;

    /// <summary>
    /// A point with scattering but no single class: peaks of two classes at once, or a pattern like no class
    /// ("mixed", grey in Fig. 1: "scattering present but without well-defined orientation").
    /// </summary>
    public const int Mixed = -2;

    /// <summary>A raster point without a frame (scan stopped early, missing data file, corrupt frame).</summary>
    public const int NoData = -3;

    /// <summary>Legend text of a label: "class 1" … (1-based), "empty", "mixed", "no data".</summary>
    public static string Name(int label) => label switch
    {
        Empty => "empty",
        Mixed => "mixed",
        NoData => "no data",
        _ => FormattableString.Invariant($"class {label + 1}"),
    };
}
