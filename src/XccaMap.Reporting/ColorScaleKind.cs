namespace XccaMap.Reporting;

/// <summary>How data values are mapped onto [0, 1] before colouring.</summary>
public enum ColorScaleKind
{
    /// <summary>t = (v − min) / (max − min).</summary>
    Linear = 0,

    /// <summary>t = (log10 v − log10 min) / (log10 max − log10 min): equal steps per decade.</summary>
    Log10 = 1,
}
