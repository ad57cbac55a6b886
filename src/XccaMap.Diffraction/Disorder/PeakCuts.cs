namespace XccaMap.Diffraction.Disorder;

/// <summary>
/// Radial and azimuthal cuts through a fitted 200_AL peak, data and model side by side (Fig. S6 of Mukharamova et
/// al. 2019): the radial cut averages the φ bins within ±FWHM_az/2 of φ0, the azimuthal cut the q bins within
/// ±FWHM_q/2 of q0 (at least the nearest bin each); the model and its background plane are averaged over the same
/// measured bins, so data and curve are directly comparable.
/// </summary>
public sealed record PeakCuts
{
    /// <summary>q of the radial cut, Å⁻¹.</summary>
    public required double[] Q { get; init; }

    /// <summary>Mean intensity of the radial cut (NaN where no bin was measured).</summary>
    public required double[] RadialIntensity { get; init; }

    /// <summary>Standard error of <see cref="RadialIntensity"/>.</summary>
    public required double[] RadialSigma { get; init; }

    /// <summary>The fitted model over the same bins.</summary>
    public required double[] RadialFit { get; init; }

    /// <summary>The fitted background plane over the same bins.</summary>
    public required double[] RadialBackground { get; init; }

    /// <summary>φ bins averaged in the radial cut: [φ0 − FWHM_az/2, φ0 + FWHM_az/2], degrees.</summary>
    public required (double Min, double Max) RadialPhiRangeDeg { get; init; }

    /// <summary>φ of the azimuthal cut, degrees, unwrapped around φ0 (may leave [0, 360)).</summary>
    public required double[] PhiDeg { get; init; }

    /// <summary>Mean intensity of the azimuthal cut.</summary>
    public required double[] AzimuthalIntensity { get; init; }

    /// <summary>Standard error of <see cref="AzimuthalIntensity"/>.</summary>
    public required double[] AzimuthalSigma { get; init; }

    /// <summary>The fitted model over the same bins.</summary>
    public required double[] AzimuthalFit { get; init; }

    /// <summary>The fitted background plane over the same bins.</summary>
    public required double[] AzimuthalBackground { get; init; }

    /// <summary>q bins averaged in the azimuthal cut, Å⁻¹.</summary>
    public required (double Min, double Max) AzimuthalQRange { get; init; }

    /// <summary>The cuts of <paramref name="patch"/> through the peak of <paramref name="fit"/>; null without a fitted model.</summary>
    /// <param name="patch">The patch that was fitted.</param>
    /// <param name="fit">Its fit.</param>
    /// <param name="spanFwhm">The azimuthal cut reaches ± this many FWHM_az from φ0 (at most ±180°).</param>
    public static PeakCuts? From(PeakPatch patch, DisorderResult fit, double spanFwhm = 2.5)
    {
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(fit);
        if (fit.Model is not { } m || !(m.SigmaQ > 0) || !(m.SigmaPhiDeg > 0))
        {
            return null;
        }

        double hwhmPhi = 0.5 * DisorderFit.FwhmPerSigma * m.SigmaPhiDeg, hwhmQ = 0.5 * DisorderFit.FwhmPerSigma * m.SigmaQ;
        double span = Math.Min(180, Math.Max(spanFwhm * 2 * hwhmPhi, 4 * patch.PhiStepDeg));
        var phiOffset = patch.PhiDeg.Select(p => PeakModel.Unwrap(p, m.Phi0Deg) - m.Phi0Deg).ToArray();
        var inPeakPhi = Select(phiOffset.Select(Math.Abs).ToArray(), Math.Max(hwhmPhi, 0.5 * patch.PhiStepDeg));
        var inPeakQ = Select(patch.Q.Select(q => Math.Abs(q - m.Q0)).ToArray(), Math.Max(hwhmQ, 0.5 * (patch.Q.Length > 1 ? patch.Q[1] - patch.Q[0] : 0)));

        int nq = patch.QCount;
        var radial = new Cut(nq);
        for (int iq = 0; iq < nq; iq++)
        {
            foreach (int j in inPeakPhi)
            {
                radial.Add(iq, patch, m, iq, j);
            }
        }

        var phiBins = Enumerable.Range(0, patch.PhiCount).Where(j => Math.Abs(phiOffset[j]) <= span).OrderBy(j => phiOffset[j]).ToArray();
        var azimuthal = new Cut(phiBins.Length);
        for (int k = 0; k < phiBins.Length; k++)
        {
            foreach (int iq in inPeakQ)
            {
                azimuthal.Add(k, patch, m, iq, phiBins[k]);
            }
        }

        var measured = Enumerable.Range(0, phiBins.Length).Where(k => azimuthal.N[k] > 0).ToArray();
        double[] Pick(double[] values) => measured.Select(k => values[k]).ToArray();
        return new PeakCuts
        {
            Q = patch.Q,
            RadialIntensity = radial.Mean(radial.Y),
            RadialSigma = radial.Sigma(),
            RadialFit = radial.Mean(radial.Fit),
            RadialBackground = radial.Mean(radial.Background),
            RadialPhiRangeDeg = (m.Phi0Deg - hwhmPhi, m.Phi0Deg + hwhmPhi),
            PhiDeg = measured.Select(k => m.Phi0Deg + phiOffset[phiBins[k]]).ToArray(),
            AzimuthalIntensity = Pick(azimuthal.Mean(azimuthal.Y)),
            AzimuthalSigma = Pick(azimuthal.Sigma()),
            AzimuthalFit = Pick(azimuthal.Mean(azimuthal.Fit)),
            AzimuthalBackground = Pick(azimuthal.Mean(azimuthal.Background)),
            AzimuthalQRange = (m.Q0 - hwhmQ, m.Q0 + hwhmQ),
        };
    }

    /// <summary>Indices whose distance is within <paramref name="limit"/>; the nearest one when none is.</summary>
    private static int[] Select(double[] distance, double limit)
    {
        var inside = Enumerable.Range(0, distance.Length).Where(i => distance[i] <= limit).ToArray();
        return inside.Length > 0 ? inside : [Array.IndexOf(distance, distance.Min())];
    }

    /// <summary>Sums of data, variance, model and background per cut point over measured bins.</summary>
    private sealed class Cut(int n)
    {
        public double[] Y { get; } = new double[n];

        public double[] Variance { get; } = new double[n];

        public double[] Fit { get; } = new double[n];

        public double[] Background { get; } = new double[n];

        public int[] N { get; } = new int[n];

        public void Add(int k, PeakPatch patch, PeakModel m, int iq, int j)
        {
            if (!patch.IsMeasured(iq, j))
            {
                return;
            }

            int b = (iq * patch.PhiCount) + j;
            Y[k] += patch.Intensity[b];
            Variance[k] += patch.Sigma[b] * patch.Sigma[b];
            Fit[k] += m.Evaluate(patch.Q[iq], patch.PhiDeg[j]);
            Background[k] += m.BackgroundAt(patch.Q[iq], patch.PhiDeg[j]);
            N[k]++;
        }

        public double[] Mean(double[] sums) => sums.Select((s, k) => N[k] > 0 ? s / N[k] : double.NaN).ToArray();

        public double[] Sigma() => Variance.Select((v, k) => N[k] > 0 ? Math.Sqrt(v) / N[k] : double.NaN).ToArray();
    }
}
