namespace XccaMap.Diffraction.Classification;

/// <summary>
/// Where a class's angular peaks are: the fingerprint entries (φ groups) in which a pattern of the class is
/// significant, as a set. A point's pattern is "contained" in a class when nearly all of its energy lies inside
/// the class's support — the point may show only some of the class's peaks, as it does near a domain edge where
/// an out-of-plane rotation of the lattice takes some reflections off the Ewald sphere.
/// </summary>
public sealed class ClassSupport
{
    private readonly bool[] _inside;

    private ClassSupport(bool[] inside) => _inside = inside;

    /// <summary>Entries in the support.</summary>
    public int Size => _inside.Count(b => b);

    /// <summary>Whether entry <paramref name="j"/> is in the support.</summary>
    public bool Contains(int j) => _inside[j];

    /// <summary>
    /// The entries where <paramref name="centroid"/> reaches <paramref name="fraction"/> of its maximum, widened by
    /// <paramref name="dilation"/> entries on each side within each block of <paramref name="blockLength"/> entries
    /// (one block per ring; the band profile is one block), wrapping around the circle.
    /// </summary>
    public static ClassSupport FromCentroid(ReadOnlySpan<float> centroid, double fraction, int dilation, int blockLength)
    {
        int n = centroid.Length;
        float max = 0;
        foreach (float v in centroid)
        {
            max = Math.Max(max, v);
        }

        var core = new bool[n];
        for (int j = 0; j < n; j++)
        {
            core[j] = max > 0 && centroid[j] >= fraction * max;
        }

        var inside = new bool[n];
        int block = Math.Max(1, blockLength);
        for (int j = 0; j < n; j++)
        {
            if (!core[j])
            {
                continue;
            }

            int b0 = j / block * block;
            for (int k = -dilation; k <= dilation; k++)
            {
                int local = ((((j - b0) + k) % block) + block) % block;
                if (b0 + local < n)
                {
                    inside[b0 + local] = true;
                }
            }
        }

        return new ClassSupport(inside);
    }

    /// <summary>The union of two supports.</summary>
    public ClassSupport Union(ClassSupport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new ClassSupport(_inside.Select((b, j) => b || other._inside[j]).ToArray());
    }

    /// <summary>Fraction of the energy (Σ x²) of <paramref name="x"/> inside the support, 0–1 (0 for a zero vector).</summary>
    public double Containment(ReadOnlySpan<float> x)
    {
        double inside = 0, total = 0;
        for (int j = 0; j < x.Length; j++)
        {
            double e = (double)x[j] * x[j];
            total += e;
            if (_inside[j])
            {
                inside += e;
            }
        }

        return total > 0 ? inside / total : 0;
    }

    /// <summary>
    /// Cosine between <paramref name="a"/> and <paramref name="b"/> over the entries inside the support only (0 when
    /// either vanishes there): whether the two patterns have the same peaks where this support has peaks.
    /// </summary>
    public double RestrictedCosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (int j = 0; j < a.Length; j++)
        {
            if (_inside[j])
            {
                ab += (double)a[j] * b[j];
                aa += (double)a[j] * a[j];
                bb += (double)b[j] * b[j];
            }
        }

        return aa > 0 && bb > 0 ? ab / Math.Sqrt(aa * bb) : 0;
    }

    /// <summary>Fraction of the energy of <paramref name="x"/> inside this support and not inside <paramref name="other"/>.</summary>
    public double ContainmentExcluding(ReadOnlySpan<float> x, ClassSupport other)
    {
        ArgumentNullException.ThrowIfNull(other);
        double inside = 0, total = 0;
        for (int j = 0; j < x.Length; j++)
        {
            double e = (double)x[j] * x[j];
            total += e;
            if (_inside[j] && !other._inside[j])
            {
                inside += e;
            }
        }

        return total > 0 ? inside / total : 0;
    }
}
