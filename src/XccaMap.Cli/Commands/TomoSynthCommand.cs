using System.CommandLine;
using System.Globalization;
using XccaMap.Hdf5;
using XccaMap.Tomography.Particles;
using XccaMap.Tomography.Synthesis;

namespace XccaMap.Cli.Commands;

/// <summary>
/// <c>xccamap tomo synth --cell alb2|nazn13|cuau|a6b19 --out PARTICLES.csv [--grains N] [--cells-per-grain N]
/// [--missing F] [--false-positives F] [--noise NM] [--seed S]</c>: a synthetic particle table with known truth.
/// </summary>
internal static class TomoSynthCommand
{
    public static Command Build()
    {
        var cell = new Option<string>("--cell") { Description = "Published cell: alb2 (AB2, P6/mmm), nazn13 (AB13, Fm-3c), cuau (AB, P4/mmm) or a6b19 (P-6m2)", Required = true };
        var output = new Option<string>("--out") { Description = "Particle table CSV to write (x,y,z,radius,species in nm)", Required = true };
        var grains = new Option<int>("--grains") { Description = "Number of randomly oriented crystallites", DefaultValueFactory = _ => 3 };
        var cells = new Option<double>("--cells-per-grain") { Description = "Unit cells per crystallite (sets the box size)", DefaultValueFactory = _ => 300 };
        var missing = new Option<double>("--missing") { Description = "Fraction of particles removed (0-1)", DefaultValueFactory = _ => 0.10 };
        var fp = new Option<double>("--false-positives") { Description = "False positives added, as a fraction of the particles kept", DefaultValueFactory = _ => 0.05 };
        var noise = new Option<double>("--noise") { Description = "Positional noise sigma per coordinate in nm", DefaultValueFactory = _ => 0.5 };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        cell.Validators.Add(r =>
        {
            if (!SuperlatticeCells.Names.Contains(r.GetValueOrDefault<string>()?.ToLowerInvariant()))
            {
                r.AddError($"--cell must be one of {string.Join(", ", SuperlatticeCells.Names)}");
            }
        });
        foreach (var o in new[] { missing, fp })
        {
            o.Validators.Add(r =>
            {
                if (r.GetValueOrDefault<double>() is < 0 or >= 1)
                {
                    r.AddError($"{o.Name} must be in [0, 1)");
                }
            });
        }

        grains.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1)
            {
                r.AddError("--grains must be at least 1");
            }
        });
        cells.Validators.Add(r =>
        {
            if (!(r.GetValueOrDefault<double>() > 0))
            {
                r.AddError("--cells-per-grain must be positive");
            }
        });
        noise.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() < 0)
            {
                r.AddError("--noise must not be negative");
            }
        });
        var cmd = new Command("synth", "Write a synthetic particle table of a published superlattice cell with missing particles, false positives, positional noise and several crystallites.")
        {
            cell, output, grains, cells, missing, fp, noise, seed,
        };
        cmd.SetAction(r => CommandRunner.Run(() => Execute(
            r.GetValue(cell)!, r.GetValue(output)!, new SyntheticSampleOptions
            {
                Grains = r.GetValue(grains),
                CellsPerGrain = r.GetValue(cells),
                MissingFraction = r.GetValue(missing),
                FalsePositiveFraction = r.GetValue(fp),
                PositionNoise = r.GetValue(noise),
                Seed = r.GetValue(seed),
            })));
        return cmd;
    }

    private static int Execute(string cellName, string output, SyntheticSampleOptions options)
    {
        var cell = SuperlatticeCells.ByName(cellName);
        var sample = SyntheticSample.Generate(cell, options);
        AtomicFile.WriteAllText(output, ParticleCsv.Format(sample.Table));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"wrote {sample.Table.Count} particles ({cell.Prototype}, {options.Grains} crystallites, box {sample.BoxSize:F0} nm) to {Path.GetFullPath(output)}"));
        return ExitCodes.Ok;
    }
}
