using System.Globalization;
using System.Text;
using XccaMap.Tomography.Analysis;

namespace XccaMap.Tomography.Reports;

/// <summary>CSV tables of an analysis (comma-separated, header line, nm and degrees, '.' decimals).</summary>
public static class ResultTables
{
    /// <summary>
    /// One line per particle: index, x, y, z, radius (nm), species, crystallite (−1: none), q6, voronoi_neighbours,
    /// open (surface cell), displacement_nm (from the lattice node; primary species in crystallites).
    /// </summary>
    public static string Particles(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var t = result.Table;
        var sb = new StringBuilder("index,x,y,z,radius,species,crystallite,q6,voronoi_neighbours,open,displacement_nm\n");
        for (int i = 0; i < t.Count; i++)
        {
            var p = t.Positions[i];
            sb.Append(CultureInfo.InvariantCulture,
                $"{i},{p.X:F4},{p.Y:F4},{p.Z:F4},{t.Radii[i]:F4},{t.SpeciesNames[t.Species[i]]},{result.Crystallite[i]},{Num(result.Q6[i], "F5")},{result.Neighbors[i]},{(result.Open[i] ? 1 : 0)},{Num(result.Displacement[i], "F4")}\n");
        }

        return sb.ToString();
    }

    /// <summary>One line per crystallite: counts, reported lattice (A, B, C ± rms, angles, volume), cell, space group, ρ and γ.</summary>
    public static string Crystallites(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("id,primary_particles,other_particles,cluster_size,seed,seed_q6,A_nm,B_nm,C_nm,rms_A_nm,rms_B_nm,rms_C_nm,AB_deg,BC_deg,CA_deg,volume_nm3,rms_nm,"
            + "supercell_index,cell_volume_nm3,sites,space_group,space_group_symbol,tolerance_nm,rho_core,rho_core_tmin,rho_core_t3nn,gamma_core,gamma_core_tmin,gamma_core_t3nn\n");
        foreach (var c in result.Crystallites)
        {
            var b = ReportingBasis.ForLattice(c);
            var p = b.Lattice.Parameters;
            var g = c.Symmetry?.Group;
            sb.Append(CultureInfo.InvariantCulture,
                $"{c.Id},{c.Members.Count},{c.Others.Count},{c.ClusterSize},{c.Seed.Index},{c.Seed.Q6:F5},{p.A:F3},{p.B:F3},{p.C:F3},{b.RmsAlong.X:F3},{b.RmsAlong.Y:F3},{b.RmsAlong.Z:F3},"
                + $"{p.GammaDeg:F2},{p.AlphaDeg:F2},{p.BetaDeg:F2},{b.Lattice.Volume:F1},{c.PrimaryLattice.Rms:F3},{c.SupercellIndex},{c.Cell.Volume:F1},{c.Sites.Count},"
                + $"{g?.Number.ToString(CultureInfo.InvariantCulture) ?? string.Empty},{g?.HermannMauguin ?? string.Empty},{c.Symmetry?.Tolerance:G4},"
                + $"{c.FillingFraction.Core:F4},{c.FillingFraction.CoreTMin:F4},{c.FillingFraction.CoreT3NN:F4},{Num(c.SizeRatio.Core, "F4")},{Num(c.SizeRatio.CoreTMin, "F4")},{Num(c.SizeRatio.CoreT3NN, "F4")}\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// One line per averaged site: crystallite, species, position mean and std in multiples of the reported A, B, C,
    /// count, occupancy, Wyckoff position, symmetrised conventional coordinates and shift (nm).
    /// </summary>
    public static string Sites(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder("crystallite,species,a,b,c,std_a,std_b,std_c,count,occupancy,wyckoff,site_symmetry,conv_a,conv_b,conv_c,shift_nm\n");
        foreach (var c in result.Crystallites)
        {
            var basis = ReportingBasis.ForSites(c);
            for (int i = 0; i < c.Sites.Count; i++)
            {
                var s = c.Sites[i];
                var (m, sd) = basis.Convert(s);
                var y = c.Symmetry?.Sites[i];
                string w = y?.Wyckoff is { } wp ? $"{y.Multiplicity}{wp.Letter}" : string.Empty;
                sb.Append(CultureInfo.InvariantCulture,
                    $"{c.Id},{s.Species},{m.X:F4},{m.Y:F4},{m.Z:F4},{sd.X:F4},{sd.Y:F4},{sd.Z:F4},{s.Count},{s.Occupancy:F3},{w},{y?.Wyckoff?.SiteSymmetry},"
                    + $"{y?.Conventional.X:F4},{y?.Conventional.Y:F4},{y?.Conventional.Z:F4},{y?.Shift:F3}\n");
            }
        }

        return sb.ToString();
    }

    private static string Num(double v, string format) => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : string.Empty;
}
