namespace XccaMap.Reporting;

/// <summary>
/// Label conventions for domain-class maps (Fig. 1 of Mukharamova et al. 2019): each scan
/// point carries an integer label; 0, 1, 2 … are domain classes, and two negative labels are
/// reserved — <see cref="Empty"/> (no peaks; drawn white) and <see cref="Mixed"/> (peaks of
/// two classes at once; drawn grey). Any other negative label is invalid.
/// </summary>
public static class ClassMap
{
    /// <summary>A scan point with no peaks ("empty", white in figures).</summary>
    public const int Empty = -1;

    /// <summary>A scan point showing peaks of two or more classes ("mixed", grey in figures).</summary>
    public const int Mixed = -2;

    /// <summary>True for a domain class (≥ 0) or one of the two reserved labels.</summary>
    public static bool IsValid(int label) => label >= Mixed;

    /// <summary>Default legend text: "class 1", "class 2" … (1-based for readers), "mixed", "empty".</summary>
    public static string DefaultName(int label) => label switch
    {
        Empty => "empty",
        Mixed => "mixed",
        >= 0 => "class " + (label + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Class labels are ≥ 0, Empty (−1) or Mixed (−2)."),
    };
}
