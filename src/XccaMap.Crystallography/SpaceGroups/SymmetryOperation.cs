using System.Globalization;
using System.Text;
using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// A space-group operation x → W·x + t in fractional coordinates of some cell (the Seitz symbol {W|t}).
/// Translations are kept in [0, 1) where the operation is a coset representative.
/// </summary>
/// <param name="Rotation">Integer rotation part W (det ±1).</param>
/// <param name="Translation">Translation part t (fractional).</param>
public readonly record struct SymmetryOperation(IntMat3 Rotation, Vec3 Translation)
{
    /// <summary>The identity {1|0}.</summary>
    public static SymmetryOperation Identity => new(IntMat3.Identity, Vec3.Zero);

    /// <summary>Image of a point (fractional).</summary>
    public Vec3 Apply(Vec3 x) => Rotation.Apply(x) + Translation;

    /// <summary>Inverse {W⁻¹ | −W⁻¹t}.</summary>
    public SymmetryOperation Inverse()
    {
        IntMat3 wi = Rotation.InverseUnimodular();
        return new SymmetryOperation(wi, -wi.Apply(Translation));
    }

    /// <summary>The same operation with its translation reduced to [0, 1).</summary>
    public SymmetryOperation Reduced() => this with { Translation = Wrap(Translation) };

    /// <summary>Composition a∘b: first <paramref name="b"/>, then <paramref name="a"/>.</summary>
    public static SymmetryOperation operator *(SymmetryOperation a, SymmetryOperation b) =>
        new(a.Rotation * b.Rotation, a.Rotation.Apply(b.Translation) + a.Translation);

    /// <summary>Reduces each component to [0, 1), with values within 1e-9 of 1 mapped to 0.</summary>
    public static Vec3 Wrap(Vec3 t) => new(Wrap(t.X), Wrap(t.Y), Wrap(t.Z));

    /// <summary>Reduces to [0, 1).</summary>
    public static double Wrap(double v)
    {
        double w = v - Math.Floor(v);
        return w >= 1 - 1e-9 ? 0 : w;
    }

    /// <summary>Each component reduced to [−½, ½).</summary>
    public static Vec3 WrapCentered(Vec3 t) => new(t.X - Math.Round(t.X), t.Y - Math.Round(t.Y), t.Z - Math.Round(t.Z));

    /// <summary>The operation as coordinate triplet, e.g. "-y,x-y,z+1/2" (translations as twelfths where exact).</summary>
    public string ToXyz()
    {
        var sb = new StringBuilder();
        for (int r = 0; r < 3; r++)
        {
            if (r > 0)
            {
                sb.Append(',');
            }

            bool any = false;
            for (int c = 0; c < 3; c++)
            {
                int w = Rotation[r, c];
                if (w == 0)
                {
                    continue;
                }

                sb.Append(w < 0 ? "-" : any ? "+" : string.Empty);
                if (Math.Abs(w) != 1)
                {
                    sb.Append(Math.Abs(w).ToString(CultureInfo.InvariantCulture));
                }

                sb.Append("xyz"[c]);
                any = true;
            }

            double t = Wrap(Translation[r]);
            if (t != 0)
            {
                sb.Append(any ? "+" : string.Empty).Append(Fraction(t));
            }
            else if (!any)
            {
                sb.Append('0');
            }
        }

        return sb.ToString();
    }

    /// <summary>"1/2", "1/3", … for multiples of 1/24; a decimal otherwise.</summary>
    internal static string Fraction(double t)
    {
        double k = t * 24;
        if (Math.Abs(k - Math.Round(k)) < 1e-6)
        {
            int num = (int)Math.Round(k), den = 24;
            int g = Gcd(num, den);
            return string.Create(CultureInfo.InvariantCulture, $"{num / g}/{den / g}");
        }

        return t.ToString("0.####", CultureInfo.InvariantCulture);
    }

    private static int Gcd(int a, int b) => b == 0 ? Math.Abs(a) : Gcd(b, a % b);

    /// <inheritdoc />
    public override string ToString() => ToXyz();
}
