using XccaMap.Crystallography.Geometry;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// The out-of-plane rotation of the superlattice at each point of a line (design.md §4 step 10; Fig. 4, S8–S10,
/// Table S3): for every point, the rotation Rz(ψ)·Rot(a, θ) of the bulk orientation whose simulated SAXS pattern best
/// matches the measured one. The point's lattice scale comes from its radial profile; the tilt (θ about an in-plane
/// axis a) is searched on a grid over a disc of tilt vectors θ·a (no singular axis at θ = 0), the best maxima are
/// refined by Nelder–Mead over (tilt vector, ψ, scale), scored with the bulk-calibrated family factors (one overall
/// amplitude: thickness and footprint vary). Near-equal solutions (e.g. ±θ for a zone whose pattern is almost
/// centrosymmetric, told apart only by the Ewald-sphere curvature) are resolved by continuity with the previous point.
/// </summary>
public static class RotationTracker
{
    /// <summary>Tracks the rotation over <paramref name="points"/>, in the given order (start from the bulk side).</summary>
    /// <param name="points">Patterns with their position and edge distance along the line.</param>
    /// <param name="grid">The cake bins of the patterns.</param>
    /// <param name="bulk">The domain's bulk orientation.</param>
    /// <param name="model">The superlattice model.</param>
    /// <param name="wavelengthAngstrom">λ, Å.</param>
    /// <param name="options">Options; defaults when null.</param>
    public static IReadOnlyList<RotationPoint> Track(
        IReadOnlyList<(PointPattern Pattern, double Position, double EdgeDistance)> points, CakeGrid grid, BulkOrientation bulk,
        SuperlatticeSpots model, double wavelengthAngstrom, RotationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(bulk);
        options ??= new RotationOptions();
        var scorer = new PatternScorer(grid, model.FamilyN.Length);
        var buffer = new ModelSpot[model.Count];
        var factors = bulk.FamilyFactors;
        var result = new List<RotationPoint>(points.Count);
        (double X, double Y)? previous = (0, 0);
        double sigmaQ = Math.Max(bulk.Shape.RadialSigma, grid.QStep);
        foreach (var (pattern, position, edge) in points)
        {
            var none = new RotationPoint(pattern.Row, pattern.Col, position, edge, false, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN,
                Vec3.Zero, double.NaN, double.NaN, false, double.NaN, double.NaN, double.NaN);
            if (!pattern.HasData)
            {
                result.Add(none);
                continue;
            }

            var measured = new MeasuredCake(grid, pattern);
            var (scale, scaleScore) = LatticeScaleSearch.Find(measured, model.FamilyQ, sigmaQ, bulk.Scale * 0.97, bulk.Scale * options.MaxRelativeScale);
            if (!(scaleScore >= options.MinScaleScore))
            {
                result.Add(none);
                continue;
            }

            double Score(double tx, double ty, double psi, double s)
            {
                int n = model.Generate(Orientation(bulk.LabFromSl, tx, ty, psi), s, bulk.Shape, wavelengthAngstrom, grid.QMin, grid.QMax, buffer);
                return scorer.Score(measured, buffer.AsSpan(0, n), factors);
            }

            // Grid over the tilt disc.
            var cells = new List<(double X, double Y, double Score)>();
            double step = options.TiltStepDeg, max = options.MaxTiltDeg;
            int m = (int)Math.Ceiling(max / step);
            var map = new Dictionary<(int, int), double>();
            for (int i = -m; i <= m; i++)
            {
                for (int j = -m; j <= m; j++)
                {
                    double tx = i * step, ty = j * step;
                    if ((tx * tx) + (ty * ty) > (max * max) + 1e-9)
                    {
                        continue;
                    }

                    map[(i, j)] = Score(tx, ty, 0, scale);
                }
            }

            foreach (var ((i, j), v) in map)
            {
                bool isMax = true;
                for (int di = -1; di <= 1 && isMax; di++)
                {
                    for (int dj = -1; dj <= 1; dj++)
                    {
                        if ((di != 0 || dj != 0) && map.TryGetValue((i + di, j + dj), out var w) && w > v)
                        {
                            isMax = false;
                            break;
                        }
                    }
                }

                if (isMax)
                {
                    cells.Add((i * step, j * step, v));
                }
            }

            var starts = cells.OrderByDescending(c => c.Score).Take(Math.Max(1, options.Refine)).ToList();
            if (previous is { } prev && !starts.Any(c => Dist(c.X, c.Y, prev.X, prev.Y) < 2 * step))
            {
                starts.Add((prev.X, prev.Y, 0));
            }

            var refined = new List<(double X, double Y, double Psi, double S, double Score)>();
            foreach (var c in starts)
            {
                var (x, value) = NelderMead.Minimise(p => -Score(p[0], p[1], p[2], Math.Exp(p[3])), [c.X, c.Y, 0, Math.Log(scale)], [0.5 * step, 0.5 * step, 0.5, 0.002], 300);
                refined.Add((x[0], x[1], x[2], Math.Exp(x[3]), -value));
            }

            var ordered = refined.OrderByDescending(r => r.Score).ToList();
            var best = ordered[0];
            bool ambiguous = false;
            if (previous is { } p0)
            {
                var close = ordered.Where(r => r.Score >= best.Score * (1 - options.AmbiguityTolerance) && Dist(r.X, r.Y, best.X, best.Y) > 3).ToList();
                if (close.Count > 0)
                {
                    ambiguous = true;
                    best = close.Append(best).OrderBy(r => Dist(r.X, r.Y, p0.X, p0.Y)).First();
                }
            }

            var alternative = ordered.FirstOrDefault(r => Dist(r.X, r.Y, best.X, best.Y) > 3);
            previous = (best.X, best.Y);
            double theta = Math.Sqrt((best.X * best.X) + (best.Y * best.Y));
            double phi = Math.Atan2(best.Y, best.X) * 180 / Math.PI;
            (theta, phi) = Canonical(theta, phi);
            var axisLab = new Vec3(Math.Cos(phi * Math.PI / 180), Math.Sin(phi * Math.PI / 180), 0);
            var rotation = Orientation(bulk.LabFromSl, best.X, best.Y, best.Psi) * bulk.LabFromSl.Transpose();
            double mis = AxisAngle.FromMatrix(rotation).AngleDeg;
            double altTheta = double.NaN, altPhi = double.NaN, altScore = double.NaN;
            if (alternative != default)
            {
                (altTheta, altPhi) = Canonical(Math.Sqrt((alternative.X * alternative.X) + (alternative.Y * alternative.Y)), Math.Atan2(alternative.Y, alternative.X) * 180 / Math.PI);
                altScore = alternative.Score;
            }

            result.Add(new RotationPoint(pattern.Row, pattern.Col, position, edge, true, best.S, theta, phi, best.Psi, mis,
                theta == 0 ? Vec3.Zero : (bulk.LabFromSl.Transpose() * axisLab).Normalized(), best.Score, Score(0, 0, 0, best.S), ambiguous, altTheta, altPhi, altScore));
        }

        return result;
    }

    /// <summary>R = Rz(ψ)·Rot(a, θ)·R₀ for the tilt vector θ·a = (tx, ty) in degrees.</summary>
    public static Mat3 Orientation(Mat3 bulk, double tx, double ty, double psiDeg)
    {
        double theta = Math.Sqrt((tx * tx) + (ty * ty));
        var r = theta > 1e-12 ? AxisAngle.RotationMatrixDeg(new Vec3(tx, ty, 0), theta) * bulk : bulk;
        return psiDeg != 0 ? AxisAngle.RotationMatrixDeg(Vec3.UnitZ, psiDeg) * r : r;
    }

    /// <summary>(θ, φ_a) with φ_a in [0, 180): Rot(a, θ) = Rot(−a, −θ).</summary>
    public static (double Theta, double Phi) Canonical(double theta, double phiDeg)
    {
        double phi = ((phiDeg % 360) + 360) % 360;
        if (phi >= 180)
        {
            phi -= 180;
            theta = -theta;
        }

        return (theta, phi);
    }

    private static double Dist(double x1, double y1, double x2, double y2) => Math.Sqrt(((x1 - x2) * (x1 - x2)) + ((y1 - y2) * (y1 - y2)));
}
