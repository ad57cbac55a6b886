using System.Text.Json.Nodes;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Tomography.Analysis;
using XccaMap.Tomography.Statistics;

namespace XccaMap.Tomography.Reports;

/// <summary>The analysis as a JSON document (nm, degrees): summary, crystallites with lattices, sites and space group.</summary>
public static class ResultJson
{
    /// <summary>Builds the document; <paramref name="source"/> names the input.</summary>
    public static JsonObject Build(AnalysisResult result, string source)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Table;
        return new JsonObject
        {
            ["source"] = source,
            ["units"] = "nm, degrees",
            ["particles"] = t.Count,
            ["species"] = new JsonArray(t.SpeciesNames.Select((n, s) => (JsonNode)new JsonObject { ["name"] = n, ["count"] = t.Species.Count(x => x == s) }).ToArray()),
            ["primary_species"] = t.SpeciesNames[result.PrimarySpecies],
            ["q6_weighting"] = result.Weighting.ToString(),
            ["open_cells"] = result.Open.Count(o => o),
            ["dropped_facets"] = result.DroppedFacets,
            ["rejected_clusters"] = result.RejectedClusters,
            ["timings_s"] = new JsonObject(result.Timings.Select(x => KeyValuePair.Create(x.Stage, (JsonNode?)Math.Round(x.Seconds, 3)))),
            ["notes"] = new JsonArray(result.Notes.Select(n => (JsonNode)n).ToArray()),
            ["crystallites"] = new JsonArray(result.Crystallites.Select(c => (JsonNode)Crystallite(c)).ToArray()),
        };
    }

    private static JsonObject Crystallite(CrystalliteResult c)
    {
        var basis = ReportingBasis.ForLattice(c);
        var sitesBasis = ReportingBasis.ForSites(c);
        var sym = c.Symmetry;
        return new JsonObject
        {
            ["id"] = c.Id,
            ["seed"] = c.Seed.Index,
            ["seed_q6"] = Math.Round(c.Seed.Q6, 5),
            ["cluster_size"] = c.ClusterSize,
            ["primary_particles"] = c.Members.Count,
            ["other_particles"] = c.Others.Count,
            ["lattice"] = LatticeNode(basis.Lattice, basis.RmsAlong, c.PrimaryLattice.Rms),
            ["supercell_index"] = c.SupercellIndex,
            ["cell"] = LatticeNode(sitesBasis.Lattice, null, c.CellFit.Rms),
            ["cells"] = c.Cells,
            ["sites"] = new JsonArray(c.Sites.Select((s, i) =>
            {
                var (m, sd) = sitesBasis.Convert(s);
                var y = sym?.Sites[i];
                return (JsonNode)new JsonObject
                {
                    ["species"] = s.Species,
                    ["mean"] = Vector(m, 4),
                    ["std"] = Vector(sd, 4),
                    ["count"] = s.Count,
                    ["occupancy"] = Math.Round(s.Occupancy, 3),
                    ["wyckoff"] = y?.Wyckoff is { } w ? $"{y.Multiplicity}{w.Letter}" : null,
                    ["site_symmetry"] = y?.Wyckoff?.SiteSymmetry,
                    ["conventional"] = y is null ? null : Vector(y.Conventional, 4),
                    ["shift_nm"] = y is null ? null : Math.Round(y.Shift, 3),
                };
            }).ToArray()),
            ["space_group"] = sym is null ? null : new JsonObject
            {
                ["number"] = sym.Group?.Number,
                ["symbol"] = sym.Group?.HermannMauguin,
                ["hall"] = sym.Group?.Hall,
                ["point_group"] = sym.PointGroup,
                ["tolerance_nm"] = sym.Tolerance,
                ["conventional_cell"] = Parameters(sym.ConventionalCell),
                ["max_shift_nm"] = Math.Round(sym.MaxShift, 3),
            },
            ["species"] = new JsonArray(c.Species.Select(s => (JsonNode)new JsonObject
            {
                ["name"] = s.Species,
                ["count"] = s.Count,
                ["d_core"] = Estimate(s.CoreDiameter),
                ["t_min"] = Estimate(s.TMin),
                ["t_3nn"] = Estimate(s.T3NN),
            }).ToArray()),
            ["filling_fraction"] = new JsonObject { ["d_core"] = R(c.FillingFraction.Core), ["d_core+t_min"] = R(c.FillingFraction.CoreTMin), ["d_core+t_3nn"] = R(c.FillingFraction.CoreT3NN) },
            ["size_ratio"] = new JsonObject { ["d_core"] = R(c.SizeRatio.Core), ["d_core+t_min"] = R(c.SizeRatio.CoreTMin), ["d_core+t_3nn"] = R(c.SizeRatio.CoreT3NN) },
        };
    }

    private static JsonObject LatticeNode(Lattice l, Vec3? rmsAlong, double rms) => new()
    {
        ["vectors"] = new JsonArray(Vector(l.A, 4), Vector(l.B, 4), Vector(l.C, 4)),
        ["parameters"] = Parameters(l.Parameters),
        ["volume"] = Math.Round(l.Volume, 2),
        ["rms_along"] = rmsAlong is { } r ? Vector(r, 3) : null,
        ["rms"] = Math.Round(rms, 3),
    };

    private static JsonObject Parameters(LatticeParameters p) => new()
    {
        ["a"] = Math.Round(p.A, 4),
        ["b"] = Math.Round(p.B, 4),
        ["c"] = Math.Round(p.C, 4),
        ["alpha"] = Math.Round(p.AlphaDeg, 3),
        ["beta"] = Math.Round(p.BetaDeg, 3),
        ["gamma"] = Math.Round(p.GammaDeg, 3),
    };

    private static JsonNode? Estimate(GaussianEstimate g) => g.Count == 0 ? null : new JsonObject { ["mean"] = R(g.Mean), ["sigma"] = R(g.Sigma), ["n"] = g.Count };

    private static JsonArray Vector(Vec3 v, int digits) => new(Math.Round(v.X, digits), Math.Round(v.Y, digits), Math.Round(v.Z, digits));

    private static JsonNode? R(double v) => double.IsFinite(v) ? Math.Round(v, 4) : null;
}
