using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Reflections;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// The in-plane rotation ψ of a superlattice zone from measured SAXS peak azimuths (e.g. the domain's typical peak
/// azimuths that <c>process</c> stores per class): the CCF sees only angle differences, so ψ comes from the SAXS
/// pattern. The measured peaks are the domain's strongest, so they are matched to the strong zero-layer spots only
/// (families up to 420 with |F|² ≥ 10 % of the strongest in-plane one, spheres of the given radii — the form factor
/// decides which rings dominate); every ψ that puts those spots on the measured azimuths is a candidate.
/// Symmetry-equivalent ψ all score the same and are all returned (they differ once the atomic lattice is attached).
/// </summary>
internal static class InPlaneFromSaxsPeaks
{
    /// <summary>Peak azimuths farther than this from every model spot count as this far (an unmatched peak of another family).</summary>
    public const double CapDeg = 5;

    /// <summary>
    /// Candidate ψ (degrees), the standard error of ψ from the scatter of the matched peaks, and the RMS mismatch
    /// (degrees, capped per peak at <see cref="CapDeg"/>) of the best ψ — large when the zone cannot produce the peaks.
    /// </summary>
    public static (double[] Candidates, double StandardErrorDeg, double RmsMismatchDeg) Solve(ZoneAxis zone, double latticeA, double radius, double radiusSigma, IReadOnlyList<double> peakPhiDeg)
    {
        double[] spots = ZeroLayerAzimuths(zone, latticeA, radius, radiusSigma);
        if (spots.Length == 0 || peakPhiDeg.Count == 0)
        {
            return ([], double.NaN, double.NaN);
        }

        const int n = 7200; // 0.05° grid
        var score = new double[n];
        for (int i = 0; i < n; i++)
        {
            score[i] = Score(spots, peakPhiDeg, i * 360.0 / n);
        }

        double min = score.Min();
        double cut = min + Math.Max(0.25 * peakPhiDeg.Count, 0.05 * (score.Average() - min));
        var found = new List<double>();
        for (int i = 0; i < n; i++)
        {
            double c = score[i];
            if (c <= cut && c <= score[(i + n - 1) % n] && c < score[(i + 1) % n])
            {
                found.Add(i * 360.0 / n);
            }
        }

        // Scatter of the matched peaks about the best ψ: σ/√n.
        double best = found.Count > 0 ? found.MinBy(p => Score(spots, peakPhiDeg, p)) : 0;
        double[] d = peakPhiDeg.Select(h => Nearest(spots, h - best)).Where(x => Math.Abs(x) < CapDeg).ToArray();
        double se = d.Length > 1 ? Math.Sqrt(d.Sum(x => x * x) / (d.Length - 1)) / Math.Sqrt(d.Length) : double.NaN;
        return ([.. found], se, Math.Sqrt(min / peakPhiDeg.Count));
    }

    private static double Score(double[] spots, IReadOnlyList<double> peaks, double psi)
    {
        double s = 0;
        foreach (double h in peaks)
        {
            double d = Math.Min(Math.Abs(Nearest(spots, h - psi)), CapDeg);
            s += d * d;
        }

        return s;
    }

    // Signed distance from φ to the nearest spot azimuth.
    private static double Nearest(double[] spots, double phi)
    {
        double best = 360;
        foreach (double p in spots)
        {
            double d = Angles.Wrap180(phi - p);
            if (Math.Abs(d) < Math.Abs(best))
            {
                best = d;
            }
        }

        return best;
    }

    // Azimuths at ψ = 0 of the zero-layer reflections (turning by ψ adds ψ to every azimuth).
    private static double[] ZeroLayerAzimuths(ZoneAxis zone, double a, double radius, double radiusSigma)
    {
        Structure fcc = StructureFactory.FccSuperlattice(a, radius, radiusSigma);
        var calc = new ReflectionCalculator(fcc, 2 * Math.PI * Math.Sqrt(20.001) / a);
        Mat3 r = OrientationFactory.FromZoneAxis(fcc.Lattice, zone, 0);
        Reflection[] inPlane = calc.Compute(r, double.PositiveInfinity, new SpotBroadening(1)).Where(x => Math.Abs(x.GLab.Z) < 1e-6 * x.Q).ToArray();
        double max = inPlane.Select(x => x.StructureFactorSquared).DefaultIfEmpty(0).Max();
        return inPlane.Where(x => x.StructureFactorSquared >= 0.1 * max).Select(x => x.PhiDeg).Distinct().ToArray();
    }
}
