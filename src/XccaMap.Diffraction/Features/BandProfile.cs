using XccaMap.Diffraction.Remap;

namespace XccaMap.Diffraction.Features;

/// <summary>
/// Angular profiles of a whole band in a few wide q sub-bands, insensitive to small radial shifts of the peaks:
/// B_k(φ) = Σ_{q ∈ sub-band k} [S(q, φ) − N(q, φ)·m(q)] / Σ N(q, φ), the mean excess over the isotropic level m(q)
/// (the median over φ at each q) of the sub-band's pixels at that φ; σ_k(φ) = √Σ S / Σ N (Poisson).
/// Superlattice spots move radially where the lattice is compressed near domain boundaries (by up to ~10 %, more
/// than the gap between neighbouring rings) but not in φ; sub-bands equally wide in ln q (≈ 40–60 % each) keep a
/// domain's points together where ring windows would lose a spot that left its window, and still tell apart two
/// orientations whose strongest spots share an azimuth but not a q. The median is taken over groups of a few q bins
/// (≈ 0.002 Å⁻¹) to keep it cheap and less noisy.
/// </summary>
public sealed class BandProfile
{
    private readonly int _qCount;
    private readonly int _phiCount;
    private readonly int _group;
    private readonly int[] _subBandOfQ;
    private readonly bool[] _valid;

    /// <summary>Prepares the profiles for a table (several φ bins).</summary>
    /// <param name="table">The band's cake.</param>
    /// <param name="minCoverage">φ bins with fewer pixels than this fraction of the best-covered one are invalid.</param>
    /// <param name="subBands">Sub-bands, equally wide in ln q (≥ 1).</param>
    public BandProfile(RemapTable table, double minCoverage, int subBands = 1)
    {
        ArgumentNullException.ThrowIfNull(table);
        var bins = table.Bins;
        _qCount = bins.QCount;
        _phiCount = bins.PhiCount;
        _group = Math.Max(1, (int)Math.Round(0.002 / bins.QStep));
        SubBands = Math.Max(1, subBands);
        double lnLo = Math.Log(Math.Max(bins.QMin, 1e-6)), lnHi = Math.Log(bins.QMax);
        _subBandOfQ = new int[_qCount];
        for (int iq = 0; iq < _qCount; iq++)
        {
            // Whole median groups stay in one sub-band (the group's first bin decides).
            int head = iq / _group * _group;
            double t = (Math.Log(Math.Max(bins.QCentre(head), 1e-6)) - lnLo) / (lnHi - lnLo);
            _subBandOfQ[iq] = Math.Clamp((int)(t * SubBands), 0, SubBands - 1);
        }

        var count = table.CountSum;
        var perPhi = new double[SubBands * _phiCount];
        for (int iq = 0; iq < _qCount; iq++)
        {
            for (int j = 0; j < _phiCount; j++)
            {
                perPhi[(_subBandOfQ[iq] * _phiCount) + j] += count[(iq * _phiCount) + j];
            }
        }

        _valid = new bool[SubBands * _phiCount];
        for (int k = 0; k < SubBands; k++)
        {
            var row = perPhi.AsSpan(k * _phiCount, _phiCount);
            double max = 0;
            foreach (double c in row)
            {
                max = Math.Max(max, c);
            }

            for (int j = 0; j < _phiCount; j++)
            {
                _valid[(k * _phiCount) + j] = max > 0 && row[j] >= minCoverage * max;
            }
        }
    }

    /// <summary>Number of sub-bands.</summary>
    public int SubBands { get; }

    /// <summary>Valid φ bins of sub-band <paramref name="k"/>.</summary>
    public ReadOnlySpan<bool> Valid(int k) => _valid.AsSpan(k * _phiCount, _phiCount);

    /// <summary>Values per frame: SubBands × PhiCount.</summary>
    public int Length => SubBands * _phiCount;

    /// <summary>Scratch doubles <see cref="Compute"/> needs.</summary>
    public int ScratchLength => (3 * Length) + _phiCount;

    /// <summary>Computes B_k(φ) and σ_k(φ) (sub-band-major, <see cref="Length"/> values each) from one frame's sums; 0 where invalid.</summary>
    public void Compute(ReadOnlySpan<double> signal, ReadOnlySpan<double> normalisation, Span<float> net, Span<float> sigma, Span<double> scratch)
    {
        int np = _phiCount, n = Length;
        var excess = scratch[..n];
        var norm = scratch.Slice(n, n);
        var counts = scratch.Slice(2 * n, n);
        var level = scratch.Slice(3 * n, np);
        excess.Clear();
        norm.Clear();
        counts.Clear();
        for (int q0 = 0; q0 < _qCount; q0 += _group)
        {
            int q1 = Math.Min(_qCount, q0 + _group);
            int k = _subBandOfQ[q0];
            var valid = _valid.AsSpan(k * np, np);

            // Isotropic level of this q group: median over valid φ of Σ S / Σ N.
            int m = 0;
            for (int j = 0; j < np; j++)
            {
                double s = 0, w = 0;
                for (int iq = q0; iq < q1; iq++)
                {
                    s += signal[(iq * np) + j];
                    w += normalisation[(iq * np) + j];
                }

                if (valid[j] && w > 0)
                {
                    level[m++] = s / w;
                }
            }

            if (m == 0)
            {
                continue;
            }

            level[..m].Sort();
            double median = m % 2 == 1 ? level[m / 2] : 0.5 * (level[(m / 2) - 1] + level[m / 2]);
            int offset = k * np;
            for (int iq = q0; iq < q1; iq++)
            {
                for (int j = 0; j < np; j++)
                {
                    double s = signal[(iq * np) + j], w = normalisation[(iq * np) + j];
                    excess[offset + j] += s - (w * median);
                    norm[offset + j] += w;
                    counts[offset + j] += s;
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            bool ok = _valid[i] && norm[i] > 0;
            net[i] = ok ? (float)(excess[i] / norm[i]) : 0;
            sigma[i] = ok ? (float)(Math.Sqrt(Math.Max(counts[i], 1)) / norm[i]) : 0;
        }
    }
}
