using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using XccaMap.Hdf5;
using XccaMap.Tomography.Analysis;
using XccaMap.Tomography.Order;
using XccaMap.Tomography.Particles;
using XccaMap.Tomography.Reports;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap tomo analyze PARTICLES.csv --out DIR [--species NAME] [--tolerance NM] [--q6-weights auto|equal|area]</c>:
/// writes report.txt (SI-table layout), analysis.json, particles.csv, crystallites.csv, sites.csv and PNG projections.
/// </summary>
internal static class TomoAnalyzeCommand
{
    public static Command Build()
    {
        var input = new Argument<string>("PARTICLES") { Description = "Particle table CSV: a header naming x,y,z,radius,species (any order; nm; other columns ignored; # comments), then one particle per line" };
        var outDir = new Option<string>("--out") { Description = "Output folder (created if missing)", Required = true };
        var species = new Option<string?>("--species") { Description = "Primary species for Voronoi, Q6 and the lattice (default: the one with the largest mean radius)" };
        var tolerance = new Option<double>("--tolerance") { Description = "Space-group distance tolerance in nm (FINDSYM-like; A6B19 needs 1.7)", DefaultValueFactory = _ => 1.0 };
        var weights = new Option<string>("--q6-weights") { Description = "Neighbour weights in q6: auto (equal, area if equal leaves most particles unassigned), equal (the paper) or area", DefaultValueFactory = _ => "auto" };
        var minCluster = new Option<int>("--min-cluster") { Description = "Clusters need more particles than this to be analysed", DefaultValueFactory = _ => 50 };
        var threads = new Option<int?>("--threads") { Description = "Threads (default: all processors)" };
        tolerance.Validators.Add(r =>
        {
            if (!(r.GetValueOrDefault<double>() > 0))
            {
                r.AddError("--tolerance must be positive (nm)");
            }
        });
        weights.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is not ("auto" or "equal" or "area"))
            {
                r.AddError("--q6-weights must be auto, equal or area");
            }
        });
        minCluster.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 4)
            {
                r.AddError("--min-cluster must be at least 4");
            }
        });
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
            {
                r.AddError("--threads must be at least 1");
            }
        });
        var cmd = new Command("analyze", "Analyse a particle table: crystallites (Voronoi, Q6, eq. 3), lattices (eqs. 4-5), averaged unit cells, size and shell statistics, filling fractions and space groups; writes report.txt, analysis.json, CSV tables and PNG projections.")
        {
            input, outDir, species, tolerance, weights, minCluster, threads,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(
            r.GetValue(input)!, r.GetValue(outDir)!, r.GetValue(species), r.GetValue(tolerance), r.GetValue(weights)!, r.GetValue(minCluster), r.GetValue(threads))));
        return cmd;
    }

    private static int Execute(string input, string outDir, string? species, double tolerance, string weights, int minCluster, int? threads)
    {
        if (!File.Exists(input))
        {
            throw new FileNotFoundException($"particle table not found: {input}", input);
        }

        var sw = Stopwatch.StartNew();
        var table = ParticleCsv.Read(input);
        if (species is not null && table.SpeciesId(species) < 0)
        {
            throw new UsageException($"--species {species}: not in {input} (species: {string.Join(", ", table.SpeciesNames)})");
        }

        var options = new AnalysisOptions
        {
            PrimarySpecies = species,
            SymmetryTolerance = tolerance,
            MinimumClusterSize = minCluster,
            MaxDegreeOfParallelism = threads,
            Weighting = weights switch { "equal" => Q6Weighting.Equal, "area" => Q6Weighting.FacetArea, _ => null },
        };
        var progress = new Progress<string>(m => Console.Error.WriteLine($"tomo: {m}"));
        Console.Error.WriteLine($"tomo: {table.Count} particles from {input}");
        var result = TomographyAnalyzer.Analyze(table, options, progress);
        double analysis = sw.Elapsed.TotalSeconds;

        Directory.CreateDirectory(outDir);
        string source = Path.GetFileName(input);
        AtomicFile.WriteAllText(Path.Combine(outDir, "report.txt"), SiTableReport.Build(result, source));
        AtomicFile.WriteAllText(Path.Combine(outDir, "analysis.json"), ResultJson.Build(result, source).ToJsonString(JsonOptions.Indented));
        AtomicFile.WriteAllText(Path.Combine(outDir, "particles.csv"), ResultTables.Particles(result));
        AtomicFile.WriteAllText(Path.Combine(outDir, "crystallites.csv"), ResultTables.Crystallites(result));
        AtomicFile.WriteAllText(Path.Combine(outDir, "sites.csv"), ResultTables.Sites(result));
        foreach (var (axis, name) in new[] { (2, "z"), (1, "y") })
        {
            AtomicFile.WriteAllBytes(Path.Combine(outDir, $"crystallites_{name}.png"), ProjectionFigures.Crystallites(result, axis));
            AtomicFile.WriteAllBytes(Path.Combine(outDir, $"displacement_{name}.png"), ProjectionFigures.Displacement(result, axis));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tomo analyze: {table.Count} particles, {result.Crystallites.Count} crystallite(s) in {analysis:F1} s ({string.Join(", ", result.Timings.Select(t => $"{t.Stage} {t.Seconds:F1} s"))})"));
        foreach (var c in result.Crystallites)
        {
            var p = ReportingBasis.ForLattice(c).Lattice.Parameters;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  C{c.Id}: {c.Members.Count}+{c.Others.Count} particles, A={p.A:F2} B={p.B:F2} C={p.C:F2} nm, AB={p.GammaDeg:F1} BC={p.AlphaDeg:F1} CA={p.BetaDeg:F1}°, {c.Sites.Count} sites, {(c.Symmetry?.Group is { } g ? $"{g.HermannMauguin} (No. {g.Number})" : "no space group")}"));
        }

        Console.WriteLine($"wrote {Path.GetFullPath(outDir)}: report.txt, analysis.json, particles.csv, crystallites.csv, sites.csv, crystallites_[zy].png, displacement_[zy].png");
        return ExitCodes.Ok;
    }
}
