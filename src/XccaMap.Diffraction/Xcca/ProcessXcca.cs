using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Disorder;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Xcca;

/// <summary>
/// The cross-correlation step of <c>process</c> (design.md §4 steps 7–8) on the data of its feature pass, so no frame
/// is read again: during the pass every frame's superlattice ring profiles are kept at the CCF's φ resolution
/// (<see cref="RingProfileStore"/>) and its (q, φ) patch around the 200 ring of the atomic lattice is cut from the
/// WAXS feature cake (<see cref="FramePatchStore"/>); after the classification <see cref="Compute"/> correlates each
/// domain's strongest SL ring with AL 200 (<see cref="DomainXcca"/> on <see cref="ProcessRingProfiles"/>; the AL 200
/// profile is the patch's ring window) and fits the domain-averaged 200_AL patch (<see cref="DisorderFit"/>).
/// </summary>
public sealed class ProcessXcca
{
    private readonly XccaProcessingOptions _options;
    private long _nanoseconds;
    private long _frames;

    private ProcessXcca(XccaProcessingOptions options, int phiBins, RingProfileStore superlattice, FramePatchStore patch, Ring q2, string q2Reason)
    {
        _options = options;
        PhiBins = phiBins;
        Superlattice = superlattice;
        Patch = patch;
        Q2Ring = q2;
        Q2Reason = q2Reason;
    }

    /// <summary>Δ bins over 360°.</summary>
    public int PhiBins { get; }

    /// <summary>The SL ring profiles at <see cref="PhiBins"/>.</summary>
    public RingProfileStore Superlattice { get; }

    /// <summary>The per-frame (q, φ) patches around <see cref="Q2Ring"/> (its profile and the disorder fit).</summary>
    public FramePatchStore Patch { get; }

    /// <summary>The atomic-lattice ring every domain correlates with (AL 200, or the configured q2), with its CCF window.</summary>
    public Ring Q2Ring { get; }

    /// <summary>How <see cref="Q2Ring"/> was chosen.</summary>
    public string Q2Reason { get; }

    /// <summary>Per-frame storage, bytes.</summary>
    public long Bytes => Superlattice.Bytes + Patch.Bytes;

    /// <summary>Detector pixel runs the SL ring tables read (to add to the pass's region of interest).</summary>
    public IEnumerable<(int Start, int Length)> PixelRanges => Superlattice.PixelRanges;

    /// <summary>CPU seconds spent on the per-frame work of this step during the feature pass, all threads (thread CPU time; wall time where the OS does not tell, see <see cref="ProfileTimeIsCpu"/>).</summary>
    public double ProfileCpuSeconds => Interlocked.Read(ref _nanoseconds) * 1e-9;

    /// <summary>True when <see cref="ProfileCpuSeconds"/> is thread CPU time (Linux), false when it is thread wall time.</summary>
    public static bool ProfileTimeIsCpu => ThreadCpuClock.IsThreadCpuTime;

    /// <summary>Frames whose profiles were kept.</summary>
    public long Frames => Interlocked.Read(ref _frames);

