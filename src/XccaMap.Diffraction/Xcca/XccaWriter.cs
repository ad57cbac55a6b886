using XccaMap.Diffraction.Disorder;
using XccaMap.Diffraction.Results;
using XccaMap.Hdf5;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// Writes per-domain XCCA and disorder results into a NeXus entry (layout in docs/xcca-outputs.md):
/// <c>xcca/domain_K</c> (NXdata: signal <c>ccf</c> scaled to [0, 1] against <c>delta</c> in degrees; the unscaled
/// CCF, the autocorrelations, the mask overlap, the Fourier components; the ring windows and the symmetry axis as
/// attributes) and <c>disorder/domain_K</c> (FWHM_az, FWHM_rad, ΔΦ with their errors, in degrees).
/// </summary>
public static class XccaWriter
{
    /// <summary>How Δ is defined, written on every CCF group.</summary>
    public const string DeltaConvention =
        "delta in degrees, [0, 360): C(q1, q2, delta) correlates I(q1, phi) with I(q2, phi + delta); phi as in phi_convention";

    /// <summary>How C is normalised and averaged, written on the xcca group.</summary>
    public const string Normalisation =
        "C(delta) = sum over frames and phi of I1 W1(phi) I2 W2(phi + delta) / sum over frames and phi of W1(phi) W2(phi + delta) "
        + "(S.I. eq. 3 of Mukharamova et al. 2019 divided by the mask overlap, averaged as a ratio of sums over the domain's frames); "
        + "ccf = (C - min) / (max - min); NaN where the masks never overlap";

    /// <summary>Writes the groups for <paramref name="domains"/> under <paramref name="entry"/> (which must not hold them yet).</summary>
    public static void Write(H5Group entry, IReadOnlyList<DomainXccaResult> domains)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(domains);
        using (var xcca = entry.CreateGroup("xcca", "NXcollection"))
        {
            xcca.WriteAttribute("phi_convention", NexusWriter.PhiConvention);
            xcca.WriteAttribute("delta_convention", DeltaConvention);
            xcca.WriteAttribute("normalisation", Normalisation);
            if (domains.Count > 0)
            {
                xcca.WriteAttribute("default", GroupName(domains[0].Domain));
            }

            foreach (var d in domains)
            {
                WriteCcf(xcca, d);
            }
        }

        if (!domains.Any(d => d.Disorder is not null))
        {
            return;
        }

