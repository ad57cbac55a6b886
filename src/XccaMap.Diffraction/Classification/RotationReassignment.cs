using System.Globalization;
using XccaMap.Diffraction.Boundary;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Processing;

namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Rotation-aware re-assignment of SAXS points near domain edges (design.md §4 steps 5 and 10): the lattice turns
/// out of plane at a domain's rim, so a rim point keeps some of its class's angular peaks and gains others, and its
/// fingerprint may resemble another class's bulk more than its own. Each class's bulk orientation is found from its
/// members' mean ring profiles (<see cref="BulkOrientationSearch"/>); each rim point is matched against the bulk
/// pattern of every class within <see cref="Reach"/> raster steps under small tilts (the grid stage of <see cref="RotationTracker"/>: coarse grid, then a hill climb)
/// and goes to the class that explains it clearly best (<see cref="Choose"/>), preferring the smaller tilt among
/// near-equal scores; points explained by none keep their label. Repeated while points change, since a changed
/// point makes its neighbours rim points; each point is scored once (the bulk orientations stay fixed). The ring net
/// profiles of the feature pass stand in for the cake (no frame is read again): each ring's profile fills the q bins
/// of its window.
/// </summary>
internal static class RotationReassignment
{
    /// <summary>Step of the tilt lattice, degrees (the coarse grid takes every other node).</summary>
    private const double TiltStepDeg = 1.5;

    /// <summary>Rounds of re-assignment (a changed point makes its neighbours rim points).</summary>
    private const int MaxRounds = 5;

    /// <summary>Raster steps within which a class is a candidate for a point.</summary>
    private const int Reach = 2;

