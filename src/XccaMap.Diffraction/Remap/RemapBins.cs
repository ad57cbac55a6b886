namespace XccaMap.Diffraction.Remap;

/// <summary>
/// The (q, φ) grid of a polar remap. q bins are [QMin + i·Δq, QMin + (i+1)·Δq) in Å⁻¹; φ bins are
/// [PhiMin + j·Δφ, PhiMin + (j+1)·Δφ) in degrees, taken modulo 360 (so PhiMin = 300, PhiMax = 420 covers
/// 300°…360°…60°). A single φ bin over [0, 360) gives a radial profile. Flat bin index = iq × PhiCount + jφ.
/// </summary>
public sealed record RemapBins
{
    /// <summary>Creates and validates a grid.</summary>
    /// <param name="qMin">Lower q edge, Å⁻¹ (≥ 0).</param>
    /// <param name="qMax">Upper q edge, Å⁻¹ (&gt; qMin).</param>
    /// <param name="qCount">Number of q bins (≥ 1).</param>
    /// <param name="phiMin">Lower φ edge, degrees in [0, 360).</param>
    /// <param name="phiMax">Upper φ edge, degrees, in (phiMin, phiMin + 360].</param>
    /// <param name="phiCount">Number of φ bins (≥ 1).</param>
    public RemapBins(double qMin, double qMax, int qCount, double phiMin = 0, double phiMax = 360, int phiCount = 1)
    {
        if (!(qMin >= 0) || !(qMax > qMin) || !double.IsFinite(qMax))
        {
            throw new ArgumentOutOfRangeException(nameof(qMax), $"q range [{qMin}, {qMax}] Å⁻¹ must satisfy 0 ≤ qMin < qMax");
        }

        if (qCount < 1 || phiCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(qCount), "bin counts must be at least 1");
        }

        if (!(phiMin >= 0 && phiMin < 360) || !(phiMax > phiMin) || phiMax - phiMin > 360 + 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(phiMax), $"φ range [{phiMin}, {phiMax})° must have 0 ≤ phiMin < 360 and 0 < span ≤ 360");
        }

        QMin = qMin;
        QMax = qMax;
        QCount = qCount;
        PhiMin = phiMin;
        PhiMax = Math.Abs(phiMax - phiMin - 360) < 1e-9 ? phiMin + 360 : phiMax;
        PhiCount = phiCount;
    }

    /// <summary>Lower q edge, Å⁻¹.</summary>
    public double QMin { get; }

    /// <summary>Upper q edge, Å⁻¹.</summary>
    public double QMax { get; }

    /// <summary>Number of q bins.</summary>
    public int QCount { get; }

    /// <summary>Lower φ edge, degrees.</summary>
    public double PhiMin { get; }

    /// <summary>Upper φ edge, degrees (may exceed 360: the range wraps).</summary>
    public double PhiMax { get; }

    /// <summary>Number of φ bins.</summary>
    public int PhiCount { get; }

    /// <summary>q bin width, Å⁻¹.</summary>
    public double QStep => (QMax - QMin) / QCount;

    /// <summary>φ bin width, degrees.</summary>
    public double PhiStep => (PhiMax - PhiMin) / PhiCount;

    /// <summary>Whether the φ range is the full circle (bins then wrap at 0/360).</summary>
    public bool IsFullCircle => PhiMax - PhiMin == 360;

    /// <summary>Total number of bins, QCount × PhiCount.</summary>
    public int BinCount => checked(QCount * PhiCount);

    /// <summary>A radial grid: <paramref name="qCount"/> q bins and one φ bin over the full circle.</summary>
    public static RemapBins Radial(double qMin, double qMax, int qCount) => new(qMin, qMax, qCount);

    /// <summary>A cake over the full circle: <paramref name="qCount"/> × <paramref name="phiCount"/> bins, φ from 0.</summary>
    public static RemapBins Cake(double qMin, double qMax, int qCount, int phiCount) => new(qMin, qMax, qCount, 0, 360, phiCount);

    /// <summary>Flat index of bin (<paramref name="iq"/>, <paramref name="iphi"/>).</summary>
    public int BinIndex(int iq, int iphi) => iq * PhiCount + iphi;

    /// <summary>Centre of q bin <paramref name="iq"/>, Å⁻¹.</summary>
    public double QCentre(int iq) => QMin + (iq + 0.5) * QStep;

    /// <summary>Lower edge of q bin <paramref name="iq"/>, Å⁻¹.</summary>
    public double QEdge(int iq) => QMin + iq * QStep;

    /// <summary>Centre of φ bin <paramref name="iphi"/>, degrees in [0, 360).</summary>
    public double PhiCentre(int iphi)
    {
        double p = (PhiMin + (iphi + 0.5) * PhiStep) % 360.0;
        return p < 0 ? p + 360 : p;
    }

    /// <summary>All q-bin centres, Å⁻¹.</summary>
    public double[] QCentres() => Enumerable.Range(0, QCount).Select(QCentre).ToArray();

    /// <summary>All φ-bin centres, degrees in [0, 360).</summary>
    public double[] PhiCentres() => Enumerable.Range(0, PhiCount).Select(PhiCentre).ToArray();
}
