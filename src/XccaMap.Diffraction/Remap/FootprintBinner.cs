namespace XccaMap.Diffraction.Remap;

/// <summary>
/// Shares a pixel footprint between bins. Coordinates are in bin units: f = (q − QMin)/Δq and
/// u = ((φ − PhiMin) mod 360)/Δφ, with u unwrapped around the pixel centre (it may run below 0 or past one turn);
/// the parts of a footprint beyond the turn are folded back (wrap at 0/360°), parts outside the grid are dropped.
/// A fraction is the footprint area inside a bin over the whole footprint area, so pixels cut by the grid edge
/// contribute only their inside part.
/// </summary>
internal sealed class FootprintBinner
{
    private readonly double _qMin, _invDq, _phiMin, _invDphi;
    private readonly int _nq, _nphi;
    private readonly double _turn; // one full turn (360°) in φ-bin units
    private readonly bool[] _qActive;

    public FootprintBinner(RemapBins bins, bool[] qActive)
    {
        _qMin = bins.QMin;
        _invDq = 1.0 / bins.QStep;
        _phiMin = bins.PhiMin;
        _invDphi = 1.0 / bins.PhiStep;
        _nq = bins.QCount;
        _nphi = bins.PhiCount;
        _turn = bins.IsFullCircle ? bins.PhiCount : 360.0 * _invDphi;
        _qActive = qActive;
    }

    /// <summary>One turn in u units.</summary>
    public double Turn => _turn;

    /// <summary>q (Å⁻¹) → f.</summary>
    public double F(double q) => (q - _qMin) * _invDq;

    /// <summary>φ (degrees) → u in [0, turn).</summary>
    public double U(double phi)
    {
        double d = (phi - _phiMin) % 360.0;
        if (d < 0)
        {
            d += 360.0;
        }

        return d * _invDphi;
    }

    /// <summary>φ difference (degrees) → u difference, wrapped to half a turn either way.</summary>
    public double DeltaU(double dphi)
    {
        double d = dphi % 360.0;
        if (d > 180)
        {
            d -= 360;
        }
        else if (d <= -180)
        {
            d += 360;
        }

        return d * _invDphi;
    }

    /// <summary>The bin holding point (f, u), if any and active.</summary>
    public bool TryPoint(double f, double u, out int bin)
    {
        bin = -1;
        if (!(f >= 0 && f < _nq) || !(u >= 0 && u < _nphi))
        {
            return false; // also rejects NaN
        }

        int iq = (int)f;
        if (!_qActive[iq])
        {
            return false;
        }

        bin = iq * _nphi + Math.Min((int)u, _nphi - 1);
        return true;
    }

    /// <summary>Adds a uniform rectangle [f0, f1] × [u0, u1] (u unwrapped).</summary>
    public void AddRectangle(double f0, double f1, double u0, double u1, PixelEntries sink)
    {
        const double Thin = 1e-9;
        bool pointF = f1 - f0 < Thin;
        bool pointU = u1 - u0 < Thin;
        double invF = pointF ? 0 : 1.0 / (f1 - f0);
        double invU = pointU ? 0 : 1.0 / (u1 - u0);
        int kq0 = pointF ? (int)Math.Floor(f0) : Math.Max(0, (int)Math.Floor(f0));
        int kq1 = pointF ? kq0 : Math.Min(_nq - 1, (int)Math.Floor(f1));
        for (int kq = Math.Max(0, kq0); kq <= Math.Min(_nq - 1, kq1); kq++)
        {
            if (!_qActive[kq])
            {
                continue;
            }

            double wq = pointF ? 1.0 : (Math.Min(f1, kq + 1) - Math.Max(f0, kq)) * invF;
            if (wq <= 0)
            {
                continue;
            }

            for (int turnIndex = -1; turnIndex <= 1; turnIndex++)
            {
                double a = u0 + turnIndex * _turn, b = u1 + turnIndex * _turn;
                if (b < 0 || a >= _nphi)
                {
                    continue;
                }

                if (pointU)
                {
                    if (a >= 0 && a < _nphi)
                    {
                        sink.Add(kq * _nphi + Math.Min((int)a, _nphi - 1), wq);
                    }

                    continue;
                }

                int ku0 = Math.Max(0, (int)Math.Floor(a)), ku1 = Math.Min(_nphi - 1, (int)Math.Floor(b));
                for (int ku = ku0; ku <= ku1; ku++)
                {
                    double wu = (Math.Min(b, ku + 1) - Math.Max(a, ku)) * invU;
                    if (wu > 0)
                    {
                        sink.Add(kq * _nphi + ku, wq * wu);
                    }
                }
            }
        }
    }

