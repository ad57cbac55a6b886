using System.Globalization;
using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// Hall symbols (Hall 1981, Acta Cryst. A37, 517; explicit-origin notation as in sgtbx and spglib):
/// parses "-P 6c 2c" and friends into generators and expands them to the full list of operations of the
/// conventional cell (coset representatives × lattice centrings), with translations kept exactly in
/// twelfths.
/// </summary>
public static class HallSymbol
{
    /// <summary>All operations of the group given by <paramref name="hall"/>, translations in [0, 1).</summary>
    /// <exception cref="FormatException">The symbol cannot be parsed.</exception>
    public static IReadOnlyList<SymmetryOperation> Expand(string hall)
    {
        ArgumentNullException.ThrowIfNull(hall);
        var (generators, centrings) = Parse(hall);
        var ops = new List<Op12> { new(IntMat3.Identity, 0, 0, 0) };
        var seen = new HashSet<Op12> { ops[0] };
        foreach (var c in centrings)
        {
            Add(c);
        }

        foreach (var g in generators)
        {
            Add(g);
        }

        // Closure: multiply until nothing new appears (groups have at most 192 operations).
        for (int i = 0; i < ops.Count; i++)
        {
            for (int j = 0; j < ops.Count; j++)
            {
                Add(ops[i] * ops[j]);
                if (ops.Count > 1000)
                {
                    throw new FormatException($"Hall symbol '{hall}' does not generate a finite space group.");
                }
            }
        }

        return ops.Select(o => new SymmetryOperation(o.W, new Vec3(o.T1 / 12.0, o.T2 / 12.0, o.T3 / 12.0))).ToList();

        void Add(Op12 op)
        {
            if (seen.Add(op))
            {
                ops.Add(op);
            }
        }
    }

    private static (List<Op12> Generators, List<Op12> Centrings) Parse(string hall)
    {
        string s = hall.Trim();
        var shift = (0, 0, 0);
        int paren = s.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            var v = s[(paren + 1)..s.IndexOf(')', paren)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (v.Length != 3)
            {
                throw new FormatException($"Hall symbol '{hall}': only the vector form of the change of basis, (a b c) in twelfths, is supported.");
            }

            shift = (int.Parse(v[0], CultureInfo.InvariantCulture), int.Parse(v[1], CultureInfo.InvariantCulture), int.Parse(v[2], CultureInfo.InvariantCulture));
            s = s[..paren].Trim();
        }

        var tokens = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            throw new FormatException("Empty Hall symbol.");
        }

        string lattice = tokens[0];
        bool centric = lattice.StartsWith('-');
        var centrings = Centrings(centric ? lattice[1..] : lattice, hall);
        var generators = new List<Op12>();
        if (centric)
        {
            generators.Add(new Op12(-IntMat3.Identity, 0, 0, 0));
        }

        int previousN = 0;
        char previousAxis = 'z';
        for (int k = 1; k < tokens.Length; k++)
        {
            var (op, n, axis) = ParseMatrix(tokens[k], k, previousN, previousAxis, hall);
            generators.Add(op);
            previousN = n;
            previousAxis = axis is 'x' or 'y' or 'z' ? axis : previousAxis;
        }

        // Change of basis V = {1|v}: every operation becomes V·S·V⁻¹ = {W | t + v − W·v}.
        if (shift != (0, 0, 0))
        {
            generators = generators.ConvertAll(g => g.Shifted(shift));
        }