        using var disorder = entry.CreateGroup("disorder", "NXcollection");
        disorder.WriteAttribute("description",
            "orientational disorder from a 2D Gaussian + plane fit of the domain-averaged 200 peak of the atomic lattice in (q, phi): "
            + "fwhm_rad_deg = (delta q_FWHM / q) * 180 / pi, delta_phi_deg = sqrt(fwhm_az_deg^2 - fwhm_rad_deg^2) (S.I. eq. 7, Table S2); errors are standard errors from the fit covariance");
        foreach (var d in domains.Where(d => d.Disorder is not null))
        {
            WriteDisorder(disorder, d.Domain, d.Name, d.Disorder!);
        }
    }

    /// <summary>Group name of domain <paramref name="domain"/>.</summary>
    public static string GroupName(int domain) => $"domain_{domain}";

    private static void WriteCcf(H5Group parent, DomainXccaResult d)
    {
        var c = d.Ccf;
        var aux = new List<string> { "ccf_raw" };
        using var g = NexusWriter.NxData(parent, GroupName(d.Domain), "ccf", ["delta"]);
        g.WriteAttribute("title", $"C(q1, q2, Δ) of domain {d.Domain}{(d.Name is null ? string.Empty : $" ({d.Name})")}, {c.Frames} frames");
        g.WriteAttribute("domain", d.Domain);
        if (d.Name is not null)
        {
            g.WriteAttribute("domain_name", d.Name);
        }

        g.WriteAttribute<double>("q1_angstrom^-1", [d.Pair.Q1.QMin, d.Pair.Q1.QMax]);
        g.WriteAttribute<double>("q2_angstrom^-1", [d.Pair.Q2.QMin, d.Pair.Q2.QMax]);
        g.WriteAttribute("q1_ring", d.Pair.Q1Label ?? string.Empty);
        g.WriteAttribute("q2_ring", d.Pair.Q2Label ?? string.Empty);
        g.WriteAttribute("ring_pair_source", d.PairSource);
        g.WriteAttribute("frames", c.Frames);
        g.WriteAttribute("symmetry_axis_deg", c.Axis.AxisDeg);
        g.WriteAttribute("symmetry_axis_err_deg", c.Axis.ErrorDeg);
        g.WriteAttribute("symmetry_axis_error_method", c.Axis.Method.ToString().ToLowerInvariant());
        g.WriteAttribute("symmetry_period_deg", c.Axis.PeriodDeg);
        g.WriteAttribute("asymmetry", c.Axis.Asymmetry);
        g.WriteAttribute("phi_convention", NexusWriter.PhiConvention);
        g.WriteAttribute("delta_convention", DeltaConvention);
        NexusWriter.Vector<double>(g, "delta", c.DeltaDeg, "degree", "Δ (°)");
        NexusWriter.Vector<double>(g, "ccf", c.Scaled, null, "C(q1, q2, Δ) scaled to [0, 1]");
        NexusWriter.Vector<double>(g, "ccf_raw", c.Raw, "counts^2", "C(q1, q2, Δ): mean product I(q1, φ)·I(q2, φ + Δ) over measured (frame, φ)");
        NexusWriter.Vector<double>(g, "overlap", c.Overlap, "bins", "mean mask overlap Σφ W1(φ)·W2(φ + Δ) per frame");
        if (d.AutoQ1 is { } a1)
        {
            NexusWriter.Vector<double>(g, "auto_q1", a1.Scaled, null, "autocorrelation C(q1, q1, Δ) scaled to [0, 1]");
            aux.Add("auto_q1");
        }

        if (d.AutoQ2 is { } a2)
        {
            NexusWriter.Vector<double>(g, "auto_q2", a2.Scaled, null, "autocorrelation C(q2, q2, Δ) scaled to [0, 1]");
            aux.Add("auto_q2");
        }

        g.WriteAttribute("auxiliary_signals", aux);
        NexusWriter.Vector<int>(g, "harmonic", Enumerable.Range(0, c.Fourier.Length).ToArray(), null, "Fourier order n");
        NexusWriter.Vector<double>(g, "fourier_magnitude", c.Fourier, "counts^2", "|C_n| = |(1/N) Σ_j C(Δ_j) exp(−2πi n j / N)| of ccf_raw");
    }

    private static void WriteDisorder(H5Group parent, int domain, string? name, DisorderResult r)
    {
        using var g = parent.CreateGroup(GroupName(domain), "NXcollection");
        g.WriteAttribute("domain", domain);
        if (name is not null)
        {
            g.WriteAttribute("domain_name", name);
        }

        g.WriteAttribute("success", r.Success ? 1 : 0);
        g.WriteAttribute("message", r.Message ?? string.Empty);
        Scalar(g, "fwhm_az_deg", r.FwhmAzDeg, "degree");
        Scalar(g, "fwhm_rad_deg", r.FwhmRadDeg, "degree");
        Scalar(g, "delta_phi_deg", r.DeltaPhiDeg, "degree");
        Scalar(g, "q_angstrom^-1", r.QAngstrom, NexusWriter.QUnits);
        Scalar(g, "phi_deg", r.PhiDeg, "degree");
        g.WriteScalar("reduced_chi_square", r.ReducedChiSquare);
        g.WriteScalar("peak_presence", r.PeakPresence);
        g.WriteScalar("points", r.Points);
        g.WriteDataset<double>("phi_window_deg", [r.PhiWindowDeg.Start, r.PhiWindowDeg.End], "degree");
        g.WriteAttribute("phi_convention", NexusWriter.PhiConvention);
        if (r.Cuts is { } cuts)
        {
            WriteCuts(g, cuts);
        }
    }

    /// <summary>The radial and azimuthal cuts through the peak with the fitted curve (Fig. S6) as two NXdata groups.</summary>
    private static void WriteCuts(H5Group parent, PeakCuts c)
    {
        if (c.PhiDeg.Length == 0)
        {
            return;
        }

        using (var radial = NexusWriter.NxData(parent, "radial_cut", "intensity", ["q"]))
        {
            radial.WriteAttribute("title", FormattableString.Invariant($"radial cut: mean over phi in [{c.RadialPhiRangeDeg.Min:0.0}, {c.RadialPhiRangeDeg.Max:0.0}] deg (phi0 ± FWHM_az/2)"));
            radial.WriteAttribute("auxiliary_signals", ["fit", "background"]);
            NexusWriter.Vector<double>(radial, "q", c.Q, NexusWriter.QUnits, "q (Å⁻¹)");
            NexusWriter.Vector<double>(radial, "intensity", c.RadialIntensity, "counts", "domain-averaged intensity (NaN = not measured)");
            NexusWriter.Vector<double>(radial, "intensity_errors", c.RadialSigma, "counts", "standard error (Poisson)");
            NexusWriter.Vector<double>(radial, "fit", c.RadialFit, "counts", "fitted 2D Gaussian + plane over the same bins");
            NexusWriter.Vector<double>(radial, "background", c.RadialBackground, "counts", "fitted background plane over the same bins");
        }

        using var azimuthal = NexusWriter.NxData(parent, "azimuthal_cut", "intensity", ["phi"]);
        azimuthal.WriteAttribute("title", FormattableString.Invariant($"azimuthal cut: mean over q in [{c.AzimuthalQRange.Min:0.0000}, {c.AzimuthalQRange.Max:0.0000}] 1/angstrom (q0 ± FWHM_q/2)"));
        azimuthal.WriteAttribute("auxiliary_signals", ["fit", "background"]);
        azimuthal.WriteAttribute("phi_convention", NexusWriter.PhiConvention + "; here unwrapped around the peak azimuth phi0, so values may leave [0, 360)");
        NexusWriter.Vector<double>(azimuthal, "phi", c.PhiDeg, "degree", "φ (°), unwrapped around φ0");
        NexusWriter.Vector<double>(azimuthal, "intensity", c.AzimuthalIntensity, "counts", "domain-averaged intensity");
        NexusWriter.Vector<double>(azimuthal, "intensity_errors", c.AzimuthalSigma, "counts", "standard error (Poisson)");
        NexusWriter.Vector<double>(azimuthal, "fit", c.AzimuthalFit, "counts", "fitted 2D Gaussian + plane over the same bins");
        NexusWriter.Vector<double>(azimuthal, "background", c.AzimuthalBackground, "counts", "fitted background plane over the same bins");
    }

    private static void Scalar(H5Group g, string name, Measurement m, string units)
    {
        g.WriteScalar(name, m.Value, units);
        g.WriteScalar(name + "_err", m.Error, units);
    }
}