    /// <summary>Adds a polygon with vertices (fs[i], us[i]) by exact intersection areas with the bins.</summary>
    public void AddPolygon(ReadOnlySpan<double> fs, ReadOnlySpan<double> us, PixelEntries sink)
    {
        double minF = double.MaxValue, maxF = double.MinValue, minU = double.MaxValue, maxU = double.MinValue;
        for (int i = 0; i < fs.Length; i++)
        {
            minF = Math.Min(minF, fs[i]);
            maxF = Math.Max(maxF, fs[i]);
            minU = Math.Min(minU, us[i]);
            maxU = Math.Max(maxU, us[i]);
        }

        if (maxF < 0 || minF >= _nq)
        {
            return;
        }

        // Fast path: the whole footprint inside one bin (most pixels).
        int fq = (int)Math.Floor(minF), fu = (int)Math.Floor(minU);
        if (fq == (int)Math.Floor(maxF) && fu == (int)Math.Floor(maxU) && fu >= 0 && fu < _nphi && fq >= 0)
        {
            if (_qActive[fq])
            {
                sink.Add(fq * _nphi + fu, 1.0);
            }

            return;
        }

        double area = Math.Abs(PolygonClipper.Area(fs, us));
        if (!(area > 1e-12))
        {
            AddRectangle(minF, maxF, minU, maxU, sink); // degenerate footprint: fall back to its box
            return;
        }

        double invArea = 1.0 / area;
        Span<double> sf = stackalloc double[PolygonClipper.MaxVertices];
        Span<double> su = stackalloc double[PolygonClipper.MaxVertices];
        Span<double> stripF = stackalloc double[PolygonClipper.MaxVertices];
        Span<double> stripU = stackalloc double[PolygonClipper.MaxVertices];
        Span<double> cellF = stackalloc double[PolygonClipper.MaxVertices];
        Span<double> cellU = stackalloc double[PolygonClipper.MaxVertices];
        Span<double> tmpF = stackalloc double[PolygonClipper.MaxVertices];
        Span<double> tmpU = stackalloc double[PolygonClipper.MaxVertices];
        int n = fs.Length;
        int kq0 = Math.Max(0, (int)Math.Floor(minF)), kq1 = Math.Min(_nq - 1, (int)Math.Floor(maxF));
        for (int turnIndex = -1; turnIndex <= 1; turnIndex++)
        {
            double shift = turnIndex * _turn;
            if (maxU + shift < 0 || minU + shift >= _nphi)
            {
                continue;
            }

            for (int i = 0; i < n; i++)
            {
                sf[i] = fs[i];
                su[i] = us[i] + shift;
            }

            for (int kq = kq0; kq <= kq1; kq++)
            {
                if (!_qActive[kq])
                {
                    continue;
                }

                int m = PolygonClipper.Clip(sf[..n], su[..n], kq, keepAbove: true, tmpF, tmpU);
                m = PolygonClipper.Clip(tmpF[..m], tmpU[..m], kq + 1, keepAbove: false, stripF, stripU);
                if (m < 3)
                {
                    continue;
                }

                double lo = double.MaxValue, hi = double.MinValue;
                for (int i = 0; i < m; i++)
                {
                    lo = Math.Min(lo, stripU[i]);
                    hi = Math.Max(hi, stripU[i]);
                }

                int ku0 = Math.Max(0, (int)Math.Floor(lo)), ku1 = Math.Min(_nphi - 1, (int)Math.Floor(hi));
                for (int ku = ku0; ku <= ku1; ku++)
                {
                    // Clip along u: swap the roles of the coordinate arrays.
                    int c = PolygonClipper.Clip(stripU[..m], stripF[..m], ku, keepAbove: true, tmpU, tmpF);
                    c = PolygonClipper.Clip(tmpU[..c], tmpF[..c], ku + 1, keepAbove: false, cellU, cellF);
                    if (c < 3)
                    {
                        continue;
                    }

                    double a = Math.Abs(PolygonClipper.Area(cellF[..c], cellU[..c]));
                    if (a > 0)
                    {
                        sink.Add(kq * _nphi + ku, a * invArea);
                    }
                }
            }
        }
    }
}
