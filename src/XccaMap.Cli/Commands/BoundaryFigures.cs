using XccaMap.Diffraction.Boundary;
using XccaMap.Hdf5;
using XccaMap.Reporting;

namespace XccaMap.Cli.Commands;

/// <summary>
/// Figures of <c>xccamap boundary</c>: the q map with a colour bar and the line drawn on it (Fig. 3a, S7a), the
/// compression, domain and quality maps, the pooled compression against distance to the edge, and for a line q and
/// compression against distance to the edge (Fig. 3b,c, S7b), the rotation angle and axis along it (Fig. 4, Table S3)
/// and the atomic-lattice rings (Fig. S11). PNG for maps, SVG for plots.
/// </summary>
internal static class BoundaryFigures
{
    public static IReadOnlyList<string> Write(string dir, BoundaryResult r)
    {
        var files = new List<string>();
        void Png(string name, RasterImage image)
        {
            AtomicFile.WriteAllBytes(Path.Combine(dir, name), image.ToPng());
            files.Add(name);
        }

        void Svg(string name, SvgPlot plot)
        {
            AtomicFile.WriteAllText(Path.Combine(dir, name), plot.ToSvg());
            files.Add(name);
        }

        var m = r.Maps;
        var line = LineMask(r);
        var q = Enumerable.Range(0, m.Points).Select(i => r.QMap.Usable(i, useMixed: true) ? r.QMap.Q[i] : double.NaN).ToArray();
        string reflection = r.QMap.Label == "all" ? $"all mapped SL reflections, as q {r.QMap.Reflection}" : $"SL {r.QMap.Reflection}";
        Png("q_map.png", MapImage.RenderScalar(q, m.Rows, m.Cols, new MapRenderOptions
        {
            Title = $"q ({reflection})",
            ColorBarLabel = "q (Å⁻¹)",
            LowPercentile = 1,
            HighPercentile = 99.5,
            MaskedColor = Rgba.Black,
        }, line));
        Png("compression_map.png", MapImage.RenderScalar(r.CompressionMap().Select(c => 100 * c).ToArray(), m.Rows, m.Cols, new MapRenderOptions
        {
            Title = "compression q/q_bulk − 1 (%)",
            ColorBarLabel = "%",
            Colormap = Colormap.Magma,
            MaskedColor = Rgba.White,
        }, line));
        Png("domains.png", MapImage.RenderClasses(r.Domains.DomainOf, m.Rows, m.Cols, new ClassMapRenderOptions
        {
            Title = "domains",
            Names = r.Domains.Domains.ToDictionary(d => d.Id, d => $"domain {d.Id} (class {d.ClassLabel + 1}{(d.Cored ? string.Empty : ", thin")})"),
        }));
        Png("quality.png", MapImage.RenderClasses(r.QMap.Flags.Select(Quality).ToArray(), m.Rows, m.Cols, new ClassMapRenderOptions
        {
            Title = "q quality",
            Names = new Dictionary<int, string> { [0] = "good", [1] = "no value", [2] = "large error", [3] = "spike", [4] = "mixed", [5] = "outside domains" },
        }));
        Svg("compression_vs_distance.svg", Pooled(r));
        if (r.Line is { } l)
        {
            Svg("line_q.svg", LinePlot(l, r, compression: false));
            Svg("line_compression.svg", LinePlot(l, r, compression: true));
        }

        if (r.Rotation is { } rot && rot.Matched.Count > 0)
        {
            Svg("rotation.svg", RotationPlot(rot, r.Distances.Unit));
            Svg("rotation_axis.svg", AxisPlot(rot, r.Distances.Unit));
            if (rot.Atomic is { } al)
            {
                Svg("atomic_lattice.svg", AtomicPlot(rot, al, r.Distances.Unit));
            }
        }

        return files;
    }

    private static int Quality(QualityFlags f) =>
        (f & QualityFlags.OutsideDomain) != 0 ? 5 : (f & QualityFlags.NoValue) != 0 ? 1 : (f & QualityFlags.LargeError) != 0 ? 2
        : (f & QualityFlags.Spike) != 0 ? 3 : (f & QualityFlags.Mixed) != 0 ? 4 : 0;

    /// <summary>The raster points the line samples (drawn in the masked colour on the maps), or empty.</summary>
    private static bool[] LineMask(BoundaryResult r)
    {
        if (r.Line is not { } l)
        {
            return [];
        }

        var mask = new bool[r.Maps.Points];
        foreach (var s in l.Samples)
        {
            mask[(s.PointRow * r.Maps.Cols) + s.PointCol] = true;
        }

        return mask;
    }

    private static string Unit(string u) => u == "um" ? "µm" : "steps";

    private static SvgPlot Pooled(BoundaryResult r)
    {
        var s = r.Statistics;
        string u = Unit(s.Unit);
        var plot = new SvgPlot { Title = $"Compression against distance to the domain edge ({s.Points.Count} points, {s.PerDomain.Count(d => d.Fit.IsDetermined)} domains fitted)", XLabel = $"distance to edge ({u})", YLabel = "compression (%)", Width = 760 };
        var b = s.Bins;
        plot.Add(new PlotSeries("pooled mean ± s.e.", b.Select(x => x.MeanDistance).ToList(), b.Select(x => 100 * x.Mean).ToList())
        {
            Markers = true,
            BandLower = b.Select(x => 100 * (x.Mean - (double.IsFinite(x.StandardError) ? x.StandardError : 0))).ToList(),
            BandUpper = b.Select(x => 100 * (x.Mean + (double.IsFinite(x.StandardError) ? x.StandardError : 0))).ToList(),
        });
        double dMax = b.Count > 0 ? b.Max(x => x.To) : 1;
        var xs = Enumerable.Range(0, 101).Select(i => dMax * i / 100).ToList();
        if (s.Pooled.IsDetermined)
        {
            var f = s.Pooled;
            plot.Add(new PlotSeries(FormattableString.Invariant($"fit C = {100 * f.Amplitude:0.00} ± {100 * f.AmplitudeError:0.00} %, L = {f.DecayLength:0.00} ± {f.DecayLengthError:0.00} {u}"), xs, xs.Select(x => 100 * f.Compression(x)).ToList()) { LineWidth = 2 });
        }

        foreach (var d in s.PerDomain.Where(d => d.Fit.IsDetermined).Take(8))
        {
            var f = d.Fit;
            plot.Add(new PlotSeries(FormattableString.Invariant($"domain {d.Domain.Id}: C = {100 * f.Amplitude:0.0} %, L = {f.DecayLength:0.00}"), xs, xs.Select(x => 100 * f.Compression(x)).ToList()) { Dashed = true, LineWidth = 1 });
        }

        return plot;
    }

