namespace XccaMap.Diffraction.Disorder;

/// <summary>
/// Orientational disorder ΔΦ of the nanocrystals of a domain (design.md §4.8; S.I. eq. 7, Fig. S6, Table S2 of
/// Mukharamova et al. 2019): a 2D Gaussian with a plane background (<see cref="PeakModel"/>) is fitted by
/// Levenberg–Marquardt to the domain-averaged 200_AL peak in (q, φ), weighted by the Poisson errors. Scherrer
/// broadening widens the peak equally in both directions, orientational disorder only azimuthally, so with both
/// widths as angles ΔΦ² = FWHM_az² − FWHM_rad². The peak is the strongest one of the patch's azimuthal profile
/// (or the one asked for); the azimuthal window is set from a first fit to ± <see cref="DisorderFitOptions.WindowSigmas"/> σφ
/// and the fit repeated, so neighbouring peaks stay out and the background is seen on both sides.
/// </summary>
public static class DisorderFit
{
    /// <summary>FWHM / σ of a Gaussian, 2√(2 ln 2).</summary>
    public static readonly double FwhmPerSigma = 2 * Math.Sqrt(2 * Math.Log(2));

    /// <summary>Fits the peak of <paramref name="patch"/>.</summary>
    public static DisorderResult Fit(PeakPatch patch, DisorderFitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(patch);
        options ??= new DisorderFitOptions();
        var (profile, measured) = AzimuthalExcess(patch);
        if (!measured.Any(m => m))
        {
            return Fail("no measured bin in the patch");
        }

        int peak = options.PhiDeg is { } wanted ? NearestBin(patch, wanted) : ChoosePeak(profile, measured, patch.PhiStepDeg);
        double phiC = patch.PhiDeg[peak];
        double fwhm = HalfMaxWidth(profile, measured, peak, patch.PhiStepDeg);
        double half = Math.Clamp(options.WindowSigmas * fwhm / FwhmPerSigma, options.PhiHalfWidthDeg.Min, options.PhiHalfWidthDeg.Max);
        double[]? start = null;
        LeastSquaresFit? fit = null;
        Window window = default;
        for (int pass = 0; pass < 2; pass++)
        {
            window = Gather(patch, phiC, half);
            if (window.Y.Length < Math.Max(options.MinPoints, PeakModel.ParameterCount + 2))
            {
                return Fail($"only {window.Y.Length} measured points within ±{half:F1}° of φ = {phiC:F1}°");
            }

            start = start is null ? Guess(window, fwhm) : Recentred(start, window);
            var w = window;
            fit = LevenbergMarquardt.Fit(
                (p, i, g) => PeakModel.ValueAndGradient(p, w.Q[i], w.Phi[i], w.QCentre, w.PhiCentre, g),
                w.Y, w.Sigma, start, p => p[0] > 0 && p[2] > 0 && p[4] > 0 && p[2] < 2 * w.QSpan && p[4] < 4 * half);
            start = fit.Parameters;
            phiC = Wrap360(fit.Parameters[3]);
            half = Math.Clamp(options.WindowSigmas * fit.Parameters[4], options.PhiHalfWidthDeg.Min, options.PhiHalfWidthDeg.Max);
        }

        var result = Result(fit!, window, half);
        result = result with { Cuts = PeakCuts.From(patch, result) };
        return result.Success && !BothFlanksMeasured(patch, result.PhiDeg.Value, fit!.Parameters[4])
            ? result with { Success = false, Message = FormattableString.Invariant($"the peak at φ = {result.PhiDeg.Value:F1}° is cut by the edge of the measured azimuths: its azimuthal width is not determined") }
            : result;
    }

    /// <summary>
    /// The strongest local maximum of the azimuthal excess whose half-maximum is reached on both sides through
    /// measured bins (a peak cut by the detector edge constrains its width poorly); the strongest one if none is.
    /// </summary>
    private static int ChoosePeak(double[] v, bool[] ok, double step)
    {
        int best = ArgMax(v, ok);
        int np = v.Length;
        int complete = -1;
        for (int j = 0; j < np; j++)
        {
            bool isMax = ok[j] && v[j] > 0.2 * v[best] && v[j] >= v[(j + np - 1) % np] && v[j] >= v[(j + 1) % np];
            if (isMax && Reaches(v, ok, j, -1, step) && Reaches(v, ok, j, +1, step) && (complete < 0 || v[j] > v[complete]))
            {
                complete = j;
            }
        }

        return complete >= 0 ? complete : best;
    }

