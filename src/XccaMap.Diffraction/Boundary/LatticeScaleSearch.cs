namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// The lattice scale s = q/q_bulk of a pattern from its radial net profile (the anisotropic part, φ-averaged): the
/// fcc reflection families sit at s·q_N whatever the orientation, so s maximises Σ_N max(0, ⟨r, g_N⟩)²/⟨g_N, g_N⟩ with
/// g_N a Gaussian of width σ_q at s·q_N (one free amplitude per family). Grid search, then a parabola through the
/// best three grid values.
/// </summary>
public static class LatticeScaleSearch
{
    /// <summary>Finds s in [<paramref name="lo"/>, <paramref name="hi"/>].</summary>
    /// <param name="measured">The pattern.</param>
    /// <param name="familyQ">Bulk q of each family, Å⁻¹.</param>
    /// <param name="sigmaQ">Radial width of the peaks, Å⁻¹.</param>
    /// <param name="lo">Smallest scale tried.</param>
    /// <param name="hi">Largest scale tried.</param>
    /// <param name="step">Grid step of the scale (default 0.0005).</param>
    /// <returns>The scale and its explained fraction of Σr² (0 when nothing matches).</returns>
    public static (double Scale, double Score) Find(MeasuredCake measured, IReadOnlyList<double> familyQ, double sigmaQ, double lo, double hi, double step = 0.0005)
    {
        ArgumentNullException.ThrowIfNull(measured);
        int n = Math.Max(3, (int)Math.Round((hi - lo) / step) + 1);
        var scores = new double[n];
        int best = 0;
        for (int i = 0; i < n; i++)
        {
            scores[i] = Score(measured, familyQ, sigmaQ, lo + (i * step));
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        double s = lo + (best * step);
        if (best > 0 && best < n - 1)
        {
            double a = scores[best - 1], b = scores[best], c = scores[best + 1];
            double den = a - (2 * b) + c;
            if (den < 0)
            {
                s += 0.5 * (a - c) / den * step;
            }
        }

        return (s, Score(measured, familyQ, sigmaQ, s));
    }

    /// <summary>The explained fraction of the radial net profile at scale <paramref name="scale"/>.</summary>
    public static double Score(MeasuredCake measured, IReadOnlyList<double> familyQ, double sigmaQ, double scale)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var grid = measured.Grid;
        var r = measured.RadialNet;
        double rr = 0;
        for (int iq = 0; iq < r.Length; iq++)
        {
            rr += Math.Max(r[iq], 0) * Math.Max(r[iq], 0);
        }

        if (!(rr > 0))
        {
            return 0;
        }

        double explained = 0;
        foreach (double qf in familyQ)
        {
            double centre = qf * scale;
            if (centre < grid.QMin || centre > grid.QMax)
            {
                continue;
            }

            int lo = Math.Max(0, (int)Math.Floor((centre - (4 * sigmaQ) - grid.QMin) / grid.QStep));
            int hi = Math.Min(grid.QCount - 1, (int)Math.Ceiling((centre + (4 * sigmaQ) - grid.QMin) / grid.QStep));
            double dot = 0, gg = 0;
            for (int iq = lo; iq <= hi; iq++)
            {
                double u = (grid.Q(iq) - centre) / sigmaQ;
                double g = Math.Exp(-0.5 * u * u);
                dot += g * r[iq];
                gg += g * g;
            }

            if (dot > 0 && gg > 0)
            {
                explained += dot * dot / gg;
            }
        }

        return explained / rr;
    }
}
