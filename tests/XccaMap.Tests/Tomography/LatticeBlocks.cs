using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tests.Tomography;

/// <summary>Perfect and noisy point lattices for the Voronoi and Q6 tests (unit spacing unless stated).</summary>
internal static class LatticeBlocks
{
    public static List<Vec3> Fcc(int n) => Build(n, [new(0, 0, 0), new(0.5, 0.5, 0), new(0.5, 0, 0.5), new(0, 0.5, 0.5)], Vec3.UnitX, Vec3.UnitY, Vec3.UnitZ);

    public static List<Vec3> Bcc(int n) => Build(n, [new(0, 0, 0), new(0.5, 0.5, 0.5)], Vec3.UnitX, Vec3.UnitY, Vec3.UnitZ);

    public static List<Vec3> Sc(int n) => Build(n, [new(0, 0, 0)], Vec3.UnitX, Vec3.UnitY, Vec3.UnitZ);

    /// <summary>Ideal hcp (c/a = √(8/3)), a = 1.</summary>
    public static List<Vec3> Hcp(int n) => Build(n, [new(0, 0, 0), new(1.0 / 3, 2.0 / 3, 0.5)],
        Vec3.UnitX, new Vec3(-0.5, Math.Sqrt(3) / 2, 0), new Vec3(0, 0, Math.Sqrt(8.0 / 3)));

    public static List<Vec3> Build(int n, Vec3[] basis, Vec3 a, Vec3 b, Vec3 c)
    {
        var list = new List<Vec3>();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                for (int k = 0; k < n; k++)
                {
                    foreach (var f in basis)
                    {
                        list.Add((a * (i + f.X)) + (b * (j + f.Y)) + (c * (k + f.Z)));
                    }
                }
            }
        }

        return list;
    }

    /// <summary>Rotates and shifts every point (to break alignment with the bucket grid and box).</summary>
    public static List<Vec3> Transform(List<Vec3> points, Mat3 rotation, Vec3 shift) => points.ConvertAll(p => (rotation * p) + shift);

    public static List<Vec3> AddNoise(List<Vec3> points, double sigma, int seed)
    {
        var rng = new Random(seed);
        return points.ConvertAll(p => p + new Vec3(Gauss(rng), Gauss(rng), Gauss(rng)) * sigma);
    }

    public static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>Indices of points at least <paramref name="depth"/> from every face of the points' bounding box.</summary>
    public static List<int> Deep(List<Vec3> points, double depth)
    {
        Vec3 lo = points.Aggregate((p, q) => new Vec3(Math.Min(p.X, q.X), Math.Min(p.Y, q.Y), Math.Min(p.Z, q.Z)));
        Vec3 hi = points.Aggregate((p, q) => new Vec3(Math.Max(p.X, q.X), Math.Max(p.Y, q.Y), Math.Max(p.Z, q.Z)));
        var idx = new List<int>();
        for (int i = 0; i < points.Count; i++)
        {
            Vec3 p = points[i];
            if (p.X - lo.X > depth && hi.X - p.X > depth && p.Y - lo.Y > depth && hi.Y - p.Y > depth && p.Z - lo.Z > depth && hi.Z - p.Z > depth)
            {
                idx.Add(i);
            }
        }

        return idx;
    }
}
