using System.Globalization;
using XccaMap.Crystallography.Geometry;
using XccaMap.Diffraction.Boundary;
using XccaMap.Diffraction.Processing;

namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Rotation-aware re-assignment of SAXS points near domain edges (design.md §4 steps 5 and 10): the lattice turns
/// out of plane at a domain's rim and is compressed there, so a rim point keeps some of its class's angular peaks,
/// gains others, and its reflections move out of the bulk ring windows; its fingerprint may resemble another class's
/// bulk more than its own. The rim points' frames are read again (<see cref="IRimFrames"/>: the whole SAXS band as a
/// (q, φ) cake, as the boundary analysis reads them). Each class's bulk orientation is found from the mean cake of its
/// <see cref="RotationOptions.BulkPoints"/> deepest points (<see cref="BulkOrientationSearch"/>). Classes whose bulk
/// orientations differ only by an out-of-plane tilt within the search range (<see cref="MergeTilted"/>) are one
/// orientation seen turned — a grain small enough to be rim all over — and are merged, each bulk kept as a template
/// of the merged class. Each rim point is matched against the bulk pattern of every
/// class within <see cref="Reach"/> raster steps under small tilts, at the point's own lattice scale (the grid stage
/// of <see cref="RotationTracker"/>: coarse grid, then a hill climb) and goes to the class that explains it clearly
/// best (<see cref="Choose"/>), preferring the smaller tilt among near-equal scores; points explained by none keep
/// their label. Repeated while points change, since a changed point makes its neighbours rim points; each point is
/// read and scored once (the bulk orientations stay fixed).
/// </summary>
internal static class RotationReassignment
{
    /// <summary>Step of the tilt lattice, degrees (the coarse grid takes every other node).</summary>
    private const double TiltStepDeg = 1.5;

    /// <summary>Rounds of re-assignment (a changed point makes its neighbours rim points).</summary>
    private const int MaxRounds = 5;

    /// <summary>Raster steps within which a class is a candidate for a point.</summary>
    private const int Reach = 2;

    /// <summary>In-plane turn within which two bulks related by an out-of-plane tilt are one orientation, degrees.</summary>
    private const double MergeInPlaneToleranceDeg = 3;

