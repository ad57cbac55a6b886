namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Builds the <see cref="BoundaryQMap"/> from the q maps of <c>xccamap process</c> (Gaussian + linear background fits
/// of each frame's I(q) in a window around the reflection, with their 1-σ errors): one reflection, or all mapped
/// reflections combined into one lattice scale, and the quality flags (<see cref="QualityFlags"/>).
/// </summary>
public static class QMapBuilder
{
    /// <summary>Builds the map.</summary>
    /// <exception cref="ArgumentException">The reflection is not mapped in the results (the message lists the mapped ones).</exception>
    public static BoundaryQMap Build(ResultsMaps maps, DomainMap domains, QMapOptions? options = null)
    {
        options ??= new QMapOptions();
        var usable = maps.QMaps.Where(m => m.Values.Any(double.IsFinite)).ToList();
        if (usable.Count == 0)
        {
            throw new ArgumentException($"{maps.Source} holds no q map with values (process maps SL reflections as q_sl_<hkl>; see q_fit.reflections in its configuration)");
        }

        BoundaryQMap map;
        if (string.Equals(options.Reflection, "all", StringComparison.OrdinalIgnoreCase))
        {
            var indexed = usable.Where(m => m.N > 0).OrderBy(m => m.N).ToList();
            map = indexed.Count > 0 ? Combine(maps, indexed, options) : Single(maps, usable.OrderBy(m => m.RingQ).First(), "all");
        }
        else
        {
            var one = maps.QMap(options.Reflection)
                ?? throw new ArgumentException($"reflection {options.Reflection} is not mapped in {maps.Source} (mapped: {string.Join(", ", maps.QMaps.Select(m => m.Hkl ?? m.Name))}); choose one of these or 'all', or rerun process with q_fit.reflections");
            map = Single(maps, one, one.Hkl ?? one.Name);
        }

        Flag(map, maps, domains, options);
        return map;
    }

    /// <summary>q of reflection <paramref name="m"/> for the scan's lattice constant (2π√N/a), or its ring q.</summary>
    public static double ReferenceQ(ResultsMaps maps, ResultsQMap m) =>
        m.N > 0 && double.IsFinite(maps.LatticeConstant) && maps.LatticeConstant > 0
            ? 2 * Math.PI * Math.Sqrt(m.N) / maps.LatticeConstant
            : m.RingQ;

    private static BoundaryQMap Single(ResultsMaps maps, ResultsQMap m, string label) =>
        new(label, m.Hkl ?? m.Name, (double[])m.Values.Clone(), (double[])m.Errors.Clone(), new QualityFlags[maps.Points], ReferenceQ(maps, m), [m.Name]);

    /// <summary>
    /// Error-weighted mean of the lattice scales q_i/q_ref,i of the reflections seen at each point (fits with errors
    /// above <see cref="QMapOptions.MaxErrorFactor"/> × their map's median are left out), expressed as q of the lowest
    /// reflection. The references 2π√N/a share one a, so the scales of different reflections agree for an fcc lattice.
    /// </summary>
    private static BoundaryQMap Combine(ResultsMaps maps, List<ResultsQMap> list, QMapOptions options)
    {
        int n = maps.Points;
        var q = new double[n];
        var err = new double[n];
        var refs = list.Select(m => ReferenceQ(maps, m)).ToArray();
        var medians = list.Select(m => Median(m.Errors.Where(e => double.IsFinite(e) && e > 0))).ToArray();
        double qRef0 = refs[0];
        for (int i = 0; i < n; i++)
        {
            double sw = 0, swx = 0;
            for (int k = 0; k < list.Count; k++)
            {
                double v = list[k].Values[i];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                double e = list[k].Errors[i];
                if (!(double.IsFinite(e) && e > 0))
                {
                    e = medians[k];
                }

                if (double.IsFinite(medians[k]) && e > options.MaxErrorFactor * medians[k])
                {
                    continue;
                }

                double s = v / refs[k], se = double.IsFinite(e) && e > 0 ? e / refs[k] : 1e-3;
                double w = 1 / (se * se);
                sw += w;
                swx += w * s;
            }

            q[i] = sw > 0 ? swx / sw * qRef0 : double.NaN;
            err[i] = sw > 0 ? qRef0 / Math.Sqrt(sw) : double.NaN;
        }

        return new BoundaryQMap("all", list[0].Hkl ?? list[0].Name, q, err, new QualityFlags[n], qRef0, list.Select(m => m.Name).ToList());
    }

    private static void Flag(BoundaryQMap map, ResultsMaps maps, DomainMap domains, QMapOptions options)
    {
        int rows = maps.Rows, cols = maps.Cols;
        double medianError = Median(map.Error.Where(e => double.IsFinite(e) && e > 0));
        for (int i = 0; i < maps.Points; i++)
        {
            var f = QualityFlags.None;
            if (!double.IsFinite(map.Q[i]))
            {
                f |= QualityFlags.NoValue;
            }
            else if (double.IsFinite(medianError) && map.Error[i] > options.MaxErrorFactor * medianError)
            {
                f |= QualityFlags.LargeError;
            }

            if (domains.DomainOf[i] < 0)
            {
                f |= QualityFlags.OutsideDomain;
            }

            if (maps.SaxsClass[i] == ResultsMaps.Mixed)
            {
                f |= QualityFlags.Mixed;
            }

            map.Flags[i] = f;
        }

        // Spikes: a value far from the median of its same-domain neighbours and outside their range.
        var neighbours = new List<double>(8);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                int p = (r * cols) + c;
                if ((map.Flags[p] & (QualityFlags.NoValue | QualityFlags.OutsideDomain)) != 0)
                {
                    continue;
                }

                neighbours.Clear();
                for (int dr = -1; dr <= 1; dr++)
                {
                    for (int dc = -1; dc <= 1; dc++)
                    {
                        int rr = r + dr, cc = c + dc;
                        if ((dr != 0 || dc != 0) && rr >= 0 && rr < rows && cc >= 0 && cc < cols
                            && domains.DomainOf[(rr * cols) + cc] == domains.DomainOf[p] && double.IsFinite(map.Q[(rr * cols) + cc]))
                        {
                            neighbours.Add(map.Q[(rr * cols) + cc]);
                        }
                    }
                }

                if (neighbours.Count < 2)
                {
                    continue;
                }

                // A steep but real gradient at an edge changes q by C·step/L per step (≈ 2 % for 8 % over 0.75 µm
                // at 0.2 µm steps) and stays inside the neighbours' spread; a wrong peak caught by the fit window
                // (at a turned rim another reflection can fall into it) jumps by several per cent.
                double v = map.Q[p], med = Median(neighbours);
                if (Math.Abs(v - med) > options.SpikeRelative * Math.Abs(med))
                {
                    map.Flags[p] |= QualityFlags.Spike;
                }
            }
        }
    }

    internal static double Median(IEnumerable<double> values)
    {
        var a = values.Where(double.IsFinite).OrderBy(x => x).ToArray();
        if (a.Length == 0)
        {
            return double.NaN;
        }

        return (a.Length & 1) == 1 ? a[a.Length / 2] : 0.5 * (a[(a.Length / 2) - 1] + a[a.Length / 2]);
    }
}
