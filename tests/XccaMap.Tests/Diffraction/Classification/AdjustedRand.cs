namespace XccaMap.Tests.Diffraction.Classification;

/// <summary>Adjusted Rand index (Hubert &amp; Arabie 1985) of two labellings: 1 = identical up to a permutation.</summary>
internal static class AdjustedRand
{
    public static double Index(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        var table = new Dictionary<(int, int), long>();
        var rowSums = new Dictionary<int, long>();
        var colSums = new Dictionary<int, long>();
        for (int i = 0; i < a.Count; i++)
        {
            table[(a[i], b[i])] = table.GetValueOrDefault((a[i], b[i])) + 1;
            rowSums[a[i]] = rowSums.GetValueOrDefault(a[i]) + 1;
            colSums[b[i]] = colSums.GetValueOrDefault(b[i]) + 1;
        }

        static double C2(long n) => n * (n - 1) / 2.0;
        double index = table.Values.Sum(C2);
        double rows = rowSums.Values.Sum(C2), cols = colSums.Values.Sum(C2);
        double expected = rows * cols / C2(a.Count);
        double max = 0.5 * (rows + cols);
        return max == expected ? 1 : (index - expected) / (max - expected);
    }
}
