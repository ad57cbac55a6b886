using XccaMap.Detector.Geometry;
using XccaMap.Diffraction.Disorder;
using XccaMap.Diffraction.Features;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;
using XccaMap.Diffraction.Xcca;

namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>
/// The cross-correlation step of <c>process</c> on synthetic frames with known spots (fast): a 500 × 500 detector with
/// the beam near a corner, a superlattice ring at q = 0.3 Å⁻¹ seen whole and an atomic-lattice ring at 1.2 Å⁻¹ seen
/// over ~120°. Domain 0 has SL spots at 10° + 90°k and one AL spot at 55°, so its CCF peaks at Δ = 45° + 90°k;
/// domain 1 has its SL spots turned by 20° (peaks at Δ = 25° + 90°k) and a broader AL spot.
/// </summary>
public sealed class ProcessXccaTests
{
    private const double SigmaQ = 0.02;

    private static readonly Ring Sl = new(RingKind.Superlattice, 0.30, 0.29, 0.31, 0.01, 5) { Hkl = "200" };
    private static readonly Ring Al = new(RingKind.AtomicLattice, 1.20, 1.20 - (2.3548 * SigmaQ), 1.20 + (2.3548 * SigmaQ), 2.3548 * SigmaQ, 1) { Hkl = "200" };

    private static readonly PixelGeometry Geometry = PixelGeometry.Create(
        new PoniGeometry(0.2, 80 * 75e-6, 80 * 75e-6, 0, 0, 0, 0.5e-10, DetectorSpec.Generic(75e-6, 75e-6, new DetectorShape(500, 500))), new DetectorShape(500, 500));

    /// <summary>(domain, SL rotation, AL spot azimuth, AL σφ) of each frame; −1 = no domain.</summary>
    private static readonly (int Domain, double SlRotation, double AlPhi, double AlSigmaPhi)[] FrameSpecs =
    [
        (0, 0, 55, 6), (0, 0, 55, 6), (0, 0, 55, 6), (1, 20, 55, 8), (1, 20, 55, 8), (-1, 45, 20, 6),
    ];

    private static uint[] Frame(double slRotation, double alPhi, double alSigmaPhi, double alAmplitude = 400)
    {
        var q = Geometry.Q.Span;
        var phi = Geometry.Phi.Span;
        var frame = new uint[q.Length];
        for (int i = 0; i < frame.Length; i++)
        {
            double v = 5;
            double dq = q[i] - Sl.Q;
            if (Math.Abs(dq) < 0.02)
            {
                for (int k = 0; k < 4; k++)
                {
                    double d = Wrap(phi[i] - (10 + slRotation + (90 * k)));
                    v += 200 * Math.Exp((-0.5 * dq * dq / (0.004 * 0.004)) - (0.5 * d * d / 9));
                }
            }

            dq = q[i] - Al.Q;
            if (Math.Abs(dq) < 0.2)
            {
                double d = Wrap(phi[i] - alPhi);
                v += alAmplitude * Math.Exp((-0.5 * dq * dq / (SigmaQ * SigmaQ)) - (0.5 * d * d / (alSigmaPhi * alSigmaPhi)));
            }

            frame[i] = (uint)Math.Round(v);
        }

        return frame;
    }

    private static double Wrap(double d) => d - (360 * Math.Round(d / 360));

    /// <summary>Runs the step as process does: the WAXS cake per frame in the pass, then per domain.</summary>
    private static (ProcessXcca Xcca, IReadOnlyList<DomainXccaResult> Domains) Run(XccaProcessingOptions options)
    {
        var waxs = new BandCake(RemapTable.Build(Geometry, null, RemapBins.Cake(1.08, 1.32, 48, 180)), [Al]);
        var xcca = ProcessXcca.Create(Geometry, null, [Sl], waxs, FrameSpecs.Length, options, new RemapOptions(), out string note)!;
        Assert.NotNull(xcca);
        Assert.Contains("q2 = al_200 (AL ring indexed 200)", note, StringComparison.Ordinal);
        var accumulator = new RemapAccumulator(waxs.Table);
        var worker = xcca.CreateWorker();
        for (int f = 0; f < FrameSpecs.Length; f++)
        {
            var (_, rot, alPhi, alSigma) = FrameSpecs[f];
            var frame = Frame(rot, alPhi, alSigma);
            worker.ProcessSuperlattice(frame, f);
            waxs.Table.Integrate(frame, accumulator);
            worker.StorePatch(f, accumulator);
        }

        var hasData = Enumerable.Repeat(true, FrameSpecs.Length).ToArray();
        var domains = xcca.Compute(hasData, FrameSpecs.Select(s => s.Domain).ToArray(), new Dictionary<int, string> { [0] = "saxs_class_1", [1] = "saxs_class_2" });
        return (xcca, domains);
    }

