using System.Buffers;

namespace XccaMap.Reporting;

/// <summary>
/// Maps data values onto t ∈ [0, 1] for a <see cref="Colormap"/>: linear or log10 between
/// <see cref="Min"/> and <see cref="Max"/> (in the data's own unit), clamped at both ends.
/// </summary>
public readonly record struct ColorScale
{
    /// <summary>Creates a scale.</summary>
    /// <param name="min">Value mapped to t = 0 (data unit); &gt; 0 for <see cref="ColorScaleKind.Log10"/>.</param>
    /// <param name="max">Value mapped to t = 1 (data unit); &gt; <paramref name="min"/>.</param>
    /// <param name="kind">Linear or log10.</param>
    /// <exception cref="ArgumentOutOfRangeException">Non-finite limits, min ≥ max, or min ≤ 0 on a log scale.</exception>
    public ColorScale(double min, double max, ColorScaleKind kind = ColorScaleKind.Linear)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(min < max))
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"Colour scale limits [{min}, {max}] must be finite with min < max.");
        }

        if (kind == ColorScaleKind.Log10 && min <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"A log10 colour scale needs min > 0, got {min}.");
        }

        Min = min;
        Max = max;
        Kind = kind;
    }

    /// <summary>Value mapped to t = 0.</summary>
    public double Min { get; }

    /// <summary>Value mapped to t = 1.</summary>
    public double Max { get; }

    /// <summary>Linear or log10.</summary>
    public ColorScaleKind Kind { get; }

    /// <summary>A linear scale over [min, max].</summary>
    public static ColorScale Linear(double min, double max) => new(min, max, ColorScaleKind.Linear);

    /// <summary>A log10 scale over [min, max], min &gt; 0.</summary>
    public static ColorScale Log10(double min, double max) => new(min, max, ColorScaleKind.Log10);

    /// <summary>
    /// t ∈ [0, 1] for a value: clamped at both ends; NaN stays NaN; on a log scale values ≤ 0
    /// map to 0 (the lowest colour — zero counts are data, not missing).
    /// </summary>
    public double Normalize(double value)
    {
        if (double.IsNaN(value))
        {
            return double.NaN;
        }

        double t;
        if (Kind == ColorScaleKind.Log10)
        {
            if (value <= 0)
            {
                return 0;
            }

            double lmin = Math.Log10(Min);
            t = (Math.Log10(value) - lmin) / (Math.Log10(Max) - lmin);
        }
        else
        {
            t = (value - Min) / (Max - Min);
        }

        return Math.Clamp(t, 0.0, 1.0);
    }

    /// <summary>Inverse of <see cref="Normalize"/> on [0, 1]: the data value at t.</summary>
    public double ValueAt(double t) => Kind == ColorScaleKind.Log10
        ? Math.Pow(10, Math.Log10(Min) + (t * (Math.Log10(Max) - Math.Log10(Min))))
        : Min + (t * (Max - Min));

    /// <summary>
    /// A robust scale from the <paramref name="lowPercentile"/>-th to the
    /// <paramref name="highPercentile"/>-th percentile of the usable values: finite, not
    /// masked and, on a log scale, &gt; 0. Hot pixels and gaps therefore do not set the range.
    /// </summary>
    /// <param name="values">Data values (any unit).</param>
    /// <param name="kind">Linear or log10.</param>
    /// <param name="lowPercentile">Percentile (0–100) mapped to t = 0; default 1.</param>
    /// <param name="highPercentile">Percentile (0–100) mapped to t = 1; default 99.5.</param>
    /// <param name="mask">Empty, or one flag per value; true = excluded (project convention).</param>
    /// <returns>
    /// The scale; if no value is usable, [0, 1] (linear) or [1, 10] (log); if the percentiles
    /// coincide, a range widened around that value.
    /// </returns>
    public static ColorScale FromPercentiles(
        ReadOnlySpan<float> values,
        ColorScaleKind kind = ColorScaleKind.Linear,
        double lowPercentile = 1.0,
        double highPercentile = 99.5,
        ReadOnlySpan<bool> mask = default)
    {
        if (!mask.IsEmpty && mask.Length != values.Length)
        {
            throw new ArgumentException($"Mask has {mask.Length} flags for {values.Length} values.", nameof(mask));
        }

        if (!(lowPercentile >= 0 && lowPercentile < highPercentile && highPercentile <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(lowPercentile), $"Percentiles [{lowPercentile}, {highPercentile}] must satisfy 0 ≤ low < high ≤ 100.");
        }

        bool log = kind == ColorScaleKind.Log10;
        float[] buffer = ArrayPool<float>.Shared.Rent(Math.Max(1, values.Length));
        try
        {
            int n = 0;
            for (int i = 0; i < values.Length; i++)
            {
                float v = values[i];
                if (float.IsFinite(v) && (mask.IsEmpty || !mask[i]) && (!log || v > 0))
                {
                    buffer[n++] = v;
                }
            }

            if (n == 0)
            {
                return log ? Log10(1, 10) : Linear(0, 1);
            }

            var data = buffer.AsSpan(0, n);
            double hi = Percentiles.Of(data, highPercentile);
            double lo = Percentiles.Of(data, lowPercentile);
            return Widened(lo, hi, kind);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
        }
    }

    private static ColorScale Widened(double lo, double hi, ColorScaleKind kind)
    {
        if (lo < hi)
        {
            return new ColorScale(lo, hi, kind);
        }

        if (kind == ColorScaleKind.Log10)
        {
            return Log10(lo / Math.Sqrt(10), hi * Math.Sqrt(10)); // one decade centred on the value
        }

        double d = lo == 0 ? 0.5 : Math.Abs(lo) * 0.05;
        return Linear(lo - d, hi + d);
    }
}