    /// <summary>True when walking from <paramref name="peak"/> in <paramref name="dir"/> reaches half its height before an unmeasured bin.</summary>
    private static bool Reaches(double[] v, bool[] ok, int peak, int dir, double step)
    {
        int np = v.Length, reach = (int)(90 / step);
        for (int d = 1; d <= reach; d++)
        {
            int j = (((peak + (dir * d)) % np) + np) % np;
            if (!ok[j])
            {
                return false;
            }

            if (v[j] <= 0.5 * v[peak])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>At least half of the φ bins within 1.5 σφ on each side of the fitted centre hold measured data.</summary>
    private static bool BothFlanksMeasured(PeakPatch patch, double phi0, double sigmaPhi)
    {
        int left = 0, leftMeasured = 0, right = 0, rightMeasured = 0;
        for (int j = 0; j < patch.PhiCount; j++)
        {
            double d = PeakModel.Unwrap(patch.PhiDeg[j], phi0) - phi0;
            if (Math.Abs(d) > 1.5 * sigmaPhi || d == 0)
            {
                continue;
            }

            bool measured = Enumerable.Range(0, patch.QCount).Any(iq => patch.IsMeasured(iq, j));
            if (d < 0)
            {
                left++;
                leftMeasured += measured ? 1 : 0;
            }
            else
            {
                right++;
                rightMeasured += measured ? 1 : 0;
            }
        }

        return left > 0 && right > 0 && 2 * leftMeasured >= left && 2 * rightMeasured >= right;
    }

    private static DisorderResult Result(LeastSquaresFit fit, Window w, double half)
    {
        var p = fit.Parameters;
        double q0 = p[1], sq = p[2], phi0 = p[3], sphi = p[4];
        var model = PeakModel.From(p, w.QCentre, w.PhiCentre);
        var windowDeg = (Wrap360(w.PhiCentre - half), Wrap360(w.PhiCentre + half));
        bool inside = q0 > w.QMin && q0 < w.QMax && Math.Abs(phi0 - w.PhiCentre) < half;
        if (!fit.Converged || !inside || !(p[0] > 0) || !double.IsFinite(fit.Covariance[0]))
        {
            return Fail(fit.Converged ? "the fitted peak lies outside its window or has no positive amplitude" : "the fit did not converge") with
            {
                Model = model,
                PhiWindowDeg = windowDeg,
                Points = w.Y.Length,
                ReducedChiSquare = fit.ReducedChiSquare,
            };
        }

        const double Deg = 180 / Math.PI;
        double k = FwhmPerSigma;
        double az = k * sphi, rad = k * sq / q0 * Deg;
        double c(int i, int j) => fit.Covariance[(i * PeakModel.ParameterCount) + j];

        // Propagation with the full covariance of (q0, σq, σφ) = parameters (1, 2, 4).
        Span<double> gRad = [-k * sq / (q0 * q0) * Deg, k / q0 * Deg, 0];
        double varRad = Quadratic(gRad, c);
        double dphi = (az * az) - (rad * rad) > 0 ? Math.Sqrt((az * az) - (rad * rad)) : double.NaN;
        Span<double> gPhi = [-rad * gRad[0] / dphi, -rad * gRad[1] / dphi, az * k / dphi];
        return new DisorderResult
        {
            Success = true,
            Message = double.IsNaN(dphi) ? "FWHM_az ≤ FWHM_rad: no orientational broadening resolved" : null,
            FwhmAzDeg = new Measurement(az, k * fit.Error(4)),
            FwhmRadDeg = new Measurement(rad, Math.Sqrt(varRad)),
            DeltaPhiDeg = double.IsNaN(dphi) ? Measurement.NaN : new Measurement(dphi, Math.Sqrt(Quadratic(gPhi, c))),
            QAngstrom = new Measurement(q0, fit.Error(1)),
            PhiDeg = new Measurement(Wrap360(phi0), fit.Error(3)),
            Model = model,
            PhiWindowDeg = windowDeg,
            Points = w.Y.Length,
            ReducedChiSquare = fit.ReducedChiSquare,
        };
    }

    /// <summary>gᵀ·C·g over the parameters (q0, σq, σφ).</summary>
    private static double Quadratic(ReadOnlySpan<double> g, Func<int, int, double> c)
    {
        ReadOnlySpan<int> idx = [1, 2, 4];
        double v = 0;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                v += g[i] * g[j] * c(idx[i], idx[j]);
            }
        }

        return Math.Max(v, 0);
    }

    private static DisorderResult Fail(string message) => new() { Success = false, Message = message };

