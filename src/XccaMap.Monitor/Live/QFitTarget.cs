using XccaMap.Diffraction.Rings;

namespace XccaMap.Monitor.Live;

/// <summary>An SL reflection mapped by per-frame Gaussian fits of I(q) in a window of the SAXS band.</summary>
/// <param name="Ring">The reflection's ring.</param>
/// <param name="Lo">Window start, Å⁻¹.</param>
/// <param name="Hi">Window end, Å⁻¹.</param>
/// <param name="First">First q bin of the window in the SAXS band.</param>
/// <param name="Count">q bins in the window (fits need at least 8).</param>
public sealed record QFitTarget(Ring Ring, double Lo, double Hi, int First, int Count)
{
    /// <summary>Map name: <c>q_sl_200</c>.</summary>
    public string Name => "q_" + Ring.Name;
}
