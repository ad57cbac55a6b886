using System.Globalization;
using System.Text;
using XccaMap.Crystallography.Geometry;

namespace XccaMap.Tomography.Particles;

/// <summary>
/// The particle-table CSV: a header line naming the columns, then one particle per line.
/// Required columns (any order, case-insensitive): <c>x</c>, <c>y</c>, <c>z</c> (centre, nm), <c>radius</c>
/// (core radius, nm) and <c>species</c> (a name such as PbSe). Other columns are ignored. Blank lines and
/// lines starting with <c>#</c> are skipped. Numbers use '.' as decimal separator.
/// </summary>
/// <example>
/// <code>
/// x,y,z,radius,species
/// 12.31,4.02,7.5,4.5,PbSe
/// 17.9,7.4,11.6,1.7,CdSe
/// </code>
/// </example>
public static class ParticleCsv
{
    /// <summary>The header written by <see cref="Format"/>.</summary>
    public const string Header = "x,y,z,radius,species";

    /// <summary>Reads a particle table from <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A malformed line; the message names the file and line.</exception>
    public static ParticleTable Read(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Parse(reader, path);
    }

    /// <summary>Parses CSV text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">A malformed line.</exception>
    public static ParticleTable Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int line = 0;
        int[]? col = null;
        var rows = new List<(Vec3, double, string)>();
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            string t = text.Trim();
            if (t.Length == 0 || t[0] == '#')
            {
                continue;
            }

            var fields = t.Split(',');
            if (col is null)
            {
                col = ParseHeader(fields, source, line);
                continue;
            }

            if (fields.Length <= col.Max())
            {
                throw Error(source, line, $"expected at least {col.Max() + 1} fields, found {fields.Length}");
            }

            double x = Number(fields[col[0]], "x"), y = Number(fields[col[1]], "y"), z = Number(fields[col[2]], "z");
            double r = Number(fields[col[3]], "radius");
            if (!(r > 0))
            {
                throw Error(source, line, $"radius must be positive, found {fields[col[3]].Trim()}");
            }

            string species = fields[col[4]].Trim();
            if (species.Length == 0)
            {
                throw Error(source, line, "empty species");
            }

            rows.Add((new Vec3(x, y, z), r, species));

            double Number(string s, string name)
            {
                if (!double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v))
                {
                    throw Error(source, line, $"column '{name}' is not a finite number: '{s.Trim()}'");
                }

                return v;
            }
        }

        if (col is null)
        {
            throw new InvalidDataException($"{source}: no header line (expected columns {Header}).");
        }

        if (rows.Count == 0)
        {
            throw new InvalidDataException($"{source}: no particles after the header.");
        }

        return ParticleTable.FromRows(rows);
    }

    /// <summary>The table as CSV text (header plus one line per particle, nm, 4 decimals).</summary>
    public static string Format(ParticleTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var sb = new StringBuilder(Header).Append('\n');
        for (int i = 0; i < table.Count; i++)
        {
            Vec3 p = table.Positions[i];
            sb.Append(CultureInfo.InvariantCulture, $"{p.X:F4},{p.Y:F4},{p.Z:F4},{table.Radii[i]:F4},{table.SpeciesNames[table.Species[i]]}\n");
        }

        return sb.ToString();
    }

    private static int[] ParseHeader(string[] fields, string source, int line)
    {
        var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var required = new[] { "x", "y", "z", "radius", "species" };
        var col = new int[required.Length];
        for (int k = 0; k < required.Length; k++)
        {
            col[k] = names.IndexOf(required[k]);
            if (col[k] < 0)
            {
                throw Error(source, line, $"header lacks column '{required[k]}' (expected {Header}; found {string.Join(",", names)})");
            }
        }

        return col;
    }

    private static InvalidDataException Error(string source, int line, string message) => new($"{source}:{line}: {message}");
}