        return (generators, centrings);
    }

    private static List<Op12> Centrings(string l, string hall) => l switch
    {
        "P" => [],
        "A" => [new(IntMat3.Identity, 0, 6, 6)],
        "B" => [new(IntMat3.Identity, 6, 0, 6)],
        "C" => [new(IntMat3.Identity, 6, 6, 0)],
        "I" => [new(IntMat3.Identity, 6, 6, 6)],
        "R" => [new(IntMat3.Identity, 8, 4, 4), new(IntMat3.Identity, 4, 8, 8)],
        "S" => [new(IntMat3.Identity, 4, 4, 8), new(IntMat3.Identity, 8, 8, 4)],
        "T" => [new(IntMat3.Identity, 4, 8, 4), new(IntMat3.Identity, 8, 4, 8)],
        "F" => [new(IntMat3.Identity, 0, 6, 6), new(IntMat3.Identity, 6, 0, 6), new(IntMat3.Identity, 6, 6, 0)],
        _ => throw new FormatException($"Hall symbol '{hall}': unknown lattice symbol '{l}'."),
    };

    private static (Op12 Op, int N, char Axis) ParseMatrix(string token, int position, int previousN, char previousAxis, string hall)
    {
        int i = 0;
        bool improper = token[i] == '-';
        if (improper)
        {
            i++;
        }

        if (i >= token.Length || "12346".IndexOf(token[i]) < 0)
        {
            throw new FormatException($"Hall symbol '{hall}': bad rotation symbol '{token}'.");
        }

        int n = token[i++] - '0';
        char axis = '\0';
        int screw = 0;
        int t1 = 0, t2 = 0, t3 = 0;
        for (; i < token.Length; i++)
        {
            char c = token[i];
            switch (c)
            {
                case 'x' or 'y' or 'z' or '\'' or '"' or '*':
                    axis = c;
                    break;
                case >= '1' and <= '5':
                    screw = c - '0';
                    break;
                case 'a': t1 += 6; break;
                case 'b': t2 += 6; break;
                case 'c': t3 += 6; break;
                case 'n': t1 += 6; t2 += 6; t3 += 6; break;
                case 'u': t1 += 3; break;
                case 'v': t2 += 3; break;
                case 'w': t3 += 3; break;
                case 'd': t1 += 3; t2 += 3; t3 += 3; break;
                default:
                    throw new FormatException($"Hall symbol '{hall}': unknown character '{c}' in '{token}'.");
            }
        }

        if (axis == '\0')
        {
            // Hall's default axes: first z; second a (after 2 or 4) or a−b (after 3 or 6); third body diagonal.
            axis = position == 1 ? 'z'
                : position == 2 && n == 2 ? (previousN is 2 or 4 ? 'x' : '\'')
                : n == 3 ? '*'
                : throw new FormatException($"Hall symbol '{hall}': rotation '{token}' needs an explicit axis.");
        }

        IntMat3 w = Rotation(n, axis, previousAxis, hall);
        if (screw != 0)
        {
            int step = 12 * screw / n;
            switch (axis)
            {
                case 'x': t1 += step; break;
                case 'y': t2 += step; break;
                case 'z': t3 += step; break;
                default: throw new FormatException($"Hall symbol '{hall}': screw on a non-principal axis in '{token}'.");
            }
        }

        return (new Op12(improper ? -w : w, t1, t2, t3), n, axis);
    }

    private static IntMat3 Rotation(int n, char axis, char previousAxis, string hall)
    {
        ReadOnlySpan<int> m = (n, axis, previousAxis) switch
        {
            (1, _, _) => [1, 0, 0, 0, 1, 0, 0, 0, 1],
            (2, 'x', _) => [1, 0, 0, 0, -1, 0, 0, 0, -1],
            (3, 'x', _) => [1, 0, 0, 0, 0, -1, 0, 1, -1],
            (4, 'x', _) => [1, 0, 0, 0, 0, -1, 0, 1, 0],
            (6, 'x', _) => [1, 0, 0, 0, 1, -1, 0, 1, 0],
            (2, 'y', _) => [-1, 0, 0, 0, 1, 0, 0, 0, -1],
            (3, 'y', _) => [-1, 0, 1, 0, 1, 0, -1, 0, 0],
            (4, 'y', _) => [0, 0, 1, 0, 1, 0, -1, 0, 0],
            (6, 'y', _) => [0, 0, 1, 0, 1, 0, -1, 0, 1],
            (2, 'z', _) => [-1, 0, 0, 0, -1, 0, 0, 0, 1],
            (3, 'z', _) => [0, -1, 0, 1, -1, 0, 0, 0, 1],
            (4, 'z', _) => [0, -1, 0, 1, 0, 0, 0, 0, 1],
            (6, 'z', _) => [1, -1, 0, 1, 0, 0, 0, 0, 1],
            (2, '\'', 'x') => [-1, 0, 0, 0, 0, -1, 0, -1, 0],
            (2, '"', 'x') => [-1, 0, 0, 0, 0, 1, 0, 1, 0],
            (2, '\'', 'y') => [0, 0, -1, 0, -1, 0, -1, 0, 0],
            (2, '"', 'y') => [0, 0, 1, 0, -1, 0, 1, 0, 0],
            (2, '\'', 'z') => [0, -1, 0, -1, 0, 0, 0, 0, -1],
            (2, '"', 'z') => [0, 1, 0, 1, 0, 0, 0, 0, -1],
            (3, '*', _) => [0, 0, 1, 1, 0, 0, 0, 1, 0],
            _ => throw new FormatException($"Hall symbol '{hall}': no {n}-fold rotation about axis '{axis}'."),
        };
        return IntMat3.FromRowMajor(m);
    }

    /// <summary>An operation with its translation in twelfths, reduced mod 12 (exact group arithmetic).</summary>
    private readonly record struct Op12
    {
        public Op12(IntMat3 w, int t1, int t2, int t3)
        {
            W = w;
            T1 = Mod12(t1);
            T2 = Mod12(t2);
            T3 = Mod12(t3);
        }

        public IntMat3 W { get; }

        public int T1 { get; }

        public int T2 { get; }

        public int T3 { get; }

        public static Op12 operator *(Op12 a, Op12 b)
        {
            var (x, y, z) = a.W.Apply((b.T1, b.T2, b.T3));
            return new Op12(a.W * b.W, x + a.T1, y + a.T2, z + a.T3);
        }

        public Op12 Shifted((int X, int Y, int Z) v)
        {
            var (x, y, z) = W.Apply(v);
            return new Op12(W, T1 + v.X - x, T2 + v.Y - y, T3 + v.Z - z);
        }

        private static int Mod12(int t) => ((t % 12) + 12) % 12;
    }
}