    /// <summary>Mean over q of each φ bin minus the median over φ (the peaks' excess), and which bins are measured.</summary>
    private static (double[] Excess, bool[] Measured) AzimuthalExcess(PeakPatch patch)
    {
        int np = patch.PhiCount;
        var mean = new double[np];
        var measured = new bool[np];
        for (int j = 0; j < np; j++)
        {
            double s = 0;
            int n = 0;
            for (int iq = 0; iq < patch.QCount; iq++)
            {
                if (patch.IsMeasured(iq, j))
                {
                    s += patch[iq, j];
                    n++;
                }
            }

            measured[j] = n > 0;
            mean[j] = n > 0 ? s / n : double.NaN;
        }

        var values = mean.Where(double.IsFinite).Order().ToArray();
        double median = values.Length > 0 ? values[values.Length / 2] : 0;
        var smooth = new double[np];
        for (int j = 0; j < np; j++)
        {
            double s = 0;
            int n = 0;
            for (int d = -1; d <= 1; d++)
            {
                int i = (j + d + np) % np;
                if (measured[i])
                {
                    s += mean[i] - median;
                    n++;
                }
            }

            smooth[j] = measured[j] && n > 0 ? s / n : double.NaN;
        }

        return (smooth, measured);
    }

    private static int ArgMax(double[] v, bool[] ok)
    {
        int best = -1;
        for (int j = 0; j < v.Length; j++)
        {
            if (ok[j] && (best < 0 || v[j] > v[best]))
            {
                best = j;
            }
        }

        return best;
    }

    private static int NearestBin(PeakPatch patch, double phiDeg)
    {
        int j = (int)Math.Floor(Wrap360(phiDeg) / patch.PhiStepDeg);
        return Math.Clamp(j, 0, patch.PhiCount - 1);
    }

    /// <summary>Full width at half maximum of the excess around bin <paramref name="peak"/>, degrees (20° if no crossing within 90°).</summary>
    private static double HalfMaxWidth(double[] v, bool[] ok, int peak, double step)
    {
        int np = v.Length, reach = (int)(90 / step);
        double halfMax = 0.5 * v[peak];
        double Side(int dir)
        {
            for (int d = 1; d <= reach; d++)
            {
                int j = (((peak + (dir * d)) % np) + np) % np;
                if (ok[j] && v[j] <= halfMax)
                {
                    return d * step;
                }
            }

            return double.NaN;
        }

        double l = Side(-1), r = Side(+1);
        double w = double.IsNaN(l) ? 2 * r : double.IsNaN(r) ? 2 * l : l + r;
        return double.IsFinite(w) && w > 0 ? w : 20;
    }

    private static Window Gather(PeakPatch patch, double phiC, double half)
    {
        var q = new List<double>();
        var phi = new List<double>();
        var y = new List<double>();
        var s = new List<double>();
        for (int iq = 0; iq < patch.QCount; iq++)
        {
            for (int j = 0; j < patch.PhiCount; j++)
            {
                double p = PeakModel.Unwrap(patch.PhiDeg[j], phiC);
                if (Math.Abs(p - phiC) > half || !patch.IsMeasured(iq, j))
                {
                    continue;
                }

                int b = (iq * patch.PhiCount) + j;
                q.Add(patch.Q[iq]);
                phi.Add(p);
                y.Add(patch.Intensity[b]);
                s.Add(patch.Sigma[b]);
            }
        }

        double qMin = patch.Q[0], qMax = patch.Q[^1];
        return new Window([.. q], [.. phi], [.. y], [.. s], 0.5 * (qMin + qMax), phiC, qMin, qMax);
    }

    private static double[] Guess(Window w, double fwhmDeg)
    {
        var sorted = w.Y.Order().ToArray();
        double b0 = sorted[sorted.Length / 10];
        double a = sorted[^1] - b0;
        double sw = 0, sq = 0, sqq = 0;
        for (int i = 0; i < w.Y.Length; i++)
        {
            double e = Math.Max(w.Y[i] - b0, 0);
            sw += e;
            sq += e * w.Q[i];
        }

        double q0 = sw > 0 ? sq / sw : w.QCentre;
        for (int i = 0; i < w.Y.Length; i++)
        {
            double e = Math.Max(w.Y[i] - b0, 0);
            sqq += e * (w.Q[i] - q0) * (w.Q[i] - q0);
        }

        double sigmaQ = sw > 0 ? Math.Sqrt(sqq / sw) : w.QSpan / 6;
        sigmaQ = Math.Clamp(sigmaQ, w.QSpan / 50, w.QSpan / 2);
        return [Math.Max(a, 1e-12), q0, sigmaQ, w.PhiCentre, Math.Max(fwhmDeg / FwhmPerSigma, 0.5), b0, 0, 0];
    }

    /// <summary>Previous parameters as the start of the second pass (φ0 unwrapped about the new window centre; LM re-levels the background).</summary>
    private static double[] Recentred(double[] p, Window w)
    {
        var r = (double[])p.Clone();
        r[3] = PeakModel.Unwrap(p[3], w.PhiCentre);
        return r;
    }

    private static double Wrap360(double deg) => ((deg % 360) + 360) % 360;

    private readonly record struct Window(double[] Q, double[] Phi, double[] Y, double[] Sigma, double QCentre, double PhiCentre, double QMin, double QMax)
    {
        public double QSpan => QMax - QMin;
    }
}
