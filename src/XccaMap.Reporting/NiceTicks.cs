using System.Globalization;

namespace XccaMap.Reporting;

/// <summary>
/// Axis ticks at "nice" numbers: linear steps of 1, 2 or 5 × 10ᵏ, log axes at decades
/// (with 2× and 5× when only a decade or two is shown), and their labels formatted
/// deterministically (invariant culture, no "-0", exponent notation only for very large or
/// small numbers).
/// </summary>
public static class NiceTicks
{
    private const double Eps = 1e-9;

    /// <summary>The smallest step of the form {1, 2, 5} × 10ᵏ giving at most <paramref name="maxTicks"/> ticks over <paramref name="span"/>.</summary>
    public static double Step(double span, int maxTicks = 6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTicks, 2);
        if (!(span > 0) || !double.IsFinite(span))
        {
            return 1;
        }

        double raw = span / (maxTicks - 1);
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double r = raw / mag;
        double m = r <= 1 + Eps ? 1 : r <= 2 + Eps ? 2 : r <= 5 + Eps ? 5 : 10;
        return m * mag;
    }

    /// <summary>Multiples of <see cref="Step"/> that lie inside [min, max].</summary>
    public static double[] Linear(double min, double max, int maxTicks = 6)
    {
        if (min > max)
        {
            (min, max) = (max, min);
        }

        double step = Step(max - min, maxTicks);
        long first = (long)Math.Ceiling((min / step) - Eps);
        long last = (long)Math.Floor((max / step) + Eps);
        var ticks = new List<double>();
        for (long i = first; i <= last; i++)
        {
            ticks.Add(Clean(i * step, step));
        }

        return [.. ticks];
    }

    /// <summary>
    /// Axis limits widened outwards to multiples of a 1-2-5 step, so the end ticks cover the
    /// data; an empty or single-valued range is widened first.
    /// </summary>
    public static (double Min, double Max, double Step) Cover(double min, double max, int maxTicks = 6)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            return (0, 1, Step(1, maxTicks));
        }

        if (min > max)
        {
            (min, max) = (max, min);
        }

        if (max - min <= Math.Abs(max) * 1e-12)
        {
            double d = min == 0 ? 1 : Math.Abs(min) * 0.1;
            (min, max) = (min - d, max + d);
        }

        double step = Step(max - min, maxTicks);
        double lo = Math.Floor((min / step) + Eps) * step;
        double hi = Math.Ceiling((max / step) - Eps) * step;
        return (Clean(lo, step), Clean(hi, step), step);
    }

    /// <summary>
    /// Log-axis ticks inside [min, max] (both &gt; 0): the decades, thinned to at most
    /// <paramref name="maxTicks"/>; with two decades or fewer also 2× and 5× each decade;
    /// and linear ticks if that still gives fewer than two.
    /// </summary>
    public static double[] Log10(double min, double max, int maxTicks = 8)
    {
        if (!(min > 0) || !(max > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"Log ticks need a positive range, got [{min}, {max}].");
        }

        if (min > max)
        {
            (min, max) = (max, min);
        }

        int d0 = (int)Math.Ceiling(Math.Log10(min) - Eps);
        int d1 = (int)Math.Floor(Math.Log10(max) + Eps);
        int decades = d1 - d0 + 1;
        var ticks = new List<double>();
        if (decades > 2)
        {
            int stride = (int)Math.Ceiling(decades / (double)maxTicks);
            for (int d = d0; d <= d1; d++)
            {
                if (((d % stride) + stride) % stride == 0)
                {
                    ticks.Add(Pow10(d));
                }
            }
        }
        else
        {
            for (int d = d0 - 1; d <= d1; d++)
            {
                foreach (int m in (ReadOnlySpan<int>)[1, 2, 5])
                {
                    double v = m * Pow10(d);
                    if (v >= min * (1 - Eps) && v <= max * (1 + Eps))
                    {
                        ticks.Add(v);
                    }
                }
            }
        }

        return ticks.Count >= 2 ? [.. ticks] : Linear(min, max, Math.Min(maxTicks, 5));
    }

    /// <summary>Labels for linear ticks spaced by <paramref name="step"/>, all in one notation.</summary>
    public static string[] Labels(IReadOnlyList<double> ticks, double step)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        double maxAbs = 0;
        foreach (double t in ticks)
        {
            maxAbs = Math.Max(maxAbs, Math.Abs(t));
        }

        bool exp = maxAbs >= 1e5 || (step < 1e-3 && maxAbs < 1e-2);
        int stepExp = (int)Math.Floor(Math.Log10(step) + Eps);
        var labels = new string[ticks.Count];
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = exp ? Exponent(ticks[i], Math.Max(0, ExponentOf(ticks[i]) - stepExp)) : Fixed(ticks[i], Math.Max(0, -stepExp));
        }

        return labels;
    }

    /// <summary>
    /// Labels for the ticks of <see cref="Log10"/>: <see cref="LogLabel"/> for 1-2-5 × 10ᵏ
    /// ticks, the linear formatting when it fell back to linear ticks.
    /// </summary>
    public static string[] LogLabels(IReadOnlyList<double> ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        bool oneTwoFive = ticks.All(v =>
        {
            double m = v / Math.Pow(10, ExponentOf(v));
            return Math.Abs(m - 1) < 1e-6 || Math.Abs(m - 2) < 1e-6 || Math.Abs(m - 5) < 1e-6;
        });
        return oneTwoFive || ticks.Count < 2 ? [.. ticks.Select(LogLabel)] : Labels(ticks, ticks[1] - ticks[0]);
    }

    /// <summary>Label of a log-axis tick: plain for 10⁻³ … 10⁴, otherwise "2e-5" style.</summary>
    public static string LogLabel(double value)
    {
        int e = ExponentOf(value);
        return e is >= -3 and <= 4 ? Fixed(value, Math.Max(0, -e)) : Exponent(value, 0);
    }

    /// <summary>Formats a single number with <paramref name="significant"/> significant digits (invariant culture), e.g. for table cells.</summary>
    public static string Format(double value, int significant = 4)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "−∞";
        }

        if (value == 0)
        {
            return "0";
        }

        int e = ExponentOf(value);
        return e is >= -3 and < 6
            ? Fixed(value, Math.Max(0, significant - 1 - e))
            : Exponent(value, significant - 1);
    }

    private static double Pow10(int d) => double.Parse("1e" + d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static int ExponentOf(double v) => v == 0 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(v)) + Eps);

    private static string Fixed(double v, int decimals)
    {
        string s = v.ToString("F" + Math.Min(decimals, 15).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return IsNegativeZero(s) ? s[1..] : s;
    }

    private static string Exponent(double v, int mantissaDecimals)
    {
        if (v == 0)
        {
            return "0";
        }

        int e = ExponentOf(v);
        int digits = Math.Min(mantissaDecimals, 15);
        double m = Math.Round(v / Math.Pow(10, e), digits);
        if (Math.Abs(m) >= 10)
        {
            m /= 10; // 9.99… rounded up to 10.0
            e++;
        }

        string ms = m.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return ms + "e" + e.ToString(CultureInfo.InvariantCulture);
    }

    private static bool IsNegativeZero(string s) => s.StartsWith('-') && s.AsSpan(1).Trim("0.").IsEmpty;

    /// <summary>Snaps i·step to the step's decimal grid so 3 × 0.1 prints and compares as 0.3.</summary>
    private static double Clean(double v, double step)
    {
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step) + Eps) + 1);
        double r = decimals <= 15 ? Math.Round(v, decimals) : v;
        return r == 0 ? 0 : r; // no negative zero
    }
}
