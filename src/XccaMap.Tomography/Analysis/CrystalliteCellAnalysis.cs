using System.Globalization;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.SpaceGroups;
using XccaMap.Tomography.Particles;
using XccaMap.Tomography.Statistics;
using XccaMap.Tomography.Structure;

namespace XccaMap.Tomography.Analysis;

/// <summary>
/// From a fitted crystallite to its averaged unit cell (Friedrich et al. 2009 SI, "Statistical analysis of
/// the unit cell"; Boneschanscher et al. 2013 SI III–IV): the structure's true cell (possibly a superstructure
/// of the primary lattice), k-means positions of every species, the space group with a distance tolerance,
/// and the size, soft-shell and filling-fraction statistics.
/// </summary>
public static class CrystalliteCellAnalysis
{
    /// <summary>Analyses one crystallite; <paramref name="notes"/> collects remarks.</summary>
    public static CrystalliteResult Analyze(
        ParticleTable table, int id, (int Index, double Q6) seed, int clusterSize, IReadOnlyList<int> members, IReadOnlyList<int> others,
        LatticeFit fit, LatticeGuess guess, AnalysisOptions options, List<string> notes)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(guess);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        double nn = guess.NearestNeighbor, tol = options.NodeToleranceFraction * nn;
        var memberPos = members.Select(i => table.Positions[i]).ToArray();
        int primary = table.Species[members[0]];
        var otherSpecies = others.Select(i => table.Species[i]).Distinct().Order().ToList();
        var othersBySpecies = otherSpecies.Select(s => (IReadOnlyList<Vec3>)others.Where(i => table.Species[i] == s).Select(i => table.Positions[i]).ToList()).ToList();

        // The structure's cell: the primary lattice, or a superstructure of it if the other species say so.
        Mat3 m = Mat3.Identity;
        if (options.DetectSuperstructure && others.Count >= 20)
        {
            // Pair differences of two particles each off by the fit's RMS (3D) have σ = RMS·√(2/3) per axis.
            double tolB = Math.Max(fit.Rms * Math.Sqrt(2.0 / 3), 0.02 * nn);
            (m, _) = SuperlatticeDetector.Detect(fit.Lattice.Direct, othersBySpecies, memberPos, nn, tolB);
        }

        int index = (int)Math.Round(Math.Abs(m.Determinant));
        var reduced = Lattice.FromDirectMatrix(fit.Lattice.Direct * m).NiggliReduce().Lattice;
        var cellFit = LatticeFitter.Fit(memberPos, reduced.A, reduced.B, reduced.C, tol, fit.SiteOrigins[0]);
        if (cellFit is null)
        {
            notes.Add(FormattableString.Invariant($"crystallite {id}: the index-{index} cell did not fit; the primary lattice is used"));
            cellFit = fit;
            index = 1;
        }
        else if (index > 1)
        {
            notes.Add(FormattableString.Invariant($"crystallite {id}: the other species repeat on a superstructure of index {index} of the {table.SpeciesNames[primary]} lattice"));
        }

        var perSite = Enumerable.Range(0, cellFit.SiteCount).Select(k => cellFit.Site.Count(s => s == k)).Order().ToList();
        double cells = perSite.Count == 0 ? 1 : perSite[perSite.Count / 2];
        Vec3 origin = cellFit.SiteOrigins[0];
        double resolution = Math.Max(cellFit.Rms / Math.Sqrt(3), 0.3);
        var sites = new List<AveragedSite>();
        sites.AddRange(UnitCellAverager.Average(memberPos, cellFit.Lattice, origin, resolution, 0.35 * cells, cells, table.SpeciesNames[primary]));
        for (int s = 0; s < otherSpecies.Count; s++)
        {
            sites.AddRange(UnitCellAverager.Average(othersBySpecies[s], cellFit.Lattice, origin, resolution, 0.35 * cells, cells, table.SpeciesNames[otherSpecies[s]]));
        }

        SymmetryAnalysis? symmetry = null;
        if (sites.Count > 0)
        {
            var speciesIds = sites.Select(x => x.Species).Distinct().ToList();
            symmetry = SymmetryFinder.Analyze(cellFit.Lattice, sites.Select(x => new SymmetrySite(speciesIds.IndexOf(x.Species), x.Mean)).ToList(), options.SymmetryTolerance);
            notes.AddRange(symmetry.Notes.Select(n => $"crystallite {id}: {n}"));
        }

        var stats = new List<SpeciesStatistics>();
        var speciesInCell = new List<int> { primary };
        speciesInCell.AddRange(otherSpecies);
        foreach (int s in speciesInCell)
        {
            var which = (s == primary ? members : others.Where(i => table.Species[i] == s)).ToList();
            var shells = ShellThickness.Compute(table.Positions, table.Radii, which, options.MaxDegreeOfParallelism);
            stats.Add(new SpeciesStatistics(
                table.SpeciesNames[s], which.Count,
                GaussianFit.Fit(which.Select(i => 2 * table.Radii[i]).ToList()),
                GaussianFit.Fit(shells.Select(t => t.TMin).ToList()),
                GaussianFit.Fit(shells.Select(t => t.T3NN).ToList())));
        }

        var counts = stats.Select(st => (double)sites.Count(x => x.Species == st.Species)).ToList();
        var dCore = stats.Select(st => st.CoreDiameter.Mean).ToList();
        var dMin = stats.Select(st => st.CoreDiameter.Mean + st.TMin.Mean).ToList();
        var d3 = stats.Select(st => st.CoreDiameter.Mean + st.T3NN.Mean).ToList();
        double volume = cellFit.Lattice.Volume;
        var rho = (FillingFraction.Compute(counts, dCore, volume), FillingFraction.Compute(counts, dMin, volume), FillingFraction.Compute(counts, d3, volume));
        var gamma = stats.Count >= 2
            ? (FillingFraction.SizeRatio(dCore), FillingFraction.SizeRatio(dMin), FillingFraction.SizeRatio(d3))
            : (double.NaN, double.NaN, double.NaN);

        return new CrystalliteResult
        {
            Id = id,
            Seed = seed,
            ClusterSize = clusterSize,
            Members = members,
            Others = others,
            PrimaryLattice = fit,
            SupercellIndex = index,
            CellFit = cellFit,
            Sites = sites,
            Symmetry = symmetry,
            Species = stats,
            FillingFraction = rho,
            SizeRatio = gamma,
            Cells = cells,
        };
    }

    /// <summary>"a=… b=… c=… α=… β=… γ=…" in nm and degrees.</summary>
    public static string Describe(LatticeParameters p) => string.Create(CultureInfo.InvariantCulture,
        $"a={p.A:F2} b={p.B:F2} c={p.C:F2} nm, α={p.AlphaDeg:F1} β={p.BetaDeg:F1} γ={p.GammaDeg:F1}°");
}