    /// <summary>
    /// Prepares the step, or returns null (and says why in <paramref name="note"/>) when there is nothing to correlate:
    /// no superlattice or no atomic-lattice ring.
    /// </summary>
    /// <param name="geometry">Per-pixel geometry.</param>
    /// <param name="mask">Scan mask.</param>
    /// <param name="superlattice">The SL rings.</param>
    /// <param name="waxs">The WAXS feature cake (its rings are the AL rings), or null.</param>
    /// <param name="frames">Frame slots.</param>
    /// <param name="options">Settings.</param>
    /// <param name="remap">Remap options of the feature pass (solid angle, polarisation); the SL tables use <see cref="XccaProcessingOptions.Split"/>.</param>
    /// <param name="note">What was chosen, or why nothing is done.</param>
    public static ProcessXcca? Create(PixelGeometry geometry, DetectorMask? mask, IReadOnlyList<Ring> superlattice, BandCake? waxs, int frames,
        XccaProcessingOptions options, RemapOptions remap, out string note)
    {
        ArgumentNullException.ThrowIfNull(superlattice);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(remap);
        if (superlattice.Count == 0 || waxs is null || waxs.Rings.Count == 0)
        {
            note = "xcca: needs a superlattice and an atomic-lattice ring; no CCFs";
            return null;
        }

        // Δ grid: the requested bins rounded up to a multiple of the WAXS cake's, whose AL profiles are repeated onto it.
        int coarse = waxs.PhiCount;
        int phiBins = coarse * Math.Max(1, (int)Math.Ceiling(Math.Max(4, options.PhiBins) / (double)coarse));
        var al = waxs.Rings;
        int q2;
        string reason;
        if (options.Q2 is { } wanted)
        {
            q2 = RingPairSelector.Nearest(al, wanted);
            reason = FormattableString.Invariant($"configured (q2 = {wanted} Å⁻¹)");
        }
        else
        {
            q2 = RingPairSelector.AtomicLattice200(al, al.Select(r => r.RelativeHeight).ToArray(), out reason);
            reason = q2 >= 0 && al[q2].Hkl != "200" && reason.StartsWith("strongest", StringComparison.Ordinal) ? reason + " in the scan average" : reason;
        }

        var ring = al[q2];
        FramePatchStore patch;
        try
        {
            patch = new FramePatchStore(waxs.Table, ring.LowerBand.Min, ring.UpperBand.Max, frames);
        }
        catch (ArgumentException e)
        {
            note = $"xcca: no (q, φ) patch of {ring.Name} in the WAXS cake ({e.Message}); no CCFs";
            return null;
        }

        var windows = superlattice.Select(r => CcfWindow(r, options.WindowFwhm)).ToList();
        var store = new RingProfileStore(geometry, mask, windows, phiBins, frames, remap with { Split = options.Split }, options.MinCoverage);
        note = FormattableString.Invariant(
            $"xcca: Δ step {360.0 / phiBins:0.###}° ({phiBins} bins); q1 = each SAXS class's strongest of {superlattice.Count} SL rings ({store.Entries} remap entries, split {options.Split.ToString().ToLowerInvariant()}); q2 = {ring.Name} ({reason}) from its (q, φ) patch in the WAXS cake ({patch.Bins.QCount} q × {coarse} φ bins, repeated ×{phiBins / coarse}); {(store.Bytes + patch.Bytes) / 1048576.0:0.#} MB kept for {frames} frames");
        return new ProcessXcca(options, phiBins, store, patch, CcfWindow(ring, options.WindowFwhm), reason);
    }

    /// <summary>The ring with its window narrowed to Q ± <paramref name="fwhms"/>·FWHM (within its analysis window).</summary>
    public static Ring CcfWindow(Ring ring, double fwhms)
    {
        ArgumentNullException.ThrowIfNull(ring);
        if (!(ring.Fwhm > 0) || !(fwhms > 0))
        {
            return ring;
        }

        double half = fwhms * ring.Fwhm;
        return ring with { QMin = Math.Max(ring.QMin, ring.Q - half), QMax = Math.Min(ring.QMax, ring.Q + half) };
    }

    /// <summary>Per-thread state for the feature pass.</summary>
    public Worker CreateWorker() => new(this);

    /// <summary>
    /// Correlates and fits every domain of <paramref name="domainOfFrame"/> (index = frame; negative = no domain).
    /// </summary>
    /// <param name="hasData">Per frame: read and analysed.</param>
    /// <param name="domainOfFrame">Domain id per frame.</param>
    /// <param name="names">Domain names for the results, or null.</param>
    public IReadOnlyList<DomainXccaResult> Compute(bool[] hasData, IReadOnlyList<int> domainOfFrame, IReadOnlyDictionary<int, string>? names)
    {
        ArgumentNullException.ThrowIfNull(hasData);
        ArgumentNullException.ThrowIfNull(domainOfFrame);
        var source = new ProcessRingProfiles(Superlattice, Patch, Q2Ring, hasData, PhiBins, _options.MinCoverage);
        var peaks = new Dictionary<int, PeakPatch>();
        int n = Math.Min(domainOfFrame.Count, hasData.Length);
        foreach (var group in Enumerable.Range(0, n).Where(f => hasData[f] && domainOfFrame[f] >= 0).GroupBy(f => domainOfFrame[f]))
        {
            var sums = Patch.Sum(group);
            if (sums.Frames > 0)
            {
                peaks[group.Key] = sums.ToPatch();
            }
        }

        var options = new DomainXccaOptions
        {
            Q1 = _options.Q1,
            Q1Reason = _options.Q1 is { } q1 ? FormattableString.Invariant($"configured (q1 = {q1} Å⁻¹)") : null,
            Q2 = Q2Ring.Q,
            Q2Reason = Q2Reason,
            Autocorrelations = _options.Autocorrelations,
            MinFrames = _options.MinFrames,
            DomainNames = names,
        };
        var framesOf = Enumerable.Range(0, n).Where(f => hasData[f] && domainOfFrame[f] >= 0).GroupBy(f => domainOfFrame[f]).ToDictionary(g => g.Key, g => g.ToArray());
        return DomainXcca.Compute(source, domainOfFrame, options, peaks)
            .Select(d => d.Disorder is { Model: { } m } r && framesOf.TryGetValue(d.Domain, out var frames) ? d with { Disorder = CheckPresence(r, PeakPresence(Patch, frames, m)) } : d)
            .ToList();
    }

