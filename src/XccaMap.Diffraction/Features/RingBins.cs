using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Features;

/// <summary>
/// Where one ring sits in a band's remap table: q-bin ranges of its window and side bands (last &lt; first when a
/// band falls outside the table) and, per φ, the static normalisation of window and bands, the window's coverage
/// W(φ) and whether the bin is valid. Computed once per scan.
/// </summary>
internal sealed class RingBins
{
    private RingBins(int phiCount)
    {
        WindowNorm = new double[phiCount];
        BandNorm = new double[phiCount];
        Coverage = new double[phiCount];
        Valid = new bool[phiCount];
    }

    public int WindowFirst { get; private set; }

    public int WindowLast { get; private set; }

    public int LowerFirst { get; private set; }

    public int LowerLast { get; private set; }

    public int UpperFirst { get; private set; }

    public int UpperLast { get; private set; }

    /// <summary>Σ normalisation of the window per φ (full frame).</summary>
    public double[] WindowNorm { get; }

    /// <summary>Σ normalisation of both side bands per φ.</summary>
    public double[] BandNorm { get; }

    /// <summary>W(φ): window pixel count relative to the best-covered φ bin.</summary>
    public double[] Coverage { get; }

    /// <summary>φ bins used: coverage ≥ the minimum and some background band present.</summary>
    public bool[] Valid { get; }

    public static RingBins Create(RemapTable table, Ring ring, double minCoverage)
    {
        var bins = table.Bins;
        int np = bins.PhiCount;
        var rb = new RingBins(np);
        (rb.WindowFirst, rb.WindowLast) = Range(bins, ring.QMin, ring.QMax);
        (rb.LowerFirst, rb.LowerLast) = Range(bins, ring.LowerBand.Min, ring.LowerBand.Max);
        (rb.UpperFirst, rb.UpperLast) = Range(bins, ring.UpperBand.Min, ring.UpperBand.Max);
        var norm = table.NormalisationSum;
        var count = table.CountSum;
        var windowCount = new double[np];
        for (int j = 0; j < np; j++)
        {
            for (int iq = rb.WindowFirst; iq <= rb.WindowLast; iq++)
            {
                rb.WindowNorm[j] += norm[(iq * np) + j];
                windowCount[j] += count[(iq * np) + j];
            }

            for (int iq = rb.LowerFirst; iq <= rb.LowerLast; iq++)
            {
                rb.BandNorm[j] += norm[(iq * np) + j];
            }

            for (int iq = rb.UpperFirst; iq <= rb.UpperLast; iq++)
            {
                rb.BandNorm[j] += norm[(iq * np) + j];
            }
        }

        double max = windowCount.Max();
        for (int j = 0; j < np; j++)
        {
            rb.Coverage[j] = max > 0 ? windowCount[j] / max : 0;
            rb.Valid[j] = rb.Coverage[j] >= minCoverage && rb.Coverage[j] > 0 && rb.BandNorm[j] > 0;
        }

        return rb;
    }

    /// <summary>q bins whose centres lie in [lo, hi]; (1, 0) when none.</summary>
    private static (int First, int Last) Range(RemapBins bins, double lo, double hi)
    {
        int first = -1, last = -2;
        for (int iq = 0; iq < bins.QCount; iq++)
        {
            double q = bins.QCentre(iq);
            if (q >= lo && q <= hi)
            {
                first = first < 0 ? iq : first;
                last = iq;
            }
        }

        return first < 0 ? (1, 0) : (first, last);
    }
}