    /// <summary>Re-assigns in place; returns the number of points changed and a note.</summary>
    public static (int Changed, string Note) Apply(
        BandFeatures band, int[] labels, bool[] hasData, bool[] hasSignal, int classCount, Raster raster, double wavelengthAngstrom,
        double maxTiltDeg, double margin, double minScore, double dominance)
    {
        var cake = band.Cake;
        if (classCount < 2 || cake.QCount < 2 || !cake.Table.Bins.IsFullCircle)
        {
            return (0, "rotation re-assignment: skipped (fewer than two classes or no full-circle cake)");
        }

        double latticeA = LatticeFromRings(cake);
        if (!double.IsFinite(latticeA))
        {
            return (0, "rotation re-assignment: skipped (no indexed superlattice ring)");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        double qStep = cake.Q[1] - cake.Q[0];
        var grid = new CakeGrid(cake.Q[0] - (0.5 * qStep), qStep, cake.QCount, cake.PhiCount);
        int shift = (int)Math.Round(cake.Table.Bins.PhiMin / cake.Table.Bins.PhiStep);
        var model = new SuperlatticeSpots(latticeA, grid.QMax * 1.3);

        // Bulk orientation of each class from its members' mean pattern.
        var bulks = new BulkOrientation?[classCount];
        for (int k = 0; k < classCount; k++)
        {
            var members = Enumerable.Range(0, labels.Length).Where(f => labels[f] == k && hasData[f] && hasSignal[f]).ToArray();
            if (members.Length == 0)
            {
                continue;
            }

            var mean = Pattern(band, members, grid, shift);
            bulks[k] = BulkOrientationSearch.Find(new MeasuredCake(grid, mean), model, wavelengthAngstrom);
        }

        double bulkSeconds = clock.Elapsed.TotalSeconds;
        var options = new RotationOptions { MaxTiltDeg = maxTiltDeg, TiltStepDeg = TiltStepDeg };
        var cache = new Dictionary<int, (double Score, double Tilt)[]>();
        var frameOf = FrameOf(labels.Length, raster);
        int changed = 0, rounds = 0;
        while (rounds < MaxRounds)
        {
            var candidates = Candidates(labels, hasData, hasSignal, raster, frameOf).Where(f => !cache.ContainsKey(f)).ToArray();
            if (candidates.Length == 0)
            {
                break;
            }

            rounds++;
            var scores = new (double Score, double Tilt)[candidates.Length][];
            Parallel.For(0, candidates.Length, i => scores[i] = Scores(band, candidates[i], Nearby(candidates[i], labels, raster, frameOf), grid, shift, bulks, model, wavelengthAngstrom, options));
            int before = changed;
            for (int i = 0; i < candidates.Length; i++)
            {
                int f = candidates[i];
                var row = scores[i];
                cache[f] = row;
                int choice = Choose(row, labels[f], margin, minScore, dominance);
                if (choice != labels[f])
                {
                    labels[f] = choice;
                    changed++;
                }
            }

            if (changed == before)
            {
                break;
            }
        }

        string note = string.Create(CultureInfo.InvariantCulture,
            $"rotation re-assignment: {changed} of {cache.Count} rim points changed class in {rounds} rounds ({clock.Elapsed.TotalSeconds:0.0} s, bulk {bulkSeconds:0.0} s; bulk zones {string.Join(", ", bulks.Select(b => b is null ? "-" : $"{b.NearestZone.Zone} score {b.Score:0.00}"))})");
        return (changed, note);
    }

    /// <summary>
    /// The class a point goes to: the best-explaining class (among those within <paramref name="margin"/> × the best
    /// score, the one with the smallest tilt) when it explains at least <paramref name="minScore"/> and
    /// <paramref name="dominance"/> times what the current class (or, for a mixed point, every other class) explains;
    /// otherwise the current label.
    /// </summary>
    internal static int Choose((double Score, double Tilt)[] row, int current, double margin, double minScore, double dominance)
    {
        double best = row.Max(s => s.Score);
        if (!(best >= minScore))
        {
            return current;
        }

        int choice = Enumerable.Range(0, row.Length).Where(k => row[k].Score >= best * (1 - margin)).MinBy(k => row[k].Tilt);
        if (choice == current)
        {
            return current;
        }

        double rival = current >= 0 ? row[current].Score : Enumerable.Range(0, row.Length).Where(k => k != choice).Max(k => row[k].Score);
        return row[choice].Score >= dominance * rival ? choice : current;
    }

    /// <summary>
    /// Per class of <paramref name="classes"/> (0 for the others), the best explained fraction of point <paramref name="frame"/>'s pattern over a grid of tilt vectors
    /// θ·a (|θ| ≤ the largest tilt; ψ = 0) at the point's lattice scale, with the class's bulk-calibrated family
    /// factors (as <see cref="RotationTracker"/>'s grid stage, without its refinement), and that tilt.
    /// </summary>
    private static (double Score, double Tilt)[] Scores(
        BandFeatures band, int frame, HashSet<int> classes, CakeGrid grid, int shift, BulkOrientation?[] bulks, SuperlatticeSpots model, double wavelengthAngstrom, RotationOptions options)
    {
        var measured = new MeasuredCake(grid, Pattern(band, [frame], grid, shift));
        var scorer = new PatternScorer(grid, model.FamilyN.Length);
        var buffer = new ModelSpot[model.Count];
        var row = new (double, double)[bulks.Length];
        double step = options.TiltStepDeg, max = options.MaxTiltDeg;
        int m = (int)Math.Ceiling(max / step);
        for (int k = 0; k < bulks.Length; k++)
        {
            row[k] = (0, double.NaN);
            if (!classes.Contains(k) || bulks[k] is not { } bulk)
            {
                continue;
            }

            double sigmaQ = Math.Max(bulk.Shape.RadialSigma, grid.QStep);
            var (scale, scaleScore) = LatticeScaleSearch.Find(measured, model.FamilyQ, sigmaQ, bulk.Scale * 0.97, bulk.Scale * options.MaxRelativeScale);
            if (!(scaleScore >= options.MinScaleScore))
            {
                continue;
            }

            // Coarse grid (every other node of the fine lattice), then a hill climb on the fine lattice from the best three nodes.
            var seen = new Dictionary<(int, int), double>();
            double Eval(int i, int j)
            {
                if (seen.TryGetValue((i, j), out double v))
                {
                    return v;
                }

                double tx = i * step, ty = j * step;
                if ((tx * tx) + (ty * ty) > (max * max) + 1e-9)
                {
                    return seen[(i, j)] = double.NegativeInfinity;
                }

                int n = model.Generate(RotationTracker.Orientation(bulk.LabFromSl, tx, ty, 0), scale, bulk.Shape, wavelengthAngstrom, grid.QMin, grid.QMax, buffer);
                return seen[(i, j)] = scorer.Score(measured, buffer.AsSpan(0, n), bulk.FamilyFactors);
            }

            var coarse = new List<(int I, int J, double Score)>();
            for (int i = -m; i <= m; i += 2)
            {
                for (int j = -m; j <= m; j += 2)
                {
                    coarse.Add((i, j, Eval(i, j)));
                }
            }

            foreach (var start in coarse.OrderByDescending(c => c.Score).Take(3))
            {
                var (bi, bj, bs) = start;
                for (bool moved = true; moved;)
                {
                    moved = false;
                    for (int di = -1; di <= 1; di++)
                    {
                        for (int dj = -1; dj <= 1; dj++)
                        {
                            double v = Eval(bi + di, bj + dj);
                            if (v > bs)
                            {
                                (bi, bj, bs, moved) = (bi + di, bj + dj, v, true);
                            }
                        }
                    }
                }

                double tilt = step * Math.Sqrt((bi * bi) + (bj * bj));
                if (bs > row[k].Item1 || (bs == row[k].Item1 && tilt < row[k].Item2))
                {
                    row[k] = (bs, tilt);
                }
            }
        }

        return row;
    }

    /// <summary>
    /// The classes within <see cref="Reach"/> raster steps of a point: a rim point belongs to one of the domains that
    /// meet there (two steps, so that a point behind a mixed or mislabelled neighbour still sees its own domain).
    /// </summary>
    private static HashSet<int> Nearby(int frame, int[] labels, Raster raster, int[] frameOf)
    {
        var (r, c) = raster.PointOfFrame(frame);
        var result = new HashSet<int>();
        for (int rr = Math.Max(0, r - Reach); rr <= Math.Min(raster.Rows - 1, r + Reach); rr++)
        {
            for (int cc = Math.Max(0, c - Reach); cc <= Math.Min(raster.Cols - 1, c + Reach); cc++)
            {
                int g = frameOf[(rr * raster.Cols) + cc];
                if (g >= 0 && labels[g] >= 0)
                {
                    result.Add(labels[g]);
                }
            }
        }

        return result;
    }

    /// <summary>Frame of each raster point (map index), −1 where none.</summary>
    private static int[] FrameOf(int frames, Raster raster)
    {
        var frameOf = new int[raster.Points];
        Array.Fill(frameOf, -1);
        for (int f = 0; f < Math.Min(raster.Points, frames); f++)
        {
            frameOf[raster.MapIndexOfFrame(f)] = f;
        }

        return frameOf;
    }

    /// <summary>Points with a class (or mixed) and signal that have an 8-neighbour of another label.</summary>
    private static int[] Candidates(int[] labels, bool[] hasData, bool[] hasSignal, Raster raster, int[] frameOf)
    {

        var result = new List<int>();
        for (int f = 0; f < Math.Min(raster.Points, labels.Length); f++)
        {
            if (!hasData[f] || !hasSignal[f] || !(labels[f] >= 0 || labels[f] == ClassLabels.Mixed))
            {
                continue;
            }

            var (r, c) = raster.PointOfFrame(f);
            bool rim = false;
            for (int dr = -1; dr <= 1 && !rim; dr++)
            {
                for (int dc = -1; dc <= 1 && !rim; dc++)
                {
                    int rr = r + dr, cc = c + dc;
                    if ((dr != 0 || dc != 0) && rr >= 0 && rr < raster.Rows && cc >= 0 && cc < raster.Cols)
                    {
                        int g = frameOf[(rr * raster.Cols) + cc];
                        rim = g >= 0 && labels[g] != labels[f];
                    }
                }
            }

            if (rim || labels[f] == ClassLabels.Mixed)
            {
                result.Add(f);
            }
        }

        return [.. result];
    }

    /// <summary>The mean ring net profiles of <paramref name="frames"/> as a cake: each ring's profile fills the q bins of its window.</summary>
    private static PointPattern Pattern(BandFeatures band, int[] frames, CakeGrid grid, int shift)
    {
        var cake = band.Cake;
        int np = grid.PhiCount;
        var saxs = new float[grid.BinCount];
        var weight = new float[grid.BinCount];
        Array.Fill(saxs, float.NaN);
        var mean = new float[np];
        for (int ring = 0; ring < cake.Rings.Count; ring++)
        {
            Array.Clear(mean);
            foreach (int f in frames)
            {
                var net = band.Net(f, ring);
                for (int j = 0; j < np; j++)
                {
                    mean[j] += net[j] / frames.Length;
                }
            }

            var valid = cake.Valid(ring);
            var r = cake.Rings[ring];
            for (int iq = 0; iq < grid.QCount; iq++)
            {
                double q = grid.Q(iq);
                if (q < r.QMin || q > r.QMax)
                {
                    continue;
                }

                for (int j = 0; j < np; j++)
                {
                    if (valid[j])
                    {
                        int b = (iq * np) + (((j + shift) % np) + np) % np;
                        saxs[b] = mean[j];
                        weight[b] = frames.Length;
                    }
                }
            }
        }

        return new PointPattern(-1, -1, frames.Length, saxs, weight, [], []);
    }

    /// <summary>Median lattice constant a = 2π√N/q over the rings indexed "hkl" (single-digit indices), Å; NaN when none.</summary>
    private static double LatticeFromRings(BandCake cake)
    {
        var values = new List<double>();
        foreach (var r in cake.Rings)
        {
            if (r.Hkl is { Length: 3 } hkl && hkl.All(char.IsDigit))
            {
                int n = hkl.Sum(ch => (ch - '0') * (ch - '0'));
                values.Add(2 * Math.PI * Math.Sqrt(n) / r.Q);
            }
        }

        return values.Count == 0 ? double.NaN : values.Order().ElementAt(values.Count / 2);
    }
}
