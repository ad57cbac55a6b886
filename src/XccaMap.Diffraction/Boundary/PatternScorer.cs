namespace XccaMap.Diffraction.Boundary;

/// <summary>
/// How well simulated spots explain a <see cref="MeasuredCake"/>: the spots are drawn into the cake (linear
/// intensities, ±4σ), their square root m̂ compared with the measured root m by weighted least squares with a free
/// non-negative amplitude, and the score is the explained fraction (m·m̂)²/(m̂·m̂)/(m·m) ∈ [0, 1].
/// The amplitude is either one per reflection family (same h² + k² + l²: the nanocrystal form factor, which the model
/// may not know, drops out) or one overall with fixed relative family factors (calibrated on the bulk, so that a
/// family the model predicts but the data lack costs score). One scorer per thread: it owns its scratch.
/// </summary>
public sealed class PatternScorer
{
    private const double Reach = 4.0;
    private readonly CakeGrid _grid;
    private readonly double[] _model;
    private readonly int[] _familyOfBin;
    private readonly int[] _touched;
    private readonly bool[] _isTouched;
    private readonly double[] _dot;
    private readonly double[] _pp;
    private int _touchedCount;
    private int[] _phiColumn = new int[64];
    private double[] _phiWeight = new double[64];

    /// <summary>Creates a scorer for cakes on <paramref name="grid"/> with <paramref name="families"/> reflection families.</summary>
    public PatternScorer(CakeGrid grid, int families)
    {
        _grid = grid;
        _model = new double[grid.BinCount];
        _familyOfBin = new int[grid.BinCount];
        _touched = new int[grid.BinCount];
        _isTouched = new bool[grid.BinCount];
        _dot = new double[families];
        _pp = new double[families];
    }

    /// <summary>Per family, m·m̂ of the last <see cref="Score"/> call.</summary>
    public ReadOnlySpan<double> FamilyDot => _dot;

    /// <summary>Per family, m̂·m̂ of the last <see cref="Score"/> call.</summary>
    public ReadOnlySpan<double> FamilyNorm => _pp;

    /// <summary>Explained fraction of <paramref name="measured"/> by <paramref name="spots"/>.</summary>
    /// <param name="measured">The measured cake.</param>
    /// <param name="spots">Model spots.</param>
    /// <param name="familyFactors">Relative intensity factor per family (one overall amplitude); empty for a free amplitude per family.</param>
    public double Score(MeasuredCake measured, ReadOnlySpan<ModelSpot> spots, ReadOnlySpan<double> familyFactors)
    {
        ArgumentNullException.ThrowIfNull(measured);
        Draw(measured, spots);
        Array.Clear(_dot);
        Array.Clear(_pp);
        var root = measured.Root;
        var weight = measured.Weight;
        for (int t = 0; t < _touchedCount; t++)
        {
            int b = _touched[t];
            double p = Math.Sqrt(_model[b]);
            double w = weight[b];
            int f = _familyOfBin[b];
            _dot[f] += w * root[b] * p;
            _pp[f] += w * p * p;
            _model[b] = 0;
            _isTouched[b] = false;
        }

        _touchedCount = 0;
        if (!(measured.Norm2 > 0))
        {
            return 0;
        }

        double explained;
        if (familyFactors.IsEmpty)
        {
            explained = 0;
            for (int f = 0; f < _dot.Length; f++)
            {
                if (_pp[f] > 0 && _dot[f] > 0)
                {
                    explained += _dot[f] * _dot[f] / _pp[f];
                }
            }
        }
        else
        {
            double dot = 0, pp = 0;
            for (int f = 0; f < _dot.Length; f++)
            {
                double c = familyFactors[f];
                dot += Math.Sqrt(c) * _dot[f];
                pp += c * _pp[f];
            }

            explained = pp > 0 && dot > 0 ? dot * dot / pp : 0;
        }

        return explained / measured.Norm2;
    }

    private void Draw(MeasuredCake measured, ReadOnlySpan<ModelSpot> spots)
    {
        int nq = _grid.QCount, np = _grid.PhiCount;
        double dq = _grid.QStep, dphi = _grid.PhiStep, q0 = _grid.QMin;
        var weight = measured.Weight;
        _touchedCount = 0;
        foreach (var s in spots)
        {
            int iqLo = Math.Max(0, (int)Math.Floor((s.Q - (Reach * s.SigmaQ) - q0) / dq));
            int iqHi = Math.Min(nq - 1, (int)Math.Ceiling((s.Q + (Reach * s.SigmaQ) - q0) / dq));
            if (iqLo > iqHi)
            {
                continue;
            }

            int half = (int)Math.Ceiling(Reach * s.SigmaPhiDeg / dphi) + 1;
            int jc = (int)Math.Floor(s.PhiDeg / dphi);

            // The spot is separable: its azimuthal profile over the bins it reaches, once per spot.
            int width = (2 * half) + 1;
            if (_phiColumn.Length < width)
            {
                _phiColumn = new int[width];
                _phiWeight = new double[width];
            }

            for (int dj = -half; dj <= half; dj++)
            {
                int j = ((jc + dj) % np + np) % np;
                double dp = (((j + 0.5) * dphi) - s.PhiDeg + 540) % 360 - 180;
                _phiColumn[dj + half] = j;
                _phiWeight[dj + half] = Math.Exp(-0.5 * dp * dp / (s.SigmaPhiDeg * s.SigmaPhiDeg));
            }

            for (int iq = iqLo; iq <= iqHi; iq++)
            {
                double u = (q0 + ((iq + 0.5) * dq) - s.Q) / s.SigmaQ;
                double gq = Math.Exp(-0.5 * u * u);
                if (gq < 1e-4)
                {
                    continue;
                }

                for (int k = 0; k < width; k++)
                {
                    int b = (iq * np) + _phiColumn[k];
                    if (!(weight[b] > 0))
                    {
                        continue;
                    }

                    double v = s.Intensity * gq * _phiWeight[k];
                    if (!_isTouched[b])
                    {
                        _isTouched[b] = true;
                        _touched[_touchedCount++] = b;
                        _familyOfBin[b] = s.Family;
                    }

                    _model[b] += v;
                }
            }
        }
    }
}
