namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Runs the rotation analysis of a line: reads the frames of the line's points and of its domain's core, finds the
/// bulk orientation from the core's averaged pattern, tracks the rotation point by point towards the edge and
/// compares the atomic-lattice rings with the bulk.
/// </summary>
public static class RotationAnalysis
{
    /// <summary>Analyses <paramref name="line"/>.</summary>
    /// <param name="maps">The results.</param>
    /// <param name="domains">The domains.</param>
    /// <param name="distances">Edge distances (for the domain core).</param>
    /// <param name="line">The line profile (nearest sampling: one raster point per sample).</param>
    /// <param name="frames">Frame access; defaults when null.</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <param name="cancellation">Cancellation.</param>
    /// <exception cref="InvalidOperationException">The line starts in no domain.</exception>
    public static RotationProfile Run(
        ResultsMaps maps, DomainMap domains, EdgeDistances distances, LineProfile line, FrameAccessOptions? frames = null, RotationOptions? options = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(line);
        options ??= new RotationOptions();
        int domain = line.Domain;
        if (domain < 0)
        {
            throw new InvalidOperationException("the line starts in no domain: no bulk orientation to start from");
        }

        var notes = new List<string>();
        var inside = line.Samples.Where(s => s.Domain == domain && !(s.EdgeDistance < 0)).ToList();
        var points = inside.Select(s => (s.PointRow, s.PointCol)).Distinct().ToList();
        var core = Enumerable.Range(0, maps.Points).Where(i => domains.DomainOf[i] == domain && maps.SaxsClass[i] >= 0 && double.IsFinite(distances.Distance[i]))
            .OrderByDescending(i => distances.Distance[i]).ThenBy(i => i).Take(Math.Max(1, options.BulkPoints)).Select(i => (i / maps.Cols, i % maps.Cols)).ToList();
        using var reader = PatternReader.Open(maps, frames, points.Concat(core).ToList());
        notes.AddRange(reader.Notes);
        var corePatterns = reader.Read(core, cancellation);
        var bulkPattern = PointPattern.Average(corePatterns)
            ?? throw new InvalidDataException($"none of the {core.Count} core frames of domain {domain} could be read");
        var grid = reader.Reducer.Grid;
        int label = domains.Domains[domain].ClassLabel;
        double a = maps.ClassLatticeConstant.TryGetValue(label, out var ca) && double.IsFinite(ca) && ca > 0 ? ca : maps.LatticeConstant;
        if (!(a > 0))
        {
            throw new InvalidDataException($"{maps.Source} gives no superlattice constant (indexing failed): cannot simulate patterns");
        }

        var model = new SuperlatticeSpots(a, grid.QMax / 0.9);
        var bulk = BulkOrientationSearch.Find(new MeasuredCake(grid, bulkPattern), model, reader.Reducer.WavelengthAngstrom, options.Bulk);
        var (zone, off) = bulk.NearestZone;
        notes.Add(FormattableString.Invariant($"bulk of domain {domain} (class {label + 1}): beam ≈ {zone} ({off:0.0}° off), explained fraction {bulk.Score:0.000}, from {core.Count} core frames"));
        var patterns = reader.Read(points, cancellation);
        var byPoint = points.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => patterns[x.i]);
        var input = inside.Select(s => (byPoint[(s.PointRow, s.PointCol)], s.Position, s.EdgeDistance)).ToList();
        var track = RotationTracker.Track(input, grid, bulk, model, reader.Reducer.WavelengthAngstrom, options);
        AtomicFollow? atomic = null;
        if (reader.Reducer.AtomicRings.Count > 0)
        {
            atomic = AtomicFollowAnalysis.Analyse(reader.Reducer.AtomicRings.Select(r => r.Name).ToList(), input.Select(x => x.Item1).ToList(), track, corePatterns, bulkPattern);
        }

        return new RotationProfile(domain, label, a, core, bulk, track, atomic, notes);
    }
}
