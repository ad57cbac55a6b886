using System.Globalization;
using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>
/// One Wyckoff position of a space group in its standard setting: letter, multiplicity in the conventional
/// cell, site symmetry and the first coordinate triplet (e.g. "x,-x,0"), parsed into x = A·p + b.
/// </summary>
public sealed record WyckoffPosition
{
    /// <summary>Creates a position from its ITA description.</summary>
    public WyckoffPosition(char letter, int multiplicity, string siteSymmetry, string coordinates)
    {
        Letter = letter;
        Multiplicity = multiplicity;
        SiteSymmetry = siteSymmetry;
        Coordinates = coordinates;
        (Linear, Origin) = ParseTriplet(coordinates);
        Mat3 a = Linear.ToMat3();
        Mat3 ata = a.Transpose() * a;
        // Unused parameters get a unit diagonal so the normal equations stay regular.
        ata += Mat3.Diagonal(
            a.Column(0).NormSquared == 0 ? 1 : 0, a.Column(1).NormSquared == 0 ? 1 : 0, a.Column(2).NormSquared == 0 ? 1 : 0);
        _solve = ata.Inverse() * a.Transpose();
        _linear = a;
    }

    private readonly Mat3 _solve;
    private readonly Mat3 _linear;

    /// <summary>Wyckoff letter.</summary>
    public char Letter { get; }

    /// <summary>Number of equivalent points in the conventional cell.</summary>
    public int Multiplicity { get; }

    /// <summary>Oriented site-symmetry symbol, e.g. "-6m2" or "m..".</summary>
    public string SiteSymmetry { get; }

    /// <summary>First coordinate triplet as in International Tables, e.g. "x,2x,1/2".</summary>
    public string Coordinates { get; }

    /// <summary>Linear part A (columns: free parameters x, y, z).</summary>
    public IntMat3 Linear { get; }

    /// <summary>Constant part b (fractional).</summary>
    public Vec3 Origin { get; }

    /// <summary>
    /// Parameters p with A·p + b ≡ <paramref name="point"/> (mod 1) within <paramref name="tolerance"/>
    /// (fractional, per component), or null if the point is not on this position's representative set.
    /// </summary>
    public Vec3? Solve(Vec3 point, double tolerance = 1e-4)
    {
        Mat3 a = _linear, solve = _solve;
        for (int i = -2; i <= 2; i++)
        {
            for (int j = -2; j <= 2; j++)
            {
                for (int k = -2; k <= 2; k++)
                {
                    Vec3 rhs = point + new Vec3(i, j, k) - Origin;
                    Vec3 p = solve * rhs;
                    if (Vec3.MaxAbsDifference(a * p, rhs) <= tolerance)
                    {
                        return p;
                    }
                }
            }
        }

        return null;
    }

    private static (IntMat3, Vec3) ParseTriplet(string coordinates)
    {
        var terms = coordinates.Replace(" ", string.Empty, StringComparison.Ordinal).Split(',');
        if (terms.Length != 3)
        {
            throw new FormatException($"Wyckoff coordinates '{coordinates}' do not have three terms.");
        }

        var lin = new int[9];
        var origin = new double[3];
        for (int r = 0; r < 3; r++)
        {
            string t = terms[r];
            int i = 0;
            while (i < t.Length)
            {
                int sign = 1;
                if (t[i] is '+' or '-')
                {
                    sign = t[i] == '-' ? -1 : 1;
                    i++;
                }

                int start = i;
                while (i < t.Length && t[i] is not ('+' or '-'))
                {
                    i++;
                }

                string tok = t[start..i];
                char last = tok[^1];
                if (last is 'x' or 'y' or 'z')
                {
                    int coeff = tok.Length == 1 ? 1 : int.Parse(tok[..^1], CultureInfo.InvariantCulture);
                    lin[(3 * r) + (last - 'x')] += sign * coeff;
                }
                else
                {
                    var nd = tok.Split('/');
                    double v = double.Parse(nd[0], CultureInfo.InvariantCulture) / (nd.Length > 1 ? double.Parse(nd[1], CultureInfo.InvariantCulture) : 1);
                    origin[r] += sign * v;
                }
            }
        }

        return (IntMat3.FromRowMajor(lin), new Vec3(origin[0], origin[1], origin[2]));
    }
}