    /// <summary>
    /// Merges tilted variants and re-assigns rim points, in place (labels of merged classes are left unused: renumber
    /// after); returns the number of points changed, of classes merged away, the frames read and a note.
    /// </summary>
    /// <param name="frames">Reads frames as SAXS cakes.</param>
    /// <param name="labels">SAXS labels per frame (changed in place).</param>
    /// <param name="hasData">Frames with data.</param>
    /// <param name="hasSignal">Frames with SAXS peaks.</param>
    /// <param name="classCount">Classes.</param>
    /// <param name="raster">The raster.</param>
    /// <param name="latticeA">The scan's superlattice constant, Å.</param>
    /// <param name="wavelengthAngstrom">λ, Å.</param>
    /// <param name="maxTiltDeg">Largest tilt tried, degrees.</param>
    /// <param name="margin">See <see cref="Choose"/>.</param>
    /// <param name="minScore">See <see cref="Choose"/>.</param>
    /// <param name="dominance">See <see cref="Choose"/>.</param>
    public static (int Changed, int Merged, int FramesRead, string Note) Apply(
        IRimFrames frames, int[] labels, bool[] hasData, bool[] hasSignal, int classCount, Raster raster, double latticeA, double wavelengthAngstrom,
        double maxTiltDeg, double margin, double minScore, double dominance)
    {
        ArgumentNullException.ThrowIfNull(frames);
        if (classCount < 2)
        {
            return (0, 0, 0, "rotation re-assignment: skipped (fewer than two classes)");
        }

        if (!(latticeA > 0))
        {
            return (0, 0, 0, "rotation re-assignment: skipped (no indexed superlattice)");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var grid = frames.Grid;
        var model = new SuperlatticeSpots(latticeA, grid.QMax * 1.3);
        var options = new RotationOptions { MaxTiltDeg = maxTiltDeg, TiltStepDeg = TiltStepDeg };

        // Bulk orientation of each class from the mean cake of its deepest points (as many as the boundary analysis averages).
        var depth = Processing.DomainDepth.Compute(labels, hasData, raster);
        var core = new int[classCount][];
        for (int k = 0; k < classCount; k++)
        {
            var members = Enumerable.Range(0, labels.Length).Where(f => labels[f] == k && hasData[f] && hasSignal[f]).ToArray();
            core[k] = [.. members.OrderByDescending(f => depth[f]).ThenBy(f => f).Take(Math.Max(1, options.BulkPoints))];
        }

        var corePatterns = new System.Collections.Concurrent.ConcurrentDictionary<int, PointPattern>();
        frames.Read(core.SelectMany(c => c).Distinct().Order().ToArray(), (f, p) => corePatterns[f] = p);
        int read = corePatterns.Count;
        var bulks = new BulkOrientation?[classCount];
        for (int k = 0; k < classCount; k++)
        {
            if (PointPattern.Average(core[k].Where(corePatterns.ContainsKey).Select(f => corePatterns[f]).ToList()) is { } mean)
            {
                bulks[k] = BulkOrientationSearch.Find(new MeasuredCake(grid, mean), model, wavelengthAngstrom);
            }
        }

        corePatterns.Clear();
        double bulkSeconds = clock.Elapsed.TotalSeconds;

        // Classes whose bulks differ only by an out-of-plane tilt are one orientation seen turned (a grain that is rim
        // all over): merged into the largest of them; each keeps its bulk as a template of the merged class.
        var sizes = new int[classCount];
        foreach (int l in labels)
        {
            if (l >= 0)
            {
                sizes[l]++;
            }
        }

        var (owner, merges) = MergeTilted(bulks, sizes, maxTiltDeg, MergeInPlaneToleranceDeg);
        for (int f = 0; f < labels.Length; f++)
        {
            if (labels[f] >= 0)
            {
                labels[f] = owner[labels[f]];
            }
        }

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
            var nearby = candidates.ToDictionary(f => f, f => Nearby(f, labels, raster, frameOf));
            var scores = new System.Collections.Concurrent.ConcurrentDictionary<int, (double Score, double Tilt)[]>();
            frames.Read(candidates, (f, pattern) => scores[f] = Collapse(Scores(pattern, Templates(nearby[f], owner), grid, bulks, model, wavelengthAngstrom, options), owner));
            read += scores.Count;
            int before = changed;
            foreach (int f in candidates)
            {
                if (!scores.TryGetValue(f, out var row))
                {
                    row = new (double, double)[classCount]; // not readable now: scored as explained by none
                }

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

        string merged = merges.Count == 0 ? string.Empty
            : "; merged as tilted variants: " + string.Join(", ", merges.Select(m => string.Create(CultureInfo.InvariantCulture, $"class {m.From + 1} into {m.Into + 1} (tilt {m.TiltDeg:0.0}°, in-plane {m.InPlaneDeg:0.0}°)")));
        string note = string.Create(CultureInfo.InvariantCulture,
            $"rotation re-assignment: {changed} of {cache.Count} rim points changed class in {rounds} rounds ({read} frames read, {clock.Elapsed.TotalSeconds:0.0} s, bulk {bulkSeconds:0.0} s; bulk zones {string.Join(", ", bulks.Select(b => b is null ? "-" : $"{b.NearestZone.Zone} score {b.Score:0.00}"))}){merged}");
        return (changed, merges.Count, read, note);
    }

    /// <summary>
    /// Per class, the class it is merged into (itself when none), and the merges: two classes are one orientation when
    /// their bulk orientations differ, up to the cubic symmetry of the superlattice, by a tilt about an in-plane axis of
    /// at most <paramref name="maxTiltDeg"/> and an in-plane turn within <paramref name="inPlaneToleranceDeg"/> of 0 or
    /// 180° (the SAXS pattern is centrosymmetric). Groups are closed transitively; the largest class of a group owns it.
    /// </summary>
    internal static (int[] Owner, List<(int From, int Into, double TiltDeg, double InPlaneDeg)> Merges) MergeTilted(
        BulkOrientation?[] bulks, int[] sizes, double maxTiltDeg, double inPlaneToleranceDeg)
    {
        int k = bulks.Length;
        var parent = Enumerable.Range(0, k).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        var relation = new Dictionary<(int, int), (double Tilt, double InPlane)>();
        for (int a = 0; a < k; a++)
        {
            for (int b = a + 1; b < k; b++)
            {
                if (bulks[a] is { } ba && bulks[b] is { } bb && TiltRelation(ba.LabFromSl, bb.LabFromSl, maxTiltDeg, inPlaneToleranceDeg) is { } r)
                {
                    relation[(a, b)] = r;
                    parent[Find(a)] = Find(b);
                }
            }
        }

        var owner = new int[k];
        var merges = new List<(int, int, double, double)>();
        foreach (var group in Enumerable.Range(0, k).GroupBy(Find))
        {
            int big = group.OrderByDescending(c => sizes[c]).ThenBy(c => c).First();
            foreach (int c in group)
            {
                owner[c] = big;
                if (c != big)
                {
                    var (t, p) = relation.TryGetValue((Math.Min(c, big), Math.Max(c, big)), out var r) ? r : (double.NaN, double.NaN);
                    merges.Add((c, big, t, p));
                }
            }
        }

        return (owner, merges);
    }

    /// <summary>
    /// The smallest out-of-plane tilt θ (degrees) and the in-plane turn ψ that take orientation <paramref name="a"/> to
    /// a symmetry equivalent of <paramref name="b"/> as R_b·S = T(θ)·Rz(ψ)·R_a, among those with θ ≤ <paramref name="maxTiltDeg"/>
    /// and ψ within <paramref name="inPlaneToleranceDeg"/> of 0 or 180°; null when none.
    /// </summary>
    internal static (double TiltDeg, double InPlaneDeg)? TiltRelation(Mat3 a, Mat3 b, double maxTiltDeg, double inPlaneToleranceDeg)
    {
        (double, double)? best = null;
        foreach (var sym in XccaMap.Crystallography.Symmetry.CubicSymmetry.ProperRotations)
        {
            var d = b * sym * a.Transpose();
            var z = d * Vec3.UnitZ;
            double theta = Vec3.AngleBetween(Vec3.UnitZ, z) * 180 / Math.PI;
            if (theta > maxTiltDeg)
            {
                continue;
            }

            var axis = Vec3.Cross(Vec3.UnitZ, z);
            var t = axis.Norm > 1e-12 ? AxisAngle.RotationMatrixDeg(axis.Normalized(), theta) : Mat3.Identity;
            var p = t.Transpose() * d; // a turn about z
            double psi = Math.Atan2(p[1, 0], p[0, 0]) * 180 / Math.PI;
            double off = Math.Min(Math.Abs(psi), 180 - Math.Abs(psi));
            if (off <= inPlaneToleranceDeg && (best is null || theta < best.Value.Item1))
            {
                best = (theta, psi);
            }
        }

        return best;
    }

    /// <summary>The template classes (original labels) whose owner is one of <paramref name="classes"/>.</summary>
    private static HashSet<int> Templates(HashSet<int> classes, int[] owner) =>
        [.. Enumerable.Range(0, owner.Length).Where(k => classes.Contains(owner[k]))];

    /// <summary>A score row per template collapsed onto the owners: each owner gets its best template's score and tilt.</summary>
    private static (double Score, double Tilt)[] Collapse((double Score, double Tilt)[] row, int[] owner)
    {
        var result = new (double Score, double Tilt)[row.Length];
        for (int k = 0; k < row.Length; k++)
        {
            int o = owner[k];
            if (row[k].Score > result[o].Score)
            {
                result[o] = row[k];
            }
        }

        return result;
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
    /// Per class of <paramref name="classes"/> (0 for the others), the best explained fraction of a point's pattern over a grid of tilt vectors
    /// θ·a (|θ| ≤ the largest tilt; ψ = 0) at the point's lattice scale, with the class's bulk-calibrated family
    /// factors (as <see cref="RotationTracker"/>'s grid stage, without its refinement), and that tilt.
    /// </summary>
    private static (double Score, double Tilt)[] Scores(
        PointPattern pattern, HashSet<int> classes, CakeGrid grid, BulkOrientation?[] bulks, SuperlatticeSpots model, double wavelengthAngstrom, RotationOptions options)
    {
        var row = new (double, double)[bulks.Length];
        if (!pattern.HasData)
        {
            return row;
        }

        var measured = new MeasuredCake(grid, pattern);
        var scorer = new PatternScorer(grid, model.FamilyN.Length);
        var buffer = new ModelSpot[model.Count];
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
}
