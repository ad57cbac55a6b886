namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// Cuts a class map into domains (design.md §4 step 9: "the edge is where SAXS scattering stops, or where the class
/// changes"). Each 8-connected component of one class is a candidate; a component whose deepest point lies at least
/// <see cref="DomainSegmentationOptions.MinCoreDepthUm"/> from any other label is a domain (cored). Thin components —
/// typically the rim of a domain whose lattice turns out of plane near the edge, so its pattern and class change —
/// and mixed points are attached to the geodesically nearest cored domain through scattering points (Dijkstra on the
/// 8-neighbour raster), so the domain edge is where scattering stops or where another real domain begins.
/// Points without data are neither domain nor edge.
/// </summary>
public static class DomainSegmentation
{
    /// <summary>Segments <paramref name="labels"/> (≥ 0 class, −1 empty, −2 mixed, −3 no data).</summary>
    /// <param name="labels">rows × cols class labels, row-major.</param>
    /// <param name="rows">Raster rows.</param>
    /// <param name="cols">Raster columns.</param>
    /// <param name="stepUm">Raster step, µm; NaN when unknown (depths then in steps).</param>
    /// <param name="options">Options; defaults when null.</param>
    /// <param name="saxsIntensity">
    /// Mean SAXS band intensity per point, or empty. When given, points (of a class or mixed) whose intensity is below
    /// the level half-way between the medians of the class points and of the empty points count as empty: the beam
    /// barely touches the film there, although a few weak peaks made the classifier give them a label.
    /// </param>
    public static DomainMap Segment(ReadOnlySpan<int> labels, int rows, int cols, double stepUm, DomainSegmentationOptions? options = null, ReadOnlySpan<float> saxsIntensity = default)
    {
        options ??= new DomainSegmentationOptions();
        int n = rows * cols;
        if (labels.Length != n)
        {
            throw new ArgumentException($"labels has {labels.Length} values, expected {rows} x {cols}");
        }

        bool hasStep = double.IsFinite(stepUm) && stepUm > 0;
        double unit = hasStep ? stepUm : 1;
        double minSteps = Math.Max(options.MinCoreDepthSteps, hasStep ? options.MinCoreDepthUm / stepUm : 0);
        var lab = labels.ToArray();
        if (!saxsIntensity.IsEmpty && options.IntensityEdge)
        {
            WeakToEmpty(lab, saxsIntensity);
        }

        var component = Components(lab, rows, cols, out int count);
        var depth = ComponentDepths(lab, component, count, rows, cols);
        var size = new int[count];
        var classOf = new int[count];
        for (int i = 0; i < n; i++)
        {
            if (component[i] >= 0)
            {
                size[component[i]]++;
                classOf[component[i]] = lab[i];
            }
        }

        var cored = new bool[count];
        bool any = false;
        for (int k = 0; k < count; k++)
        {
            cored[k] = !options.AttachRims || depth[k] >= minSteps - 1e-9;
            any |= cored[k];
        }

        if (!any)
        {
            Array.Fill(cored, true);
        }

        // Provisional domain per point: the cored component it belongs to.
        var owner = new int[n];
        Array.Fill(owner, -1);
        for (int i = 0; i < n; i++)
        {
            if (component[i] >= 0 && cored[component[i]])
            {
                owner[i] = component[i];
            }
        }

        if (options.AttachRims)
        {
            Attach(lab, component, cored, owner, rows, cols);
        }

        // Uncored components nobody reached become domains of their own.
        for (int i = 0; i < n; i++)
        {
            if (owner[i] < 0 && component[i] >= 0)
            {
                owner[i] = component[i];
            }
        }

        var points = new int[count];
        foreach (int o in owner)
        {
            if (o >= 0)
            {
                points[o]++;
            }
        }

        var order = Enumerable.Range(0, count).Where(k => points[k] > 0).OrderByDescending(k => points[k]).ThenBy(k => k).ToArray();
        var newId = new int[count];
        Array.Fill(newId, -1);
        var domains = new List<Domain>(order.Length);
        for (int j = 0; j < order.Length; j++)
        {
            int k = order[j];
            newId[k] = j;
            domains.Add(new Domain(j, classOf[k], points[k], size[k], cored[k], depth[k] * unit));
        }

        var domainOf = new int[n];
        for (int i = 0; i < n; i++)
        {
            domainOf[i] = owner[i] >= 0 ? newId[owner[i]] : -1;
        }

        return new DomainMap(rows, cols, domainOf, domains);
    }