    private static SvgPlot LinePlot(LineProfile l, BoundaryResult r, bool compression)
    {
        string u = Unit(l.Unit);
        var inside = l.Samples.Where(s => double.IsFinite(s.EdgeDistance)).ToList();
        var plot = new SvgPlot
        {
            Title = compression
                ? FormattableString.Invariant($"Compression towards the edge (line ({l.FromRow:0.#}, {l.FromCol:0.#}) → ({l.ToRow:0.#}, {l.ToCol:0.#}))")
                : FormattableString.Invariant($"q {l.Reflection} towards the edge ({l.Edge})"),
            XLabel = $"distance to edge along the line ({u}; > 0 inside)",
            YLabel = compression ? "compression (%)" : "q (Å⁻¹)",
            Width = 760,
        };
        double Y(LineSample s) => compression ? 100 * s.Compression : s.Q;
        plot.Add(new PlotSeries("samples", inside.Select(s => s.EdgeDistance).ToList(), inside.Select(Y).ToList()) { Markers = true, Line = false });
        if (l.Fit.IsDetermined)
        {
            var f = l.Fit;
            double max = inside.Where(s => s.EdgeDistance >= 0).Select(s => s.EdgeDistance).DefaultIfEmpty(1).Max();
            var xs = Enumerable.Range(0, 101).Select(i => max * i / 100).ToList();
            string label = FormattableString.Invariant($"fit C = {100 * f.Amplitude:0.00} ± {100 * f.AmplitudeError:0.00} %, L = {f.DecayLength:0.00} ± {f.DecayLengthError:0.00} {u}");
            plot.Add(new PlotSeries(label, xs, xs.Select(x => compression ? 100 * f.Compression(x) : f.Evaluate(x)).ToList()) { LineWidth = 2 });
        }

        if (l.Edge != EdgeKind.NotFound)
        {
            plot.AddMarker(0, "edge");
        }

        return plot;
    }

    private static SvgPlot RotationPlot(RotationProfile p, string unit)
    {
        var m = p.Matched;
        var plot = new SvgPlot
        {
            Title = FormattableString.Invariant($"Superlattice rotation towards the edge (total {p.TotalRotationDeg:0.0}°)"),
            XLabel = $"distance to edge ({Unit(unit)}; > 0 inside)",
            YLabel = "angle (°)",
            Width = 760,
        };
        plot.Add(new PlotSeries("out-of-plane tilt θ (signed)", m.Select(x => x.EdgeDistance).ToList(), m.Select(x => x.TiltDeg).ToList()) { Markers = true });
        plot.Add(new PlotSeries("misorientation to bulk", m.Select(x => x.EdgeDistance).ToList(), m.Select(x => x.MisorientationDeg).ToList()) { Markers = true, Dashed = true });
        plot.Add(new PlotSeries("in-plane ψ", m.Select(x => x.EdgeDistance).ToList(), m.Select(x => x.InPlaneDeg).ToList()) { Dashed = true, LineWidth = 1 });
        plot.AddMarker(0, "edge");
        return plot;
    }

    private static SvgPlot AxisPlot(RotationProfile p, string unit)
    {
        var m = p.Matched.Where(x => Math.Abs(x.TiltDeg) >= 1).ToList();
        var plot = new SvgPlot { Title = "Tilt axis (in the detector plane) where |θ| ≥ 1°", XLabel = $"distance to edge ({Unit(unit)})", YLabel = "axis azimuth φ_a (°)", Width = 760, YRange = (0, 180) };
        plot.Add(new PlotSeries("φ_a", m.Select(x => x.EdgeDistance).ToList(), m.Select(x => x.AxisPhiDeg).ToList()) { Markers = true, Line = false });
        plot.AddMarker(0, "edge");
        return plot;
    }

    private static SvgPlot AtomicPlot(RotationProfile p, AtomicFollow a, string unit)
    {
        var plot = new SvgPlot { Title = "Atomic-lattice rings along the line: " + a.Verdict.Split(':')[0], XLabel = $"distance to edge ({Unit(unit)})", YLabel = "relative to bulk", Width = 760 };
        var x = p.Points.Select(t => t.EdgeDistance).ToList();
        plot.Add(new PlotSeries("profile similarity to bulk", x, a.Similarity) { Markers = true });
        plot.Add(new PlotSeries("change D / 10 (core σ units)", x, a.Change.Select(v => v / 10).ToList()) { Markers = true });
        for (int r = 0; r < a.Rings.Count; r++)
        {
            int ring = r;
            plot.Add(new PlotSeries($"intensity {a.Rings[r]}", x, Enumerable.Range(0, p.Points.Count).Select(i => a.RelativeIntensity[(i * a.Rings.Count) + ring]).ToList()) { Dashed = true });
        }

        plot.AddMarker(0, "edge");
        return plot;
    }
}
