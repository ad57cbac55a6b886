using XccaMap.Crystallography.Simulation;
using XccaMap.Detector.Geometry;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// W(q, φ) of a ring from the detector geometry (eqs. 2 and 5 of the S.I.): which azimuths of the band
/// [q_min, q_max] land on live pixels. Used when a results file stores the CCF but not the ring masks.
/// </summary>
public static class RingCoverage
{
    /// <summary>
    /// Fraction of sampled pixels of each φ bin (of the band) that are not excluded: 1 inside the detector, 0 outside
    /// or in gaps. Pixels are sampled every <paramref name="stride"/> rows and columns (double-precision geometry).
    /// </summary>
    /// <param name="poni">Geometry (its shape is required).</param>
    /// <param name="qMin">Band start, Å⁻¹.</param>
    /// <param name="qMax">Band end, Å⁻¹ (widened to the pixel sampling if narrower).</param>
    /// <param name="excluded">Optional excluded pixels (row, col) → true, e.g. Eiger module gaps or a beamstop.</param>
    /// <param name="bins">φ bins over 360°.</param>
    /// <param name="stride">Pixel sampling step.</param>
    public static AngularMask Compute(PoniGeometry poni, double qMin, double qMax, Func<int, int, bool>? excluded = null, int bins = 360, int stride = 2)
    {
        ArgumentNullException.ThrowIfNull(poni);
        DetectorShape shape = poni.RequireShape();
        var seen = new int[bins];
        var live = new int[bins];
        // A band thinner than the sampling step could fall between samples: widen it to ± one sampled pixel in q.
        PixelPosition c0 = PixelGeometry.Evaluate(poni, shape.Rows / 2.0, shape.Cols / 2.0);
        PixelPosition c1 = PixelGeometry.Evaluate(poni, shape.Rows / 2.0, (shape.Cols / 2.0) + stride);
        double pad = Math.Max(0, Math.Abs(c1.Q - c0.Q) - ((qMax - qMin) / 2));
        double lo = qMin - pad, hi = qMax + pad;
        for (int r = 0; r < shape.Rows; r += stride)
        {
            for (int c = 0; c < shape.Cols; c += stride)
            {
                PixelPosition p = PixelGeometry.Evaluate(poni, r + 0.5, c + 0.5);
                if (p.Q < lo || p.Q > hi)
                {
                    continue;
                }

                int b = Math.Clamp((int)(p.Phi / 360 * bins), 0, bins - 1);
                seen[b]++;
                if (excluded is null || !excluded(r, c))
                {
                    live[b]++;
                }
            }
        }

        double[] phi = Enumerable.Range(0, bins).Select(b => (b + 0.5) * 360.0 / bins).ToArray();
        double[] w = Enumerable.Range(0, bins).Select(b => seen[b] == 0 ? 0.0 : (double)live[b] / seen[b]).ToArray();
        return new AngularMask(phi, w);
    }
}