    /// <summary>Points with a label but less than half the film's SAXS intensity (above the empty level) become empty.</summary>
    private static void WeakToEmpty(int[] lab, ReadOnlySpan<float> intensity)
    {
        if (intensity.Length != lab.Length)
        {
            throw new ArgumentException($"saxs intensity has {intensity.Length} values, expected {lab.Length}");
        }

        var film = new List<double>();
        var empty = new List<double>();
        for (int i = 0; i < lab.Length; i++)
        {
            if (float.IsFinite(intensity[i]))
            {
                (lab[i] >= 0 ? film : lab[i] == ResultsMaps.Empty ? empty : null)?.Add(intensity[i]);
            }
        }

        double inside = QMapBuilder.Median(film), outside = QMapBuilder.Median(empty);
        if (!(inside > outside))
        {
            return;
        }

        double level = 0.5 * (inside + outside);
        for (int i = 0; i < lab.Length; i++)
        {
            if ((lab[i] >= 0 || lab[i] == ResultsMaps.Mixed) && intensity[i] < level)
            {
                lab[i] = ResultsMaps.Empty;
            }
        }
    }

    /// <summary>8-connected components of equal labels ≥ 0 (−1 elsewhere).</summary>
    private static int[] Components(int[] lab, int rows, int cols, out int count)
    {
        var comp = new int[lab.Length];
        Array.Fill(comp, -1);
        count = 0;
        var stack = new Stack<int>();
        for (int start = 0; start < lab.Length; start++)
        {
            if (lab[start] < 0 || comp[start] >= 0)
            {
                continue;
            }

            int id = count++;
            comp[start] = id;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int p = stack.Pop();
                int r = p / cols, c = p % cols;
                for (int dr = -1; dr <= 1; dr++)
                {
                    for (int dc = -1; dc <= 1; dc++)
                    {
                        int rr = r + dr, cc = c + dc;
                        if ((dr == 0 && dc == 0) || rr < 0 || rr >= rows || cc < 0 || cc >= cols)
                        {
                            continue;
                        }

                        int q = (rr * cols) + cc;
                        if (comp[q] < 0 && lab[q] == lab[p])
                        {
                            comp[q] = id;
                            stack.Push(q);
                        }
                    }
                }
            }
        }

        return comp;
    }

    /// <summary>Per component, the largest distance (steps) of its points to the nearest point of another label (no-data points and the raster border do not count).</summary>
    private static double[] ComponentDepths(int[] lab, int[] comp, int count, int rows, int cols)
    {
        var depth = new double[count];
        var feature = new bool[lab.Length];
        foreach (int label in lab.Where(l => l >= 0).Distinct())
        {
            for (int i = 0; i < lab.Length; i++)
            {
                feature[i] = lab[i] != label && lab[i] != ResultsMaps.NoData;
            }

            var d = EuclideanDistance.Distance(feature, rows, cols);
            for (int i = 0; i < lab.Length; i++)
            {
                if (lab[i] == label)
                {
                    depth[comp[i]] = Math.Max(depth[comp[i]], d[i]);
                }
            }
        }

        return depth;
    }

    /// <summary>Dijkstra from the cored components through uncored class points and mixed points (8-neighbour, step lengths 1 and √2).</summary>
    private static void Attach(int[] lab, int[] comp, bool[] cored, int[] owner, int rows, int cols)
    {
        int n = lab.Length;
        var dist = new double[n];
        Array.Fill(dist, double.PositiveInfinity);
        var queue = new PriorityQueue<int, (double Distance, int Owner)>();
        for (int i = 0; i < n; i++)
        {
            if (owner[i] >= 0)
            {
                dist[i] = 0;
                queue.Enqueue(i, (0, owner[i]));
            }
        }

        bool Attachable(int i) => (lab[i] >= 0 && !cored[comp[i]]) || lab[i] == ResultsMaps.Mixed;
        while (queue.TryDequeue(out int p, out var key))
        {
            if (key.Distance > dist[p] || owner[p] != key.Owner)
            {
                continue;
            }

            int r = p / cols, c = p % cols;
            for (int dr = -1; dr <= 1; dr++)
            {
                for (int dc = -1; dc <= 1; dc++)
                {
                    int rr = r + dr, cc = c + dc;
                    if ((dr == 0 && dc == 0) || rr < 0 || rr >= rows || cc < 0 || cc >= cols)
                    {
                        continue;
                    }

                    int q = (rr * cols) + cc;
                    if (!Attachable(q))
                    {
                        continue;
                    }

                    double nd = key.Distance + (dr != 0 && dc != 0 ? Math.Sqrt(2) : 1);
                    if (nd < dist[q] - 1e-12 || (Math.Abs(nd - dist[q]) <= 1e-12 && key.Owner < owner[q]))
                    {
                        dist[q] = nd;
                        owner[q] = key.Owner;
                        queue.Enqueue(q, (nd, key.Owner));
                    }
                }
            }
        }
    }
}
