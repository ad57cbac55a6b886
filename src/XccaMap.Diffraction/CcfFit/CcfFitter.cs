using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Simulation;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// Fits simulated CCFs (eqs. 4–6 of the Mukharamova et al. 2019 S.I.) to a measured domain CCF: for every candidate
/// superlattice zone axis and every orientation relation requested, the in-plane rotation ψ, the small SL/AL
/// misorientation ω and the peak widths are refined by least squares (amplitudes and offset linearly); the candidates
/// are ranked by residual and the relations compared (design.md §1 job 3, §4.11).
/// </summary>
/// <example>
/// <code>
/// var report = CcfFitter.Fit(new CcfFitData { DeltaDeg = delta, Ccf = c, Q1 = 0.139, Q2 = 2.117, WavelengthAngstrom = 0.898,
///     Mask2 = AngularMask.FromWindow(new AngularWindow(265, 5)) }, new CcfFitOptions { Zones = [new ZoneAxis(1, 1, 0)] });
/// Console.WriteLine($"{report.Selection.Chosen}: ψ = {report.Best.InPlane.Value:F2}°, ω_z = {report.Best.MisorientationDeg.Z:F2}°");
/// </code>
/// </example>
public static class CcfFitter
{
    /// <summary>Fits every (zone, relation) candidate of <paramref name="options"/> and ranks them.</summary>
    /// <exception cref="ArgumentException">Inconsistent data or options (the message says which).</exception>
    public static CcfFitReport Fit(CcfFitData data, CcfFitOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        data.Validate();
        options ??= new CcfFitOptions();
        options.Validate();
        var fine = new CcfSimulator(options.Bins, data.Mask1, data.Mask2);
        var coarse = new CcfSimulator(options.SearchBins, data.Mask1, data.Mask2);
        var search = new CcfFitSearch(data, options, fine, coarse);
        // Candidates are independent (the simulators and models are read-only once built): fit them in parallel.
        var candidates = Candidates(options).Where(c => options.Zones is not null || Plausible(c.Zone, data, options)).ToArray();
        if (candidates.Length == 0)
        {
            throw new ArgumentException($"{data.Label}: no candidate zone axis puts its strong superlattice spots on the measured SAXS azimuths [{string.Join(", ", data.SaxsPeakPhiDeg!.Select(p => p.ToString("F1", System.Globalization.CultureInfo.InvariantCulture)))}]°; give the zone axis.");
        }

        var fits = new CcfFitResult[candidates.Length];
        Parallel.For(0, candidates.Length, new ParallelOptions { CancellationToken = cancel }, i =>
            fits[i] = search.Fit(candidates[i].Zone, candidates[i].Kind, cancel));
        // Stable order (ties keep the candidate order), so equal residuals give the same report every run.
        List<CcfFitResult> results = [.. fits.Select((r, i) => (r, i)).OrderBy(x => x.r.TotalRss).ThenBy(x => x.i).Select(x => x.r)];
        return new CcfFitReport(data.Label, results, Select(results));
    }

    // Given zones are used as they are; the default families are expanded into the members that differ once the
    // relation attaches the atomic lattice (ZoneVariants), e.g. [110] and [-110] for Conf2. A free relation needs no
    // expansion (the fitted rotation absorbs it).
    private static IEnumerable<(ZoneAxis Zone, CcfModelKind Kind)> Candidates(CcfFitOptions options)
    {
        foreach (CcfModelKind kind in options.Models.Distinct())
        {
            if (options.Zones is { } given)
            {
                foreach (ZoneAxis z in given)
                {
                    yield return (z, kind);
                }

                continue;
            }

            foreach (ZoneAxis family in CcfFitOptions.DefaultZones)
            {
                IEnumerable<ZoneAxis> members = kind switch
                {
                    CcfModelKind.Conf1 => ZoneVariants.Distinct(family, OrientationRelation.Conf1),
                    CcfModelKind.Conf2 => ZoneVariants.Distinct(family, OrientationRelation.Conf2),
                    _ => [family],
                };
                foreach (ZoneAxis z in members)
                {
                    yield return (z, kind);
                }
            }
        }
    }

    // With measured SAXS azimuths and no given ψ, a default zone whose strong zero-layer spots cannot sit on them (RMS
    // mismatch above 2°) is not fitted: the CCF alone hardly tells zones apart, the SAXS pattern does.
    private static bool Plausible(ZoneAxis zone, CcfFitData data, CcfFitOptions options) =>
        options.InPlaneDeg is not null || data.Profile1 is not null || data.SaxsPeakPhiDeg is not { Length: > 0 } ||
        InPlaneFromSaxsPeaks.Solve(zone, options.SuperlatticeA, options.NanocrystalRadiusAngstrom, options.NanocrystalRadiusSigmaAngstrom, data.SaxsPeakPhiDeg).RmsMismatchDeg <= 2;

    private static ModelSelection Select(List<CcfFitResult> ranked)
    {
        CcfFitResult best = ranked[0];
        CcfFitResult? other = ranked.FirstOrDefault(r => r.Zone == best.Zone && r.Model != best.Model);
        if (other is null)
        {
            return new ModelSelection(best.Model, best.TotalRss, null, double.NaN, double.NaN, false);
        }

        double s2 = best.TotalRss / Math.Max(1, best.DegreesOfFreedom);
        double delta = s2 > 0 ? (other.TotalRss - best.TotalRss) / s2 : double.PositiveInfinity;
        bool decisive = delta >= 4 && other.TotalRss >= 1.02 * best.TotalRss;
        return new ModelSelection(best.Model, best.TotalRss, other.Model, other.TotalRss, delta, decisive);
    }
}