    [Fact]
    public void Each_domain_correlates_its_SL_ring_with_AL_200_at_one_degree()
    {
        var (xcca, domains) = Run(new XccaProcessingOptions());
        Assert.Equal(360, xcca.PhiBins);
        Assert.Equal(FrameSpecs.Length, xcca.Frames);
        Assert.Equal([0, 1], domains.Select(d => d.Domain));
        Assert.Equal([3L, 2L], domains.Select(d => d.Frames));
        foreach (var (d, expected) in domains.Zip(new[] { 45.0, 25.0 }))
        {
            Assert.Equal(360, d.Ccf.Bins);
            Assert.Equal("sl_200", d.Pair.Q1Label);
            Assert.Equal("al_200", d.Pair.Q2Label);
            Assert.Equal("q1: strongest SL ring of the domain; q2: AL ring indexed 200", d.PairSource);

            // The CCF window is the ring's core, ±HWHM.
            Assert.Equal(Sl.Q - (0.5 * Sl.Fwhm), d.Pair.Q1.QMin, 9);
            Assert.Equal(Al.Q + (0.5 * Al.Fwhm), d.Pair.Q2.QMax, 9);
            int peak = Array.IndexOf(d.Ccf.Scaled, d.Ccf.Scaled.Max());
            double miss = Math.Abs(Wrap90(d.Ccf.DeltaDeg[peak] - expected));
            Assert.True(miss <= 1.5, $"domain {d.Domain}: CCF maximum at Δ = {d.Ccf.DeltaDeg[peak]}°, expected {expected}° + 90°k");
            Assert.NotNull(d.AutoQ1);
            Assert.NotNull(d.AutoQ2);
        }
    }

    [Fact]
    public void The_disorder_fit_uses_each_domains_averaged_200_patch()
    {
        var (_, domains) = Run(new XccaProcessingOptions());
        foreach (var (d, sigmaPhi) in domains.Zip(new[] { 6.0, 8.0 }))
        {
            var r = d.Disorder!;
            Assert.True(r.Success, r.Message);
            double az = 2.3548 * sigmaPhi, rad = 2.3548 * SigmaQ / Al.Q * 180 / Math.PI;

            // 2° φ bins of the WAXS cake and the pixel size broaden the peak slightly (σ² + w²/12).
            Assert.Equal(az, r.FwhmAzDeg.Value, 0.3);
            Assert.Equal(rad, r.FwhmRadDeg.Value, 0.1);
            Assert.Equal(Math.Sqrt((az * az) - (rad * rad)), r.DeltaPhiDeg.Value, 0.3);
            Assert.Equal(55, r.PhiDeg.Value, 0.5);
            var cuts = r.Cuts!;
            Assert.Equal(cuts.Q.Length, cuts.RadialFit.Length);
            int top = Array.IndexOf(cuts.AzimuthalFit, cuts.AzimuthalFit.Max());
            Assert.Equal(55, cuts.PhiDeg[top], 2.5);
        }
    }

    [Fact]
    public void A_200_peak_carried_by_a_few_frames_is_not_the_domains_disorder()
    {
        // Eight frames of one domain whose own 200 spot does not reach the detector; one of them (a misclassified
        // point of another domain) carries a strong one. The averaged patch shows a clean peak; its median frame does not.
        var r = Intruder(new XccaProcessingOptions());
        Assert.False(r.Success);
        Assert.Contains("carried by few of the domain's frames", r.Message, StringComparison.Ordinal);
        Assert.InRange(r.PeakPresence, -0.2, 0.2);
        Assert.Equal(2.3548 * 6, r.FwhmAzDeg.Value, 0.3); // the fit itself is fine: it measured the intruder's spot

        Assert.True(Intruder(new XccaProcessingOptions { MinPeakPresence = 0 }).Success); // check off

        // A domain's own spot is in every frame: presence ≈ 1; with fewer than 5 frames it is not judged.
        var own = Intruder(new XccaProcessingOptions(), everyFrame: true);
        Assert.True(own.Success, own.Message);
        Assert.InRange(own.PeakPresence, 0.9, 1.1);
        Assert.All(Run(new XccaProcessingOptions()).Domains, d => Assert.True(double.IsNaN(d.Disorder!.PeakPresence)));
    }

    private static DisorderResult Intruder(XccaProcessingOptions options, bool everyFrame = false)
    {
        const int frames = 8;
        var waxs = new BandCake(RemapTable.Build(Geometry, null, RemapBins.Cake(1.08, 1.32, 48, 180)), [Al]);
        var xcca = ProcessXcca.Create(Geometry, null, [Sl], waxs, frames, options, new RemapOptions(), out _)!;
        var accumulator = new RemapAccumulator(waxs.Table);
        var worker = xcca.CreateWorker();
        for (int f = 0; f < frames; f++)
        {
            var frame = Frame(0, 55, 6, alAmplitude: everyFrame ? 400 : f == 3 ? 3000 : 0);
            worker.ProcessSuperlattice(frame, f);
            waxs.Table.Integrate(frame, accumulator);
            worker.StorePatch(f, accumulator);
        }

        return Assert.Single(xcca.Compute(Enumerable.Repeat(true, frames).ToArray(), new int[frames], null)).Disorder!;
    }

