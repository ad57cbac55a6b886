namespace XccaMap.Reporting;

/// <summary>
/// Percentiles by quickselect (expected O(n), so a 4.5-Mpixel frame takes tens of ms rather
/// than a full sort). Interpolation is numpy's default "linear" method: the p-th percentile
/// of n sorted values is at fractional index p/100·(n − 1).
/// </summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="percent"/>-th percentile of <paramref name="data"/>, which is reordered.</summary>
    public static double Of(Span<float> data, double percent)
    {
        if (data.IsEmpty)
        {
            throw new ArgumentException("No values to take a percentile of.", nameof(data));
        }

        double pos = Math.Clamp(percent, 0, 100) / 100.0 * (data.Length - 1);
        int k = (int)Math.Floor(pos);
        double f = pos - k;
        double lo = SelectKth(data, k);
        if (f == 0 || k + 1 >= data.Length)
        {
            return lo;
        }

        // After selection everything right of k is ≥ data[k]; the next order statistic is their minimum.
        float next = float.PositiveInfinity;
        foreach (float v in data[(k + 1)..])
        {
            next = Math.Min(next, v);
        }

        return lo + ((next - lo) * f);
    }

    /// <summary>
    /// Puts the k-th smallest value (0-based) at index k, smaller-or-equal values before it and
    /// greater-or-equal after it, and returns it. Values must not be NaN.
    /// </summary>
    public static float SelectKth(Span<float> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            if (hi - lo < 16)
            {
                InsertionSort(a[lo..(hi + 1)]);
                return a[k];
            }

            // Median of three guards against sorted input; Hoare partitioning with the
            // "i <= j" swap rule stays balanced when many values are equal (e.g. zero counts).
            int mid = lo + ((hi - lo) / 2);
            if (a[mid] < a[lo]) { (a[mid], a[lo]) = (a[lo], a[mid]); }
            if (a[hi] < a[lo]) { (a[hi], a[lo]) = (a[lo], a[hi]); }
            if (a[hi] < a[mid]) { (a[hi], a[mid]) = (a[mid], a[hi]); }
            float pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot) { i++; }
                while (a[j] > pivot) { j--; }
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return a[k]; // j < k < i: a[k] equals the pivot
            }
        }

        return a[k];
    }

    private static void InsertionSort(Span<float> a)
    {
        for (int i = 1; i < a.Length; i++)
        {
            float v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v)
            {
                a[j + 1] = a[j];
                j--;
            }

            a[j + 1] = v;
        }
    }
}
