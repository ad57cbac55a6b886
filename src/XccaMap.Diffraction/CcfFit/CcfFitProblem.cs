using XccaMap.Crystallography.Ccf;
using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Simulation;

namespace XccaMap.Diffraction.CcfFit;

/// <summary>
/// The least-squares problem of one (zone, relation) candidate: nonlinear parameters
/// p = [ψ, ω_x, ω_y, ω_z, σ₁, σ₂] (degrees), of which a subset is free; the offset and amplitudes of each data block
/// (CCF, optional ring profiles) are solved linearly inside every evaluation (variable projection), so the
/// Levenberg–Marquardt search only sees the angles and widths.
/// </summary>
/// <remarks>
/// Blocks: the CCF (values as given, normally in [0, 1]); each profile divided by its range and weighted by
/// √(w·n_CCF/n_profile) so a profile counts as much as the CCF when w = 1.
/// </remarks>
internal sealed class CcfFitProblem
{
    public const int InPlane = 0, OmegaX = 1, OmegaY = 2, OmegaZ = 3, Sigma1 = 4, Sigma2 = 5, Count = 6;

    public static readonly string[] Names = ["in_plane", "misorientation_x", "misorientation_y", "misorientation_z", "sigma_saxs", "sigma_waxs"];

    private readonly CcfFitData _data;
    private readonly CcfFitOptions _options;
    private readonly CcfSimulator _fine;
    private readonly CcfSimulator _coarse;
    private readonly int[] _ccfIdx;
    private readonly double[] _ccfY;
    private readonly double[] _ccfDelta;
    private readonly Block? _profile1;
    private readonly Block? _profile2;

    public CcfFitProblem(DomainCcfModel model, CcfFitData data, CcfFitOptions options, CcfSimulator fine, CcfSimulator coarse)
    {
        Model = model;
        _data = data;
        _options = options;
        _fine = fine;
        _coarse = coarse;
        _ccfIdx = Enumerable.Range(0, data.Ccf.Length).Where(i => double.IsFinite(data.Ccf[i]) && double.IsFinite(data.DeltaDeg[i])).ToArray();
        _ccfY = _ccfIdx.Select(i => data.Ccf[i]).ToArray();
        _ccfDelta = _ccfIdx.Select(i => data.DeltaDeg[i]).ToArray();
        _profile1 = Block.From(data.Profile1, _ccfIdx.Length, options.ProfileWeight);
        _profile2 = Block.From(data.Profile2, _ccfIdx.Length, options.ProfileWeight);
    }

    public DomainCcfModel Model { get; }

    public bool HasProfile1 => _profile1 is not null;

    public bool FreeAmplitudes => _options.Amplitudes == AmplitudeMode.Free;

    public static DomainCcfParameters ToParameters(double[] p) =>
        new(p[InPlane], new Vec3(p[OmegaX], p[OmegaY], p[OmegaZ]), Math.Abs(p[Sigma1]), Math.Abs(p[Sigma2]));

    /// <summary>Cost only (coarse search): total weighted RSS.</summary>
    public double Cost(double[] p, bool coarse = true) => Evaluate(p, coarse).TotalRss;

    /// <summary>Cost of the ring-1 profile alone (ψ search); +∞ without a profile.</summary>
    public double Profile1Cost(double[] p)
    {
        if (_profile1 is null)
        {
            return double.PositiveInfinity;
        }

        RingPeak[] ring1 = Model.Ring1Peaks(ToParameters(p));
        var r = _profile1.Fit([Gaussians(_profile1.Phi, ring1)]);
        return r.Rss;
    }

