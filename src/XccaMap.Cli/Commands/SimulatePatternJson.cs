using System.Text.Json.Nodes;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Simulation;
using XccaMap.Simulation.Rendering;

namespace XccaMap.Cli.Commands;

/// <summary>The JSON that <c>simulate-pattern --json</c> prints: visible reflections with hkl, q (Å⁻¹), φ (degrees), intensity.</summary>
internal static class SimulatePatternJson
{
    /// <summary>The φ convention of design.md §3, written into every output that carries φ.</summary>
    public const string PhiConvention = "phi in degrees, [0, 360), measured in the detector plane from the +column (fast axis) direction towards +row (slow axis)";

    /// <summary>One reflection list (lattice "SL" or "AL"), with the detector pixel where the spot lands.</summary>
    public static JsonArray Reflections(IEnumerable<(string Lattice, PatternSpot Spot)> spots, DetectorProjection projection, int rows, int cols, Func<int, int, bool> isGap)
    {
        var array = new JsonArray();
        foreach (var (lattice, s) in spots)
        {
            bool on = projection.TryProject(s.Q, s.PhiDeg, out double row, out double col)
                && row >= 0 && row < rows && col >= 0 && col < cols && !isGap((int)row, (int)col);
            array.Add(new JsonObject
            {
                ["lattice"] = lattice,
                ["hkl"] = new JsonArray(s.Hkl.H, s.Hkl.K, s.Hkl.L),
                ["q"] = Round(s.Q, 6),
                ["phi"] = Round(Angles.Wrap360(s.PhiDeg), 4),
                ["intensity"] = Round(s.Intensity, 6),
                ["excitation"] = Round(s.Excitation, 6),
                ["sigma_q"] = Round(s.SigmaQ, 6),
                ["sigma_phi"] = Round(s.SigmaPhiDeg, 4),
                ["on_detector"] = on,
                ["row"] = on ? Round(row, 2) : null,
                ["col"] = on ? Round(col, 2) : null,
            });
        }

        return array;
    }

    /// <summary>The units and conventions block written with every list.</summary>
    public static JsonObject Units() => new()
    {
        ["q"] = "Å⁻¹ (|G| = 2π/d)",
        ["phi"] = "degree; " + PhiConvention,
        ["intensity"] = "relative peak height: |F|² × Ewald excitation, the strongest superlattice spot of the first pattern = 1",
        ["excitation"] = "rocking-curve weight in (0, 1] (for AL spots: the fraction of disordered nanocrystals in Bragg condition)",
        ["row_col"] = "continuous pixel coordinates of the spot centre (pixel (r, c) spans [r, r+1) × [c, c+1))",
    };

    private static double Round(double v, int digits) => Math.Round(v, digits);
}
