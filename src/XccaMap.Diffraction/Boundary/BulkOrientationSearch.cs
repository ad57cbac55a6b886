using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// The bulk orientation of a domain from its averaged SAXS pattern (design.md §4 steps 10–11; Fig. S4, S10): the
/// lattice scale from the radial profile (<see cref="LatticeScaleSearch"/>); every zone-axis candidate
/// (<see cref="ZoneCandidates"/>) at every in-plane angle ψ scored against the pattern with a free amplitude per
/// reflection family (<see cref="PatternScorer"/>); the best few refined by Nelder–Mead over a small rotation
/// (3 angles), the scale and the spot widths; finally the family intensity factors calibrated on the result.
/// </summary>
public static class BulkOrientationSearch
{
    /// <summary>Finds the orientation.</summary>
    /// <param name="bulk">The domain-averaged pattern.</param>
    /// <param name="model">The superlattice model.</param>
    /// <param name="wavelengthAngstrom">λ, Å.</param>
    /// <param name="options">Options; defaults when null.</param>
    public static BulkOrientation Find(MeasuredCake bulk, SuperlatticeSpots model, double wavelengthAngstrom, BulkSearchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bulk);
        ArgumentNullException.ThrowIfNull(model);
        options ??= new BulkSearchOptions();
        var grid = bulk.Grid;
        var shape0 = options.InitialShape;
        double sigmaQ = Math.Max(shape0.RadialSigma, grid.QStep);
        var (scale0, _) = LatticeScaleSearch.Find(bulk, model.FamilyQ, sigmaQ, options.ScaleRange.Min, options.ScaleRange.Max);

        var zones = ZoneCandidates.Enumerate(options.MaxZoneIndex);
        int steps = Math.Max(1, (int)Math.Round(360 / options.InPlaneStepDeg));
        var perZone = new List<(ZoneAxis Zone, double Psi, double Score)>[zones.Count];
        Parallel.For(0, zones.Count, () => (new PatternScorer(grid, model.FamilyN.Length), new ModelSpot[model.Count]), (z, _, state) =>
        {
            var (scorer, buffer) = state;
            var scores = new double[steps];
            for (int i = 0; i < steps; i++)
            {
                double psi = i * 360.0 / steps;
                var r = OrientationFactory.FromZoneAxis(zones[z], psi);
                int n = model.Generate(r, scale0, shape0, wavelengthAngstrom, grid.QMin, grid.QMax, buffer);
                scores[i] = scorer.Score(bulk, buffer.AsSpan(0, n), default);
            }

            // Local maxima in ψ (circular), best three per zone.
            perZone[z] = Enumerable.Range(0, steps)
                .Where(i => scores[i] >= scores[(i + steps - 1) % steps] && scores[i] >= scores[(i + 1) % steps] && scores[i] > 0)
                .OrderByDescending(i => scores[i]).Take(3).Select(i => (zones[z], i * 360.0 / steps, scores[i])).ToList();
            return state;
        }, _ => { });

        var candidates = perZone.SelectMany(x => x).OrderByDescending(c => c.Score).Take(Math.Max(1, options.Refine)).ToList();
        var scorer = new PatternScorer(grid, model.FamilyN.Length);
        var buffer = new ModelSpot[model.Count];
        BulkOrientation? best = null;
        foreach (var c in candidates)
        {
            var start = OrientationFactory.FromZoneAxis(c.Zone, c.Psi);
            double Objective(double[] p)
            {
                var (r, s, shape) = Unpack(start, p, shape0, options.RefineShape);
                int n = model.Generate(r, s, shape, wavelengthAngstrom, grid.QMin, grid.QMax, buffer);
                return -scorer.Score(bulk, buffer.AsSpan(0, n), default);
            }

            double[] p0 = [0, 0, 0, Math.Log(scale0), 0, 0];
            double[] steps0 = [1.0, 1.0, 1.0, 0.003, options.RefineShape ? 0.3 : 0, options.RefineShape ? 0.3 : 0];
            var (x, value) = NelderMead.Minimise(Objective, p0, steps0, 600);
            (x, value) = NelderMead.Minimise(Objective, x, [0.3, 0.3, 0.3, 0.001, options.RefineShape ? 0.1 : 0, options.RefineShape ? 0.1 : 0], 400);
            if (best is null || -value > best.Score)
            {
                var (r, s, shape) = Unpack(start, x, shape0, options.RefineShape);
                best = new BulkOrientation(r, c.Zone, c.Psi, s, shape, -value, [], []);
            }
        }

        var result = best!;
        var factors = CalibrateFamilies(bulk, model, result, wavelengthAngstrom, scorer, buffer);
        return result with { FamilyFactors = factors, Candidates = candidates.Select(c => (c.Zone, c.Psi, c.Score)).ToList() };
    }

    /// <summary>Orientation, scale and spot shape from the refinement parameters (rotation vector in degrees, ln scale, ln width factors).</summary>
    private static (Mat3 R, double Scale, SpotShape Shape) Unpack(Mat3 start, double[] p, SpotShape shape0, bool refineShape)
    {
        var omega = new Vec3(p[0], p[1], p[2]);
        double angle = omega.Norm;
        var r = angle > 1e-12 ? AxisAngle.RotationMatrixDeg(omega, angle) * start : start;
        var shape = refineShape
            ? new SpotShape(Math.Clamp(shape0.MosaicSigmaDeg * Math.Exp(p[4]), 0.1, 10), Math.Clamp(shape0.RadialSigma * Math.Exp(p[5]), 1e-5, 0.02))
            : shape0;
        return (r, Math.Exp(p[3]), shape);
    }

    /// <summary>
    /// Intensity factor of each family relative to the model: the squared per-family amplitude of the fit (root
    /// space), normalised to a median of 1 over the families that explain part of the bulk pattern; families the bulk
    /// does not show take the factor of the nearest family in q that it shows. Clamped to [0.02, 50].
    /// </summary>
    private static double[] CalibrateFamilies(MeasuredCake bulk, SuperlatticeSpots model, BulkOrientation o, double wavelength, PatternScorer scorer, ModelSpot[] buffer)
    {
        var grid = bulk.Grid;
        int n = model.Generate(o.LabFromSl, o.Scale, o.Shape, wavelength, grid.QMin, grid.QMax, buffer);
        scorer.Score(bulk, buffer.AsSpan(0, n), default);
        int families = model.FamilyN.Length;
        var factor = new double[families];
        var seen = new List<int>();
        for (int f = 0; f < families; f++)
        {
            double dot = scorer.FamilyDot[f], pp = scorer.FamilyNorm[f];
            if (pp > 0 && dot > 0 && dot * dot / pp > 1e-3 * bulk.Norm2)
            {
                factor[f] = dot * dot / (pp * pp);
                seen.Add(f);
            }
        }

        if (seen.Count == 0)
        {
            Array.Fill(factor, 1.0);
            return factor;
        }

        double median = QMapBuilder.Median(seen.Select(f => factor[f]));
        var seenSet = seen.ToHashSet();
        for (int f = 0; f < families; f++)
        {
            if (!seenSet.Contains(f))
            {
                int nearest = seen.OrderBy(g => Math.Abs(model.FamilyQ[g] - model.FamilyQ[f])).First();
                factor[f] = factor[nearest];
            }
        }

        for (int f = 0; f < families; f++)
        {
            factor[f] = Math.Clamp(factor[f] / median, 0.02, 50);
        }

        return factor;
    }
}
