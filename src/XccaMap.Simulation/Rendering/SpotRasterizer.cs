namespace XccaMap.Simulation.Rendering;

/// <summary>
/// Draws <see cref="SpotShape"/>s onto detector frames, touching only the pixels near each spot: the spot's
/// (q ± nσ_q) × (φ ± nσ_φ) window is projected to a pixel box (<see cref="DetectorProjection"/>), and inside the box
/// the Gaussian is evaluated from the per-pixel q and φ maps, cut at the ellipse of <see cref="CutoffSigmas"/> σ.
/// Values are multiplied by the per-pixel response (solid angle × polarisation, 0 on masked and beamstop pixels).
/// <para>
/// A pixel records the spot integrated over its area, not its value at the pixel centre. That matters for the SAXS
/// spots, whose σ is about one pixel: sampling them at the centres would shift the peak of a radial profile by up to
/// half a pixel, depending on where the spot falls on the pixel grid. Where a pixel spans more than
/// <see cref="SupersampleLimit"/> σ, the Gaussian is averaged over 3 × 3 points of the pixel, placed with the local
/// Jacobian of (q, φ) at the spot centre; broad spots (WAXS) are evaluated at the centres.
/// </para>
/// </summary>
public sealed class SpotRasterizer
{
    /// <summary>The Gaussian is cut where (Δq/σ_q)² + (Δφ/σ_φ)² exceeds this squared (4σ: exp(−8) ≈ 3·10⁻⁴ of the peak).</summary>
    public const double CutoffSigmas = 4.0;

    /// <summary>Pixel extent, in units of the spot's σ, above which a pixel is averaged over 3 × 3 sub-points.</summary>
    public const double SupersampleLimit = 0.5;

    private const int EdgeSamples = 33;
    private readonly Detector.Geometry.PixelGeometry _geometry;
    private readonly ReadOnlyMemory<float> _q;
    private readonly ReadOnlyMemory<float> _phi;
    private readonly ReadOnlyMemory<float> _response;
    private readonly DetectorProjection _projection;

    /// <summary>Creates a rasterizer over the per-pixel maps of <paramref name="geometry"/>.</summary>
    /// <param name="geometry">Per-pixel q (Å⁻¹) and φ (degrees), and the double-precision geometry for Jacobians.</param>
    /// <param name="response">Per-pixel factor applied to every spot (solid angle × polarisation; 0 = blind).</param>
    /// <param name="projection">Inverse geometry.</param>
    public SpotRasterizer(Detector.Geometry.PixelGeometry geometry, ReadOnlyMemory<float> response, DetectorProjection projection)
    {
        _geometry = geometry;
        _q = geometry.Q;
        _phi = geometry.Phi;
        _response = response;
        _projection = projection;
        Rows = geometry.Shape.Rows;
        Cols = geometry.Shape.Cols;
    }

    /// <summary>Detector rows.</summary>
    public int Rows { get; }

    /// <summary>Detector columns.</summary>
    public int Cols { get; }

    /// <summary>
    /// The pixel box [r0, r1) × [c0, c1) that holds the spot's cut-off window, clipped to the detector; false if empty.
    /// </summary>
    public bool TryBox(in SpotShape s, out int r0, out int r1, out int c0, out int c1)
    {
        double n = CutoffSigmas;
        double qlo = Math.Max(0, s.Q - (n * s.SigmaQ)), qhi = s.Q + (n * s.SigmaQ);
        double halfPhi = Math.Min(180, n * s.SigmaPhiDeg);
        double rmin = double.PositiveInfinity, rmax = double.NegativeInfinity, cmin = double.PositiveInfinity, cmax = double.NegativeInfinity;
        void Add(double q, double phi)
        {
            if (_projection.TryProject(q, phi, out double r, out double c))
            {
                rmin = Math.Min(rmin, r);
                rmax = Math.Max(rmax, r);
                cmin = Math.Min(cmin, c);
                cmax = Math.Max(cmax, c);
            }
        }

        for (int i = 0; i < EdgeSamples; i++)
        {
            double t = (double)i / (EdgeSamples - 1);
            double phi = s.PhiDeg - halfPhi + (2 * halfPhi * t);
            Add(qlo, phi);
            Add(qhi, phi);
            double q = qlo + ((qhi - qlo) * t);
            Add(q, s.PhiDeg - halfPhi);
            Add(q, s.PhiDeg + halfPhi);
        }

        // Cardinal directions inside the window bound the arc's bulge between samples.
        for (int k = -4; k <= 4; k++)
        {
            double phi = Math.Round(s.PhiDeg / 90) * 90 + (k * 90);
            if (Math.Abs(Wrap180(phi - s.PhiDeg)) <= halfPhi)
            {
                Add(qlo, phi);
                Add(qhi, phi);
            }
        }

        r0 = c0 = r1 = c1 = 0;
        if (double.IsInfinity(rmin))
        {
            return false;
        }

        // One pixel of margin for the sampling of the edges.
        r0 = (int)Math.Max(0, Math.Floor(rmin) - 1);
        c0 = (int)Math.Max(0, Math.Floor(cmin) - 1);
        r1 = (int)Math.Min(Rows, Math.Ceiling(rmax) + 2);
        c1 = (int)Math.Min(Cols, Math.Ceiling(cmax) + 2);
        return r1 > r0 && c1 > c0;
    }

    /// <summary>frame[p] += scale · spot(p) · response[p] over the spot's pixels.</summary>
    public void AddTo(Span<float> frame, in SpotShape s, double scale = 1.0)
    {
        if (!TryBox(s, out int r0, out int r1, out int c0, out int c1))
        {
            return;
        }

        var k = NewKernel(s, scale, r0, r1, c0, c1);
        var qs = _q.Span;
        var phis = _phi.Span;
        var response = _response.Span;
        for (int r = r0; r < r1; r++)
        {
            int o = r * Cols;
            for (int c = c0; c < c1; c++)
            {
                int p = o + c;
                float v = k.Value(qs[p], phis[p]);
                if (v > 0)
                {
                    frame[p] += v * response[p];
                }
            }
        }
    }

