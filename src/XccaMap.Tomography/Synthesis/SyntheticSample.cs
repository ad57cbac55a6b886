using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Particles;

namespace XccaMap.Tomography.Synthesis;

/// <summary>
/// Synthetic particle tables with known truth: a cubic box split among randomly oriented grains of a
/// superlattice cell (Voronoi regions of grain centres spread along x, separated by a gap), then particles
/// removed, false positives added uniformly, positions blurred and radii spread.
/// </summary>
public static class SyntheticSample
{
    /// <summary>A generated sample.</summary>
    /// <param name="Table">The particle table.</param>
    /// <param name="Grain">Grain of each particle, −1 for false positives.</param>
    /// <param name="Rotations">Orientation of each grain (crystal → sample).</param>
    /// <param name="BoxSize">Edge of the cubic box (nm).</param>
    public sealed record Sample(ParticleTable Table, int[] Grain, IReadOnlyList<Mat3> Rotations, double BoxSize);

    /// <summary>Generates a sample of <paramref name="cell"/>.</summary>
    public static Sample Generate(SuperlatticeCell cell, SyntheticSampleOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cell);
        options ??= new SyntheticSampleOptions();
        var rng = new Random(options.Seed);
        var lattice = cell.Lattice;
        double box = Math.Cbrt(options.Grains * options.CellsPerGrain * lattice.Volume);
        var centres = new Vec3[options.Grains];
        var rotations = new Mat3[options.Grains];
        var offsets = new Vec3[options.Grains];
        for (int g = 0; g < options.Grains; g++)
        {
            // Grain centres in slabs along x, so every grain gets a fair share of the box.
            centres[g] = new Vec3((g + 0.3 + (0.4 * rng.NextDouble())) / options.Grains * box, (0.3 + (0.4 * rng.NextDouble())) * box, (0.3 + (0.4 * rng.NextDouble())) * box);
            rotations[g] = RandomRotation(rng);
            offsets[g] = new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble()) * box;
        }

        var rows = new List<(Vec3 P, string S, int G)>();
        for (int g = 0; g < options.Grains; g++)
        {
            // Cell index range covering the box in this grain's frame.
            Mat3 toFrac = lattice.Direct.Inverse() * rotations[g].Transpose();
            Vec3 lo = new(double.MaxValue, double.MaxValue, double.MaxValue), hi = -lo;
            for (int corner = 0; corner < 8; corner++)
            {
                Vec3 p = new((corner & 1) * box, ((corner >> 1) & 1) * box, ((corner >> 2) & 1) * box);
                Vec3 f = toFrac * (p - offsets[g]);
                lo = new Vec3(Math.Min(lo.X, f.X), Math.Min(lo.Y, f.Y), Math.Min(lo.Z, f.Z));
                hi = new Vec3(Math.Max(hi.X, f.X), Math.Max(hi.Y, f.Y), Math.Max(hi.Z, f.Z));
            }

            Mat3 toCart = rotations[g] * lattice.Direct;
            for (int i = (int)Math.Floor(lo.X) - 1; i <= (int)Math.Ceiling(hi.X); i++)
            {
                for (int j = (int)Math.Floor(lo.Y) - 1; j <= (int)Math.Ceiling(hi.Y); j++)
                {
                    for (int k = (int)Math.Floor(lo.Z) - 1; k <= (int)Math.Ceiling(hi.Z); k++)
                    {
                        foreach (var site in cell.Sites)
                        {
                            Vec3 x = (toCart * (new Vec3(i, j, k) + site.Fractional)) + offsets[g];
                            if (x.X >= 0 && x.Y >= 0 && x.Z >= 0 && x.X < box && x.Y < box && x.Z < box && InGrain(x, g))
                            {
                                rows.Add((x, site.Species, g));
                            }
                        }
                    }
                }
            }
        }

        var kept = rows.Where(_ => rng.NextDouble() >= options.MissingFraction).ToList();
        var species = SuperlatticeCells.Species(cell);
        var weights = species.Select(s => (double)cell.CountOf(s) / cell.Sites.Count).ToArray();
        int falsePositives = (int)Math.Round(options.FalsePositiveFraction * kept.Count);
        for (int f = 0; f < falsePositives; f++)
        {
            double u = rng.NextDouble(), acc = 0;
            int s = 0;
            while (s < species.Count - 1 && u > (acc += weights[s]))
            {
                s++;
            }

            kept.Add((new Vec3(rng.NextDouble(), rng.NextDouble(), rng.NextDouble()) * box, species[s], -1));
        }

        // Shuffle so the table order carries no information.
        for (int i = kept.Count - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (kept[i], kept[j]) = (kept[j], kept[i]);
        }

        var table = ParticleTable.FromRows(kept.Select(r => (
            r.P + (new Vec3(Gauss(rng), Gauss(rng), Gauss(rng)) * options.PositionNoise),
            cell.Radii[r.S] * Math.Max(0.2, 1 + (options.RadiusSpread * Gauss(rng))),
            r.S)));
        return new Sample(table, kept.Select(r => r.G).ToArray(), rotations, box);

        bool InGrain(Vec3 x, int g)
        {
            double dg = (x - centres[g]).NormSquared;
            for (int h = 0; h < centres.Length; h++)
            {
                if (h == g)
                {
                    continue;
                }

                // Signed distance to the bisector plane of centres g and h (positive on g's side).
                Vec3 d = centres[h] - centres[g];
                double side = ((x - centres[h]).NormSquared - dg) / (2 * d.Norm);
                if (side < options.GrainGap / 2)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>A uniformly distributed rotation (normalised Gaussian quaternion).</summary>
    public static Mat3 RandomRotation(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        double w = Gauss(rng), x = Gauss(rng), y = Gauss(rng), z = Gauss(rng);
        double n = Math.Sqrt((w * w) + (x * x) + (y * y) + (z * z));
        return UnitQuaternion.FromMatrix(QuaternionMatrix(w / n, x / n, y / n, z / n)).ToMatrix();
    }

    private static Mat3 QuaternionMatrix(double w, double x, double y, double z) => new(
        1 - (2 * ((y * y) + (z * z))), 2 * ((x * y) - (z * w)), 2 * ((x * z) + (y * w)),
        2 * ((x * y) + (z * w)), 1 - (2 * ((x * x) + (z * z))), 2 * ((y * z) - (x * w)),
        2 * ((x * z) - (y * w)), 2 * ((y * z) + (x * w)), 1 - (2 * ((x * x) + (y * y))));

    /// <summary>Standard normal deviate (Box–Muller).</summary>
    public static double Gauss(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
    }
}
