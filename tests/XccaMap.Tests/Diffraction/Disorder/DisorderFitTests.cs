using XccaMap.Diffraction.Disorder;

namespace XccaMap.Tests.Diffraction.Disorder;

/// <summary>
/// The 2D Gaussian fit of the 200_AL peak and ΔΦ = √(FWHM_az² − FWHM_rad²) (S.I. eq. 7, Table S2) on synthetic
/// patches with known widths and Poisson noise.
/// </summary>
public sealed class DisorderFitTests
{
    private const double K = 2.3548200450309493; // FWHM / σ

    private sealed record Truth(double A, double Q0, double SigmaQ, double Phi0, double SigmaPhi, double B0, double Bq, double Bphi)
    {
        public double FwhmAz => K * SigmaPhi;

        public double FwhmRad => K * SigmaQ / Q0 * 180 / Math.PI;

        public double DeltaPhi => Math.Sqrt((FwhmAz * FwhmAz) - (FwhmRad * FwhmRad));
    }

    /// <summary>A 1° × 0.004 Å⁻¹ patch around q = 2.12 Å⁻¹ with the truth's peak (plus extra peaks), Poisson counts of <paramref name="exposure"/>.</summary>
    private static PeakPatch Patch(Truth t, double exposure, int seed, Func<double, bool>? measuredPhi = null, params (double Phi, double A)[] others)
    {
        var rng = new Random(seed);
        int nq = 51, np = 360;
        var q = Enumerable.Range(0, nq).Select(i => 2.02 + (i * 0.004)).ToArray();
        var phi = Enumerable.Range(0, np).Select(j => j + 0.5).ToArray();
        var y = new double[nq * np];
        var s = new double[nq * np];
        for (int i = 0; i < nq; i++)
        {
            for (int j = 0; j < np; j++)
            {
                int b = (i * np) + j;
                if (measuredPhi is not null && !measuredPhi(phi[j]))
                {
                    y[b] = s[b] = double.NaN;
                    continue;
                }

                double model = new PeakModel(t.A, t.Q0, t.SigmaQ, t.Phi0, t.SigmaPhi, t.B0, t.Bq, t.Bphi, 2.12, t.Phi0).Evaluate(q[i], phi[j]);
                foreach (var (p, a) in others)
                {
                    double dp = PeakModel.Unwrap(phi[j], p) - p, dq = q[i] - t.Q0;
                    model += a * Math.Exp(-0.5 * ((dq * dq / (t.SigmaQ * t.SigmaQ)) + (dp * dp / (t.SigmaPhi * t.SigmaPhi))));
                }

                double counts = Poisson(rng, model * exposure);
                y[b] = counts / exposure;
                s[b] = Math.Sqrt(Math.Max(counts, 1)) / exposure;
            }
        }

        return new PeakPatch(q, phi, y, s);
    }

    private static double Poisson(Random rng, double mean)
    {
        if (mean < 30)
        {
            double l = Math.Exp(-mean), p = 1;
            int k = 0;
            do
            {
                k++;
                p *= rng.NextDouble();
            }
            while (p > l);
            return k - 1;
        }

        double g = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
        return Math.Max(0, Math.Round(mean + (Math.Sqrt(mean) * g)));
    }

    private static readonly Truth Paper = new(A: 3, Q0: 2.121, SigmaQ: 0.0368, Phi0: 47.3, SigmaPhi: 6.4, B0: 0.8, Bq: -1.5, Bphi: 0.004);

    [Fact]
    public void Recovers_widths_and_disorder_of_a_known_peak()
    {
        var r = DisorderFit.Fit(Patch(Paper, 200, 1));
        Assert.True(r.Success, r.Message);
        Assert.Equal(Paper.FwhmAz, r.FwhmAzDeg.Value, 4 * r.FwhmAzDeg.Error);
        Assert.Equal(Paper.FwhmRad, r.FwhmRadDeg.Value, 4 * r.FwhmRadDeg.Error);
        Assert.Equal(Paper.DeltaPhi, r.DeltaPhiDeg.Value, 4 * r.DeltaPhiDeg.Error);
        Assert.Equal(Paper.Phi0, r.PhiDeg.Value, 0.1);
        Assert.Equal(Paper.Q0, r.QAngstrom.Value, 0.001);
        Assert.InRange(r.ReducedChiSquare, 0.9, 1.1);
        Assert.True(r.DeltaPhiDeg.Error < 0.3);
    }