    /// <summary>Adds the presence to the fit and rejects a successful fit of a peak the domain's frames do not carry.</summary>
    private DisorderResult CheckPresence(DisorderResult r, double presence)
    {
        r = r with { PeakPresence = presence };
        return r.Success && presence < _options.MinPeakPresence
            ? r with
            {
                Success = false,
                Message = FormattableString.Invariant($"the 200_AL peak at φ = {r.PhiDeg.Value:F1}° is carried by few of the domain's frames (median/mean core excess {presence:F2} < {_options.MinPeakPresence}): not the domain's own spot"),
            }
            : r;
    }

    /// <summary>
    /// Median over <paramref name="frames"/> of the excess of the peak core (q0 ± FWHM_q/2, φ0 ± FWHM_az/2, at least one
    /// bin) over the fitted background plane, divided by its mean; NaN with fewer than 5 frames or a non-positive mean.
    /// </summary>
    private static double PeakPresence(FramePatchStore patch, int[] frames, PeakModel m)
    {
        if (frames.Length < 5)
        {
            return double.NaN;
        }

        var bins = patch.Bins;
        int np = bins.PhiCount;
        double hq = Math.Max(0.5 * DisorderFit.FwhmPerSigma * m.SigmaQ, 0.5 * bins.QStep);
        double hp = Math.Max(0.5 * DisorderFit.FwhmPerSigma * m.SigmaPhiDeg, 0.5 * bins.PhiStep);
        var core = new List<(int K, double Background)>();
        for (int k = 0; k < patch.PatchBin.Length; k++)
        {
            int b = patch.PatchBin[k];
            double q = bins.QCentre(b / np), phi = bins.PhiCentre(b % np);
            if (Math.Abs(q - m.Q0) <= hq && Math.Abs(PeakModel.Unwrap(phi, m.Phi0Deg) - m.Phi0Deg) <= hp)
            {
                core.Add((k, m.BackgroundAt(q, phi)));
            }
        }

        var norm = patch.Normalisation;
        var excess = new List<double>(frames.Length);
        foreach (int f in frames)
        {
            var means = patch.Means(f);
            double s = 0, w = 0;
            foreach (var (k, background) in core)
            {
                double v = (double)means[k];
                if (double.IsFinite(v))
                {
                    s += (v - background) * norm[k];
                    w += norm[k];
                }
            }

            if (w > 0)
            {
                excess.Add(s / w);
            }
        }

        if (excess.Count < 5)
        {
            return double.NaN;
        }

        double mean = excess.Average();
        excess.Sort();
        double median = excess.Count % 2 == 1 ? excess[excess.Count / 2] : 0.5 * (excess[(excess.Count / 2) - 1] + excess[excess.Count / 2]);
        return mean > 0 ? median / mean : 0;
    }

    /// <summary>One thread's accumulators and scratch; nothing is allocated per frame.</summary>
    public sealed class Worker
    {
        private readonly ProcessXcca _owner;
        private readonly RingProfileStore.Worker _superlattice;

        internal Worker(ProcessXcca owner)
        {
            _owner = owner;
            _superlattice = owner.Superlattice.CreateWorker();
        }

        /// <summary>
        /// Keeps frame <paramref name="index"/>'s SL ring profiles (best called right after the SAXS band was remapped:
        /// the ring pixels are then still in the cache).
        /// </summary>
        /// <param name="frame">The frame's pixels.</param>
        /// <param name="index">Frame slot.</param>
        public void ProcessSuperlattice(ReadOnlySpan<uint> frame, int index)
        {
            long t0 = ThreadCpuClock.NowNanoseconds();
            _superlattice.Process(frame, index);
            Interlocked.Add(ref _owner._nanoseconds, ThreadCpuClock.NowNanoseconds() - t0);
            Interlocked.Increment(ref _owner._frames);
        }

        /// <summary>Keeps frame <paramref name="index"/>'s 200_AL patch from its sums on the WAXS feature cake.</summary>
        /// <param name="index">Frame slot.</param>
        /// <param name="waxs">The frame's sums on the WAXS feature cake (already integrated).</param>
        public void StorePatch(int index, RemapAccumulator waxs)
        {
            long t0 = ThreadCpuClock.NowNanoseconds();
            _owner.Patch.Store(index, waxs);
            Interlocked.Add(ref _owner._nanoseconds, ThreadCpuClock.NowNanoseconds() - t0);
        }
    }
}