    /// <summary>The spot (times the response) as a sparse image; empty when it misses the detector.</summary>
    public SparseImage Render(in SpotShape s)
    {
        var start = new List<int>();
        var length = new List<int>();
        var values = new List<float>();
        if (TryBox(s, out int r0, out int r1, out int c0, out int c1))
        {
            var k = NewKernel(s, 1.0, r0, r1, c0, c1);
            var qs = _q.Span;
            var phis = _phi.Span;
            var response = _response.Span;
            for (int r = r0; r < r1; r++)
            {
                int o = r * Cols;
                int runStart = -1;
                for (int c = c0; c <= c1; c++)
                {
                    float v = 0;
                    if (c < c1)
                    {
                        int p = o + c;
                        v = k.Value(qs[p], phis[p]) * response[p];
                    }

                    if (v > 0)
                    {
                        if (runStart < 0)
                        {
                            runStart = c;
                        }

                        values.Add(v);
                    }
                    else if (runStart >= 0)
                    {
                        start.Add(o + runStart);
                        length.Add(c - runStart);
                        runStart = -1;
                    }
                }
            }
        }

        return new SparseImage([.. start], [.. length], [.. values]);
    }

    private Kernel NewKernel(in SpotShape s, double scale, int r0, int r1, int c0, int c1)
    {
        // Jacobian of (u, v) = (Δq/σ_q, Δφ/σ_φ) per pixel step, at the spot centre (or the box centre if the centre is off the image).
        if (!_projection.TryProject(s.Q, s.PhiDeg, out double rc, out double cc) || rc < r0 || rc > r1 || cc < c0 || cc > c1)
        {
            rc = 0.5 * (r0 + r1);
            cc = 0.5 * (c0 + c1);
        }

        var down = _geometry.Evaluate(rc + 0.5, cc);
        var up = _geometry.Evaluate(rc - 0.5, cc);
        var right = _geometry.Evaluate(rc, cc + 0.5);
        var left = _geometry.Evaluate(rc, cc - 0.5);
        double ur = (down.Q - up.Q) / s.SigmaQ, uc = (right.Q - left.Q) / s.SigmaQ;
        double vr = Wrap180(down.Phi - up.Phi) / s.SigmaPhiDeg, vc = Wrap180(right.Phi - left.Phi) / s.SigmaPhiDeg;
        bool fine = Math.Abs(ur) + Math.Abs(uc) > SupersampleLimit || Math.Abs(vr) + Math.Abs(vc) > SupersampleLimit;
        return new Kernel(s, scale, fine, ur, uc, vr, vc);
    }

    private static double Wrap180(double d)
    {
        d %= 360;
        return d > 180 ? d - 360 : d <= -180 ? d + 360 : d;
    }

    /// <summary>The Gaussian of one spot, ready for float evaluation (pixel-centre or 3 × 3 pixel average).</summary>
    private readonly struct Kernel
    {
        private const float Third = 1f / 3f;
        private readonly float _q0, _phi0, _invSq, _invSphi, _amplitude, _cut2, _qHalf, _phiHalf;
        private readonly float _ur, _uc, _vr, _vc;
        private readonly bool _fine;

        public Kernel(in SpotShape s, double scale, bool fine, double ur, double uc, double vr, double vc)
        {
            _q0 = (float)s.Q;
            _phi0 = (float)s.PhiDeg;
            _invSq = (float)(1 / s.SigmaQ);
            _invSphi = (float)(1 / s.SigmaPhiDeg);
            _amplitude = (float)(s.Amplitude * scale);
            _fine = fine;
            _ur = (float)ur;
            _uc = (float)uc;
            _vr = (float)vr;
            _vc = (float)vc;
            // Sub-points reach ⅓ pixel from the centre: widen the cut so no pixel with a sub-point inside is skipped.
            double reach = fine ? (Math.Abs(ur) + Math.Abs(uc) + Math.Abs(vr) + Math.Abs(vc)) / 3 : 0;
            double cut = CutoffSigmas + reach;
            _cut2 = (float)(cut * cut);
            _qHalf = (float)((CutoffSigmas * s.SigmaQ) + (reach * s.SigmaQ));
            _phiHalf = (float)((CutoffSigmas * s.SigmaPhiDeg) + (reach * s.SigmaPhiDeg));
        }

        public float Value(float q, float phi)
        {
            float dq = q - _q0;
            if (dq > _qHalf || dq < -_qHalf)
            {
                return 0;
            }

            float dphi = phi - _phi0;
            dphi = dphi > 180 ? dphi - 360 : dphi <= -180 ? dphi + 360 : dphi;
            if (dphi > _phiHalf || dphi < -_phiHalf)
            {
                return 0;
            }

            float a = dq * _invSq, b = dphi * _invSphi;
            float e = (a * a) + (b * b);
            if (e > _cut2)
            {
                return 0;
            }

            if (!_fine)
            {
                return _amplitude * MathF.Exp(-0.5f * e);
            }

            float sum = 0;
            for (int i = -1; i <= 1; i++)
            {
                for (int j = -1; j <= 1; j++)
                {
                    float u = a + (Third * ((i * _ur) + (j * _uc)));
                    float v = b + (Third * ((i * _vr) + (j * _vc)));
                    sum += MathF.Exp(-0.5f * ((u * u) + (v * v)));
                }
            }

            return _amplitude * sum / 9f;
        }
    }
}
