using System.Diagnostics;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Tomography.Crystallites;
using XccaMap.Tomography.Order;
using XccaMap.Tomography.Particles;
using XccaMap.Tomography.Structure;
using XccaMap.Tomography.Voronoi;

namespace XccaMap.Tomography.Analysis;

/// <summary>
/// The structure analysis of Friedrich et al. 2009 (SI, "Structure analysis") from a particle table:
/// Voronoi neighbours of the primary species → q₆ₘ, Q₆ (eqs. 1–2) → crystalline clusters (eq. 3, seeded at
/// the largest remaining Q₆) → for clusters of more than 50 particles: F(x) (eq. 4), first-guess and
/// least-squares lattice (eq. 5), completion on the lattice; repeated on the remaining particles. Each
/// crystallite is then averaged into a unit cell (<see cref="CrystalliteCellAnalysis"/>).
/// </summary>
public static class TomographyAnalyzer
{
    /// <summary>Runs the analysis.</summary>
    public static AnalysisResult Analyze(ParticleTable table, AnalysisOptions? options = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new AnalysisOptions();
        var timings = new List<(string, double)>();
        var notes = new List<string>();
        var clock = Stopwatch.StartNew();
        int primary = PrimarySpecies(table, options);
        int[] idxA = table.IndicesOf(primary);
        if (idxA.Length < 4)
        {
            throw new InvalidDataException($"Only {idxA.Length} particles of the primary species {table.SpeciesNames[primary]}; need at least 4.");
        }

        var posA = idxA.Select(i => table.Positions[i]).ToArray();
        progress?.Report($"Voronoi tessellation of {posA.Length} {table.SpeciesNames[primary]} particles");
        var vor = VoronoiBuilder.Compute(posA, options.Voronoi with { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? options.Voronoi.MaxDegreeOfParallelism });
        Lap("voronoi");
        double meanRadius = idxA.Average(i => table.Radii[i]);
        var weighting = options.Weighting ?? Q6Weighting.Equal;
        var order = BondOrder.Compute(posA, vor, weighting, options.MaxDegreeOfParallelism);
        Lap("q6");
        var (fits, crystalliteOf, rejected) = CrystalliteDetector.Detect(
            posA, vor, order, meanRadius, options.CqThreshold, options.MinimumClusterSize, options.NodeToleranceFraction, progress);
        int trusted = vor.IsOpen.Count(o => !o);
        if (options.Weighting is null && crystalliteOf.Count(c => c >= 0) < 0.8 * trusted)
        {
            // Equal weights (the paper) fail on simple-cubic-like sublattices, where noise turns the twenty
            // degenerate edge and corner contacts into random tiny facets; facet-area weights do not care.
            var areaOrder = BondOrder.Compute(posA, vor, Q6Weighting.FacetArea, options.MaxDegreeOfParallelism);
            var second = CrystalliteDetector.Detect(
                posA, vor, areaOrder, meanRadius, options.CqThreshold, options.MinimumClusterSize, options.NodeToleranceFraction, progress);
            if (second.CrystalliteOf.Count(c => c >= 0) > crystalliteOf.Count(c => c >= 0))
            {
                (fits, crystalliteOf, rejected, order, weighting) = (second.Crystallites, second.CrystalliteOf, second.Rejected, areaOrder, Q6Weighting.FacetArea);
                notes.Add(FormattableString.Invariant(
                    $"equal-weight q6 left {crystalliteOf.Length - crystalliteOf.Count(c => c >= 0)} of {crystalliteOf.Length} particles outside crystallites; facet-area weights (Mickel et al. 2013) were used"));
            }
        }

        Lap("crystallites");

        // Other species join the crystallite of their nearest primary particle (if it is close).
        var tableCrystallite = Enumerable.Repeat(-1, table.Count).ToArray();
        for (int k = 0; k < idxA.Length; k++)
        {
            tableCrystallite[idxA[k]] = crystalliteOf[k];
        }

        // The reach is 1.5 primary spacings, (Voronoi volume)^(1/3): small particles can sit far from every
        // large one in open cells (A6B19's CdSe columns), and strays are dropped by the cell averaging anyway.
        var volumes = Enumerable.Range(0, posA.Length).Where(i => !vor.IsOpen[i]).Select(i => vor.Volumes[i]).Order().ToList();
        double spacing = volumes.Count > 0 ? Math.Cbrt(volumes[volumes.Count / 2]) : LatticeFinder.MedianNearestNeighbor(posA);
        var gridA = new SpatialGrid(posA, spacing);
        for (int i = 0; i < table.Count; i++)
        {
            if (table.Species[i] != primary)
            {
                int j = gridA.Nearest(table.Positions[i], 1.5 * spacing);
                tableCrystallite[i] = j >= 0 ? crystalliteOf[j] : -1;
            }
        }

        var displacement = Enumerable.Repeat(double.NaN, table.Count).ToArray();
        var results = new CrystalliteResult?[fits.Count];
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount };
        var cellNotes = new List<string>[fits.Count];
        Parallel.For(0, fits.Count, po, c =>
        {
            var (members, fit, guess, seed, size) = (fits[c].Members, fits[c].Fit, fits[c].Guess, fits[c].Seed, fits[c].ClusterSize);
            var memberIdx = members.Select(k => idxA[k]).ToList();
            var others = Enumerable.Range(0, table.Count).Where(i => table.Species[i] != primary && tableCrystallite[i] == c).ToList();
            cellNotes[c] = [];
            results[c] = CrystalliteCellAnalysis.Analyze(table, c, (idxA[seed], order.Q6[seed]), size, memberIdx, others, fit, guess, options, cellNotes[c]);
        });
        foreach (var r in results)
        {
            var cell = r!.CellFit;
            for (int m = 0; m < r.Members.Count; m++)
            {
                displacement[r.Members[m]] = cell.Residual[m].Norm;
            }
        }

        notes.AddRange(cellNotes.SelectMany(n => n));
        Lap("cells");
        var q6 = Enumerable.Repeat(double.NaN, table.Count).ToArray();
        var open = new bool[table.Count];
        var degree = new int[table.Count];
        for (int k = 0; k < idxA.Length; k++)
        {
            q6[idxA[k]] = order.Q6[k];
            open[idxA[k]] = vor.IsOpen[k];
            degree[idxA[k]] = vor.Degree(k);
        }

        return new AnalysisResult
        {
            Table = table,
            PrimarySpecies = primary,
            Q6 = q6,
            Neighbors = degree,
            Open = open,
            Crystallite = tableCrystallite,
            Displacement = displacement,
            Crystallites = results.Select(r => r!).ToList(),
            RejectedClusters = rejected,
            DroppedFacets = vor.DroppedFacets,
            Weighting = weighting,
            Timings = timings,
            Notes = notes,
        };

        void Lap(string stage)
        {
            timings.Add((stage, clock.Elapsed.TotalSeconds));
            clock.Restart();
        }
    }

    /// <summary>The primary species: as requested, else the one with the largest mean radius.</summary>
    public static int PrimarySpecies(ParticleTable table, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        if (options.PrimarySpecies is { } name)
        {
            int id = table.SpeciesId(name);
            return id >= 0 ? id : throw new ArgumentException($"Species '{name}' is not in the table (species: {string.Join(", ", table.SpeciesNames)}).");
        }

        var mean = table.MeanRadii();
        return Array.IndexOf(mean, mean.Where(double.IsFinite).Max());
    }
}