    public CcfFitEvaluation Evaluate(double[] p, bool coarse = false)
    {
        DomainCcfParameters par = ToParameters(p);
        CcfSimulator sim = coarse ? _coarse : _fine;
        RingPeak[] ring1 = Model.Ring1Peaks(par);
        AngularPeak[] peaks1 = DomainCcfModel.AsPeaks(ring1);
        RingPeak[] ring2 = FreeAmplitudes ? FreeCandidates(par) : Model.Ring2Peaks(par);
        double[] profile1 = sim.Profile(peaks1);

        // CCF columns (all linear, amplitudes ≥ 0): peaks × peaks — one column for the whole model, or one per WAXS
        // peak; then each ring's peaks against the other ring's flat background. With a partial mask (the ≈ 90° WAXS
        // window) a flat ring-2 background correlated with the SAXS peaks is not constant in Δ: the overlap-normalised
        // CCF then shows plateaus wherever a SAXS peak falls inside the shifted window, and the model must carry them.
        var columns = new List<double[]>();
        var fullColumns = new List<double[]>();
        int peakColumns = 0;
        double[] ones = Enumerable.Repeat(1.0, sim.Bins).ToArray();
        IEnumerable<AngularPeak[]> groups = FreeAmplitudes
            ? ring2.Select(r => new[] { r.Peak with { Amplitude = 1 } })
            : [DomainCcfModel.AsPeaks(ring2)];
        var profiles2 = groups.Select(g => sim.Profile(g)).ToList();
        foreach (double[] profile2 in profiles2)
        {
            AddColumn(sim.FromProfiles(profile1, profile2));
            peakColumns++;
        }

        AddColumn(sim.FromProfiles(profile1, ones)); // SAXS peaks × WAXS background
        foreach (double[] profile2 in profiles2)
        {
            AddColumn(sim.FromProfiles(ones, profile2)); // SAXS background × WAXS peaks
        }

        void AddColumn(double[] lags)
        {
            double[] all = sim.Interpolate(lags, _data.DeltaDeg);
            fullColumns.Add(all);
            columns.Add(_ccfIdx.Select(i => Finite(all[i])).ToArray());
        }

        double[] coef = LinearBlockFit.Solve(columns, _ccfY);
        double[] fit = LinearBlockFit.Predict(columns, coef, _ccfY.Length);
        var residuals = new List<double>(_ccfY.Length + 720);
        double ccfRss = 0;
        for (int i = 0; i < _ccfY.Length; i++)
        {
            double r = _ccfY[i] - fit[i];
            residuals.Add(r);
            ccfRss += r * r;
        }

        double total = ccfRss;
        if (_profile1 is not null)
        {
            var r1 = _profile1.Fit([Gaussians(_profile1.Phi, ring1)]);
            residuals.AddRange(r1.Residuals);
            total += r1.Rss;
        }

        if (_profile2 is not null)
        {
            var cols = FreeAmplitudes
                ? ring2.Select(r => Gaussians(_profile2.Phi, [r with { Peak = r.Peak with { Amplitude = 1 } }])).ToArray()
                : [Gaussians(_profile2.Phi, ring2)];
            var r2 = _profile2.Fit(cols);
            residuals.AddRange(r2.Residuals);
            total += r2.Rss;
        }

        // The simulated CCF proper is the peaks × peaks part (eq. 6); the fitted curve has the backgrounds too.
        int n = _data.DeltaDeg.Length;
        var model = new double[n];
        var fitted = new double[n];
        for (int i = 0; i < n; i++)
        {
            double v = 0, f = coef[0];
            for (int j = 0; j < fullColumns.Count; j++)
            {
                f += coef[j + 1] * fullColumns[j][i];
                v += j < peakColumns ? coef[j + 1] * fullColumns[j][i] : 0;
            }

            model[i] = v;
            fitted[i] = f;
        }

        if (FreeAmplitudes)
        {
            ring2 = ring2.Select((r, j) => r with { Peak = r.Peak with { Amplitude = coef[j + 1] } }).ToArray();
        }

        return new CcfFitEvaluation
        {
            Residuals = [.. residuals],
            TotalRss = total,
            CcfRss = ccfRss,
            CcfPoints = _ccfY.Length,
            FittedCcf = fitted,
            SimulatedCcf = CcfSimulator.ScaleToUnit(model),
            Offset = coef[0],
            Amplitudes = coef.Skip(1).Take(peakColumns).ToArray(),
            BackgroundCoefficients = coef.Skip(1 + peakColumns).ToArray(),
            Ring1 = ring1,
            Ring2 = ring2,
        };
    }

    // Free amplitudes: every reflection a generous disorder could excite (elevation within reach of the Bragg tilt).
    private RingPeak[] FreeCandidates(DomainCcfParameters p) =>
        Model.Ring2Peaks(p, disorderSigmaDeg: Math.Max(10, 2 * p.Sigma2Deg), minAmplitude: 1e-3);

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;

    private static double[] Gaussians(double[] phi, IReadOnlyList<RingPeak> peaks)
    {
        var v = new double[phi.Length];
        foreach (RingPeak rp in peaks)
        {
            AngularPeak p = rp.Peak;
            double inv = 1 / (2 * p.SigmaDeg * p.SigmaDeg);
            for (int i = 0; i < phi.Length; i++)
            {
                double d = Angles.Wrap180(phi[i] - p.PhiDeg);
                v[i] += p.Amplitude * Math.Exp(-(d * d) * inv);
            }
        }

        return v;
    }

    /// <summary>A profile data block: usable bins, data scaled to unit range, block weight.</summary>
    private sealed class Block
    {
        private readonly double[] _y;
        private readonly double _weight;

        private Block(double[] phi, double[] y, double weight)
        {
            Phi = phi;
            _y = y;
            _weight = weight;
        }

        public double[] Phi { get; }

        public static Block? From(RingProfile? profile, int ccfPoints, double weight)
        {
            if (profile is null || weight <= 0)
            {
                return null;
            }

            int[] use = profile.UsableBins();
            if (use.Length < 8)
            {
                return null;
            }

            double[] y = use.Select(i => profile.Intensity[i]).ToArray();
            double range = y.Max() - y.Min();
            if (!(range > 0))
            {
                return null;
            }

            return new Block(use.Select(i => profile.PhiDeg[i]).ToArray(), y.Select(v => v / range).ToArray(), Math.Sqrt(weight * ccfPoints / use.Length));
        }

        public (double[] Residuals, double Rss) Fit(IReadOnlyList<double[]> columns)
        {
            double[] coef = LinearBlockFit.Solve(columns, _y);
            double[] f = LinearBlockFit.Predict(columns, coef, _y.Length);
            var r = new double[_y.Length];
            double rss = 0;
            for (int i = 0; i < r.Length; i++)
            {
                r[i] = _weight * (_y[i] - f[i]);
                rss += r[i] * r[i];
            }

            return (r, rss);
        }
    }
}
