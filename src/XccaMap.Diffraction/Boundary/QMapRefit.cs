using XccaMap.Diffraction.Features;

namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// A q map for a superlattice reflection process did not map (design.md §4 step 4): every frame with data is read
/// again (only the SAXS band's compressed blocks), its radial profile I(q) is taken from the SAXS cake in a window
/// around q_hkl = 2π√N/a and fitted with a Gaussian on a linear background (<see cref="GaussianPeakFit"/>, weights from
/// Poisson statistics, as process does); fits below <see cref="MinSignificance"/> or with the centre at the window's
/// edge give no value. The window is ±<see cref="WindowRelativeHalfWidth"/> of q, never more than 0.6 of the way to a
/// neighbouring superlattice ring of the scan.
/// </summary>
public static class QMapRefit
{
    /// <summary>Window half-width relative to q (as process's q_fit default).</summary>
    public const double WindowRelativeHalfWidth = 0.08;

    /// <summary>Amplitude / its error below which a fit gives no value (as process's q_fit default).</summary>
    public const double MinSignificance = 5;

    /// <summary>Maps reflection <paramref name="hkl"/> ("311") over every raster point with data.</summary>
    /// <exception cref="ArgumentException">The label is not an fcc reflection, or its window lies outside the cake.</exception>
    public static ResultsQMap Compute(ResultsMaps maps, string hkl, PatternReader reader, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(reader);
        if (!Millers.TryParse(hkl, out int h, out int k, out int l) || !IsFcc(h, k, l))
        {
            throw new ArgumentException($"'{hkl}' is not an fcc superlattice reflection (h, k, l all even or all odd, e.g. 200, 311)");
        }

        if (!(maps.LatticeConstant > 0))
        {
            throw new ArgumentException($"{maps.Source} gives no superlattice constant: cannot place reflection {hkl}");
        }

        int n = (h * h) + (k * k) + (l * l);
        double q = 2 * Math.PI * Math.Sqrt(n) / maps.LatticeConstant;
        var (lo, hi) = Window(n, maps.LatticeConstant, maps.Rings.Where(r => r.Superlattice).Select(r => r.Q));
        var grid = reader.Reducer.Grid;
        int first = Math.Max(0, (int)Math.Ceiling(((lo - grid.QMin) / grid.QStep) - 0.5));
        int last = Math.Min(grid.QCount - 1, (int)Math.Floor(((hi - grid.QMin) / grid.QStep) - 0.5));
        if (last - first + 1 < 6)
        {
            throw new ArgumentException(FormattableString.Invariant($"reflection {hkl} (q = {q:0.0000} Å⁻¹, window {lo:0.0000}–{hi:0.0000}) lies outside the SAXS range read ({grid.QMin:0.0000}–{grid.QMax:0.0000} Å⁻¹)"));
        }

        var points = Enumerable.Range(0, maps.Points).Where(i => maps.SaxsClass[i] != ResultsMaps.NoData).Select(i => (i / maps.Cols, i % maps.Cols)).ToList();
        var values = Enumerable.Repeat(double.NaN, maps.Points).ToArray();
        var errors = Enumerable.Repeat(double.NaN, maps.Points).ToArray();
        int m = last - first + 1;
        var x = Enumerable.Range(first, m).Select(grid.Q).ToArray();
        var y = new double[m];
        var s = new double[m];
        double dq = grid.QStep;
        reader.Stream(points, (index, p) =>
        {
            if (!p.HasData)
            {
                return;
            }

            for (int iq = 0; iq < m; iq++)
            {
                double sum = 0, norm = 0;
                for (int j = 0; j < grid.PhiCount; j++)
                {
                    int b = ((first + iq) * grid.PhiCount) + j;
                    if (p.SaxsWeight[b] > 0 && float.IsFinite(p.Saxs[b]))
                    {
                        sum += p.Saxs[b] * (double)p.SaxsWeight[b];
                        norm += p.SaxsWeight[b];
                    }
                }

                y[iq] = norm > 0 ? sum / norm : double.NaN;
                s[iq] = norm > 0 ? Math.Sqrt(Math.Max(y[iq], 1e-3 / norm) / norm) : double.NaN;
            }

            var fit = GaussianPeakFit.Fit(x, y, s);
            if (fit.Converged && fit.Amplitude > 0 && fit.Significance >= MinSignificance && fit.Centre > x[0] + dq && fit.Centre < x[^1] - dq && fit.Fwhm >= 2 * dq)
            {
                int i = (p.Row * maps.Cols) + p.Col;
                values[i] = fit.Centre;
                errors[i] = fit.CentreError;
            }
        }, cancellation);

        return new ResultsQMap("q_sl_" + hkl, hkl, q, values, errors);
    }

    /// <summary>
    /// The fit window of family N: ±8 % of q, at most 0.6 of the way to the neighbouring superlattice rings found in the
    /// scan (as process does: reflections the scan does not show do not limit it), Å⁻¹.
    /// </summary>
    /// <param name="n">h² + k² + l².</param>
    /// <param name="latticeA">Lattice constant, Å.</param>
    /// <param name="ringQ">q of the superlattice rings found, Å⁻¹.</param>
    public static (double Lo, double Hi) Window(int n, double latticeA, IEnumerable<double> ringQ)
    {
        double q = 2 * Math.PI * Math.Sqrt(n) / latticeA;
        var rings = ringQ.Where(r => Math.Abs(r - q) > 0.02 * q).ToList();
        double below = rings.Where(r => r < q).DefaultIfEmpty(0).Max();
        double above = rings.Where(r => r > q).DefaultIfEmpty(double.PositiveInfinity).Min();
        return (Math.Max(q * (1 - WindowRelativeHalfWidth), q - (0.6 * (q - below))), Math.Min(q * (1 + WindowRelativeHalfWidth), q + (0.6 * (above - q))));
    }

    private static bool IsFcc(int h, int k, int l) => (h & 1) == (k & 1) && (k & 1) == (l & 1) && (h | k | l) != 0;
}