    [Fact]
    public void Configured_windows_and_coarser_steps_are_honoured()
    {
        var (xcca, domains) = Run(new XccaProcessingOptions { PhiBins = 250, WindowFwhm = 1, Autocorrelations = false, MinFrames = 3 });
        Assert.Equal(360, xcca.PhiBins); // rounded up to a multiple of the WAXS cake's 180 bins
        var d = Assert.Single(domains); // domain 1 has 2 frames
        Assert.Equal(Sl.QMin, d.Pair.Q1.QMin, 9);
        Assert.Null(d.AutoQ1);
    }

    [Fact]
    public void Frames_without_data_are_left_out_of_the_profiles()
    {
        var waxs = new BandCake(RemapTable.Build(Geometry, null, RemapBins.Cake(1.08, 1.32, 48, 180)), [Al]);
        var patch = new FramePatchStore(waxs.Table, Al.LowerBand.Min, Al.UpperBand.Max, 2);
        var store = new RingProfileStore(Geometry, null, [Sl], 360, 2, new RemapOptions(), 0);
        var frame = Frame(0, 55, 6);
        var acc = new RemapAccumulator(waxs.Table);
        waxs.Table.Integrate(frame, acc);
        patch.Store(0, acc);
        store.CreateWorker().Process(frame, 0);
        var source = new ProcessRingProfiles(store, patch, Al, [true, false], 360);
        Assert.Equal(2, source.AtomicRepeat);
        Assert.Equal([Sl, Al], source.Rings);
        double[] i = new double[360], w = new double[360];
        Assert.False(source.TryRead(1, 0, i, w));
        Assert.True(source.TryRead(0, 1, i, w));

        // The AL profile: 2° bins repeated onto the 1° grid, measured over the arc the detector sees, peaked at 55°.
        for (int j = 0; j < 360; j += 2)
        {
            Assert.Equal(i[j], i[j + 1]);
            Assert.Equal(w[j], w[j + 1]);
        }

        Assert.Contains(0.0, w);
        Assert.InRange(Array.IndexOf(i, i.Max()), 53, 57);

        // The SL ring is seen whole; its profile peaks at the spots (10° + 90°k).
        Assert.True(source.TryRead(0, 0, i, w));
        Assert.DoesNotContain(0.0, w);
        Assert.InRange(Array.IndexOf(i, i.Max()) % 90, 9, 11);
    }

    [Fact]
    public void Patch_sums_from_stored_frames_equal_the_sums_of_the_frames_remap()
    {
        var table = RemapTable.Build(Geometry, null, RemapBins.Cake(1.08, 1.32, 48, 180));
        var store = new FramePatchStore(table, 1.12, 1.28, 3);
        var direct = new PatchSums(store.Bins);
        var acc = new RemapAccumulator(table);
        var sub = new RemapAccumulator(RemapTable.Build(Geometry, null, store.Bins));
        for (int f = 0; f < 3; f++)
        {
            var frame = Frame(10 * f, 40 + (5 * f), 6);
            table.Integrate(frame, acc);
            store.Store(f, acc);
            sub.Table.Integrate(frame, sub);
            direct.Add(sub);
        }

        var fromStore = store.Sum([0, 1, 2]).ToPatch();
        var reference = direct.ToPatch();
        Assert.Equal(reference.Q, fromStore.Q);
        Assert.Equal(3, store.Sum([0, 1, 2]).Frames);
        for (int b = 0; b < reference.Intensity.Length; b++)
        {
            double x = reference.Intensity[b], y = fromStore.Intensity[b];
            Assert.True(double.IsNaN(x) == double.IsNaN(y), $"bin {b}: {x} vs {y}");
            if (double.IsFinite(x))
            {
                Assert.Equal(x, y, Math.Max(1e-9, 1e-3 * Math.Abs(x))); // half-float storage: 3 significant digits
                Assert.Equal(reference.Sigma[b], fromStore.Sigma[b], Math.Max(1e-9, 1e-3 * reference.Sigma[b]));
            }
        }

        Assert.True(store.BinsPerFrame < store.Bins.BinCount); // the arc the detector does not see is not stored
    }

    [Fact]
    public void The_CCF_window_is_the_ring_core_within_its_analysis_window()
    {
        var w = ProcessXcca.CcfWindow(Al, 0.5);
        Assert.Equal(Al.Q - (0.5 * Al.Fwhm), w.QMin, 12);
        Assert.Equal(Al.Q + (0.5 * Al.Fwhm), w.QMax, 12);
        Assert.Equal(Al.QMin, ProcessXcca.CcfWindow(Al, 5).QMin);
        var noFwhm = Al with { Fwhm = 0 };
        Assert.Same(noFwhm, ProcessXcca.CcfWindow(noFwhm, 0.5));
    }

    private static double Wrap90(double d) => d - (90 * Math.Round(d / 90));
}
