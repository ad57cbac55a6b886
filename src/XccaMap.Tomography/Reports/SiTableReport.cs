using System.Globalization;
using System.Text;
using XccaMap.Crystallography.Geometry;
using XccaMap.Tomography.Analysis;

namespace XccaMap.Tomography.Reports;

/// <summary>
/// Plain-text report in the layout of SI Tables 1–4 of Friedrich et al. 2009 (one row per crystallite where
/// the paper has one per region of interest), followed by the unit-cell contents and the space group.
/// </summary>
public static class SiTableReport
{
    /// <summary>The report for <paramref name="result"/>; <paramref name="source"/> names the input file.</summary>
    public static string Build(AnalysisResult result, string source)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Table;
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        string primary = t.SpeciesNames[result.PrimarySpecies];
        var counts = t.SpeciesNames.Select((n, s) => $"{n} {t.Species.Count(x => x == s)}");
        sb.AppendLine(inv, $"XccaMap tomography structure analysis of {source}");
        sb.AppendLine(inv, $"{t.Count} particles ({string.Join(", ", counts)}); primary species {primary}; {result.Open.Count(o => o)} surface (open-cell) {primary} particles; q6 weights {result.Weighting}");
        sb.AppendLine(inv, $"{result.Crystallites.Count} crystallite(s) (C0, C1, … in the tables); {result.RejectedClusters} cluster(s) too small or not indexable");
        var others = t.SpeciesNames.Select((n, s) => (n, s)).Where(x => x.s != result.PrimarySpecies).Select(x => x.n).ToList();
        var species = new List<string> { primary };
        species.AddRange(others);

        sb.AppendLine().AppendLine("Particle size distribution and shell thickness (normal distribution) in nm");
        sb.Append("Region").Append(string.Concat(species.Select(s => $"\t{s} d_core\t{s} t_min\t{s} t_3NN"))).AppendLine();
        foreach (var c in result.Crystallites)
        {
            sb.Append(inv, $"C{c.Id}");
            foreach (var s in species)
            {
                var st = c.Species.FirstOrDefault(x => x.Species == s);
                sb.Append(inv, $"\t{st?.CoreDiameter}\t{st?.TMin}\t{st?.T3NN}");
            }

            sb.AppendLine();
        }

        sb.AppendLine().AppendLine(inv, $"Unit cell vector length and average displacement (rms) from lattice in nm ({primary} lattice, eq. 5)");
        sb.AppendLine("Region\tA [nm]\tB [nm]\tC [nm]\tVolume [nm^3]\trms [nm]");
        foreach (var c in result.Crystallites)
        {
            var b = ReportingBasis.ForLattice(c);
            var p = b.Lattice.Parameters;
            sb.AppendLine(inv, $"C{c.Id}\t{p.A:F1}±{b.RmsAlong.X:F1}\t{p.B:F1}±{b.RmsAlong.Y:F1}\t{p.C:F1}±{b.RmsAlong.Z:F1}\t{b.Lattice.Volume:F0}\t{c.PrimaryLattice.Rms:F2}");
        }

        sb.AppendLine().AppendLine("Unit cell vector angles in degrees");
        sb.AppendLine("Region\tAB [°]\tBC [°]\tCA [°]");
        foreach (var c in result.Crystallites)
        {
            var p = ReportingBasis.ForLattice(c).Lattice.Parameters;
            sb.AppendLine(inv, $"C{c.Id}\t{p.GammaDeg:F1}\t{p.AlphaDeg:F1}\t{p.BetaDeg:F1}");
        }

        if (result.Crystallites.Any(c => c.SupercellIndex > 1))
        {
            sb.AppendLine().AppendLine("Structure cell where the other species repeat on a superstructure of the primary lattice (nm, °)");
            foreach (var c in result.Crystallites.Where(c => c.SupercellIndex > 1))
            {
                var p = ReportingBasis.ForSites(c).Lattice.Parameters;
                sb.AppendLine(inv, $"C{c.Id}\tindex {c.SupercellIndex}\t{p.A:F1}\t{p.B:F1}\t{p.C:F1}\tAB {p.GammaDeg:F1}\tBC {p.AlphaDeg:F1}\tCA {p.BetaDeg:F1}\tV {c.Cell.Volume:F0}");
            }
        }

        sb.AppendLine().AppendLine("Unit cell filling fractions (ρ) and size ratios (γ)");
        sb.AppendLine("Region\tρ(d_core)\tρ(d_core+t_min)\tρ(d_core+t_3NN)\tγ(d_core)\tγ(d_core+t_min)\tγ(d_core+t_3NN)");
        foreach (var c in result.Crystallites)
        {
            sb.AppendLine(inv, $"C{c.Id}\t{c.FillingFraction.Core:F3}\t{c.FillingFraction.CoreTMin:F3}\t{c.FillingFraction.CoreT3NN:F3}\t{c.SizeRatio.Core:F3}\t{c.SizeRatio.CoreTMin:F3}\t{c.SizeRatio.CoreT3NN:F3}");
        }

        foreach (var c in result.Crystallites)
        {
            AppendCell(sb, c);
        }

        if (result.Notes.Count > 0)
        {
            sb.AppendLine().AppendLine("Notes");
            foreach (var n in result.Notes)
            {
                sb.AppendLine(inv, $"- {n}");
            }
        }

        return sb.ToString();
    }

    private static void AppendCell(StringBuilder sb, CrystalliteResult c)
    {
        var inv = CultureInfo.InvariantCulture;
        var basis = ReportingBasis.ForSites(c);
        sb.AppendLine().AppendLine(inv, $"Positions (mean±std) in unit cell of C{c.Id} expressed in multiples of A,B,C ({c.Cells:F0} cells; occupancy = particles per cell)");
        sb.AppendLine("\tA\tB\tC\toccupancy");
        foreach (var group in c.Sites.GroupBy(s => s.Species))
        {
            int k = 1;
            foreach (var s in group)
            {
                var (m, sd) = basis.Convert(s);
                sb.AppendLine(inv, $"{s.Species} {k++}\t{m.X:F2}±{sd.X:F2}\t{m.Y:F2}±{sd.Y:F2}\t{m.Z:F2}±{sd.Z:F2}\t{s.Occupancy:F2}");
            }
        }

        if (c.Symmetry is not { } sym)
        {
            return;
        }

        var cp = sym.ConventionalCell;
        sb.AppendLine().AppendLine(inv, $"Space group of C{c.Id} (tolerance {sym.Tolerance:G3} nm): {(sym.Group is null ? "not identified" : $"{sym.Group.HermannMauguin} (No. {sym.Group.Number})")}, point group {sym.PointGroup}");
        sb.AppendLine(inv, $"Symmetrised conventional cell: a={cp.A:F2} b={cp.B:F2} c={cp.C:F2} nm, α={cp.AlphaDeg:F1} β={cp.BetaDeg:F1} γ={cp.GammaDeg:F1}°; largest site shift {sym.MaxShift:F2} nm");
        sb.AppendLine("Site\tWyckoff\ta\tb\tc\tshift [nm]");
        for (int i = 0; i < sym.Sites.Count; i++)
        {
            var s = sym.Sites[i];
            string w = s.Wyckoff is { } wp ? $"{s.Multiplicity}{wp.Letter} ({wp.SiteSymmetry})" : $"{s.Multiplicity}?";
            Vec3 x = s.Conventional;
            sb.AppendLine(inv, $"{c.Sites[i].Species}\t{w}\t{x.X:F3}\t{x.Y:F3}\t{x.Z:F3}\t{s.Shift:F2}");
        }
    }
}