    [Fact]
    public void Standard_errors_match_the_scatter_over_noise_realisations()
    {
        var pulls = new List<double>();
        var radPulls = new List<double>();
        for (int seed = 0; seed < 40; seed++)
        {
            var r = DisorderFit.Fit(Patch(Paper, 20, 100 + seed));
            Assert.True(r.Success, r.Message);
            pulls.Add((r.DeltaPhiDeg.Value - Paper.DeltaPhi) / r.DeltaPhiDeg.Error);
            radPulls.Add((r.FwhmRadDeg.Value - Paper.FwhmRad) / r.FwhmRadDeg.Error);
        }

        Assert.InRange(Rms(pulls), 0.65, 1.4);
        Assert.InRange(Rms(radPulls), 0.65, 1.4);
        Assert.InRange(pulls.Average(), -0.5, 0.5);
    }

    [Fact]
    public void Strongest_peak_is_fitted_and_its_neighbours_stay_out_of_the_window()
    {
        var t = Paper with { Phi0 = 358.2 }; // across the 0/360 seam
        var r = DisorderFit.Fit(Patch(t, 200, 2, null, (88.2, 1.5), (268.2, 2.0)));
        Assert.True(r.Success, r.Message);
        Assert.Equal(358.2, r.PhiDeg.Value, 0.15);
        Assert.Equal(t.DeltaPhi, r.DeltaPhiDeg.Value, 4 * r.DeltaPhiDeg.Error);
    }

    [Fact]
    public void Requested_peak_is_fitted_instead_of_the_strongest()
    {
        var r = DisorderFit.Fit(Patch(Paper, 200, 3, null, (137.3, 6)), new DisorderFitOptions { PhiDeg = 45 });
        Assert.True(r.Success, r.Message);
        Assert.Equal(47.3, r.PhiDeg.Value, 0.15);
    }

    [Fact]
    public void Peak_cut_by_the_detector_edge_is_still_fitted()
    {
        // The WAXS ring is seen over about 90°: here it ends 6° past the peak centre.
        var r = DisorderFit.Fit(Patch(Paper, 200, 4, phi => phi > 0 && phi < 53.3));
        Assert.True(r.Success, r.Message);
        Assert.Equal(Paper.DeltaPhi, r.DeltaPhiDeg.Value, 4 * r.DeltaPhiDeg.Error);
    }

    [Fact]
    public void Peak_centred_beyond_the_detector_edge_is_not_a_measurement()
    {
        // Only the tail of the peak (from 1σ past its centre on) reaches the detector: the width is not determined.
        var r = DisorderFit.Fit(Patch(Paper, 200, 7, phi => phi > 54 && phi < 140));
        Assert.False(r.Success);
        Assert.Contains("cut by the edge", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_complete_peak_is_preferred_to_a_stronger_one_cut_by_the_edge()
    {
        var r = DisorderFit.Fit(Patch(Paper, 200, 8, phi => phi > 20 && phi < 140, (135, 8)));
        Assert.True(r.Success, r.Message);
        Assert.Equal(47.3, r.PhiDeg.Value, 0.15);
    }

    [Fact]
    public void Empty_patch_fails_with_a_message()
    {
        var r = DisorderFit.Fit(Patch(Paper, 200, 5, _ => false));
        Assert.False(r.Success);
        Assert.NotNull(r.Message);
    }

    [Fact]
    public void Delta_phi_is_eq_7_of_the_paper()
    {
        // Table S2, red domain: FWHM_az 13.1°, FWHM_rad 2.5° → ΔΦ 12.9°.
        var t = Paper with { SigmaPhi = 13.1 / K, SigmaQ = 2.5 * Math.PI / 180 * 2.121 / K };
        var r = DisorderFit.Fit(Patch(t, 2000, 6));
        Assert.Equal(12.9, r.DeltaPhiDeg.Value, 0.1);
        Assert.Equal(13.1, r.FwhmAzDeg.Value, 0.1);
        Assert.Equal(2.5, r.FwhmRadDeg.Value, 0.05);
    }

    [Fact]
    public void Measurements_print_in_table_s2_form()
    {
        Assert.Equal("12.9 ± 0.6", new Measurement(12.94, 0.61).Format());
        Assert.Equal("2.50 ± 0.10", new Measurement(2.5, 0.1).Format(2));
    }

    private static double Rms(List<double> v) => Math.Sqrt(v.Average(x => x * x));
}
