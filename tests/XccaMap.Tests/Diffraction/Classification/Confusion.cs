using System.Globalization;
using System.Text;

namespace XccaMap.Tests.Diffraction.Classification;

/// <summary>Confusion matrix of two labellings as text: truth labels down, found labels across (−1 empty, −2 mixed, −3 no data).</summary>
internal static class Confusion
{
    public static string Table(IReadOnlyList<int> truth, IReadOnlyList<int> found)
    {
        var rows = truth.Distinct().Order().ToArray();
        var cols = found.Distinct().Order().ToArray();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{"truth \\ found",14}");
        foreach (int c in cols)
        {
            text.Append(CultureInfo.InvariantCulture, $"{c,6}");
        }

        text.AppendLine();
        foreach (int r in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{r,14}");
            foreach (int c in cols)
            {
                int n = 0;
                for (int i = 0; i < truth.Count; i++)
                {
                    n += truth[i] == r && found[i] == c ? 1 : 0;
                }

                text.Append(CultureInfo.InvariantCulture, $"{n,6}");
            }

            text.AppendLine();
        }

        return text.ToString();
    }
}
