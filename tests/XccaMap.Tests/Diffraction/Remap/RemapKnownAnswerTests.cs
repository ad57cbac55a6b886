using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Diffraction.Remap;

namespace XccaMap.Tests.Diffraction.Remap;

public sealed class RemapKnownAnswerTests
{
    private static readonly PixelGeometry Geometry = PixelGeometry.Create(RemapTestData.Tilted());

    public static TheoryData<PixelSplit> Splits => new() { PixelSplit.None, PixelSplit.BoundingBox, PixelSplit.Full };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Ring_at_known_q_on_tilted_detector_peaks_there(PixelSplit split)
    {
        // Draw a ring at q0 by supersampling each pixel 5 × 5 with the double-precision geometry (independent of the
        // float maps and of the binning), then find it in the radial profile.
        const double q0 = 1.0, sigma = 0.004;
        var frame = new float[Geometry.Shape.PixelCount];
        for (int r = 0; r < Geometry.Shape.Rows; r++)
        {
            for (int c = 0; c < Geometry.Shape.Cols; c++)
            {
                double sum = 0;
                for (int a = 0; a < 5; a++)
                {
                    for (int b = 0; b < 5; b++)
                    {
                        double x = (Geometry.Evaluate(r + (a + 0.5) / 5, c + (b + 0.5) / 5).Q - q0) / sigma;
                        sum += Math.Exp(-0.5 * x * x);
                    }
                }

                frame[r * Geometry.Shape.Cols + c] = (float)(1000 * sum / 25);
            }
        }

        var table = RemapTable.Build(Geometry, null, RemapBins.Radial(0.9, 1.1, 200), new RemapOptions { Split = split, CorrectSolidAngle = false });
        var acc = new RemapAccumulator(table);
        table.Integrate(frame, acc);
        var profile = RadialProfile.From(acc);
        int peak = profile.PeakIndex();
        Assert.InRange(profile.Q[peak], q0 - table.Bins.QStep, q0 + table.Bins.QStep);

        // Centroid over ±4σ: the ring's position to a tenth of a bin (0.0001 Å⁻¹).
        double sw = 0, swq = 0;
        for (int i = 0; i < profile.Length; i++)
        {
            if (Math.Abs(profile.Q[i] - q0) < 4 * sigma)
            {
                sw += profile.Intensity[i];
                swq += profile.Intensity[i] * profile.Q[i];
            }
        }

        Assert.Equal(q0, swq / sw, 1e-4);
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Uniform_image_is_flat_after_solid_angle_and_polarisation(PixelSplit split)
    {
        var sa = Geometry.SolidAngle.Span;
        var pol = Geometry.Polarisation(0.95);
        var frame = new float[sa.Length];
        for (int i = 0; i < frame.Length; i++)
        {
            frame[i] = 1000f * sa[i] * pol[i];
        }

        var bins = RemapTestData.FullQ(Geometry, 80, 36);
        var table = RemapTable.Build(Geometry, RemapTestData.Mask(Geometry.Shape, 1), bins, new RemapOptions { Split = split, PolarisationFactor = 0.95 });
        var acc = new RemapAccumulator(table);
        table.Integrate(frame, acc);
        int used = 0;
        for (int b = 0; b < table.BinCount; b++)
        {
            if (acc.Count[b] > 0.05)
            {
                Assert.Equal(1000, acc.Mean(b), 1000 * 2e-6);
                used++;
            }
        }

        Assert.True(used > 500, $"{used} bins used"); // many (q, φ) bins at large q lie off this small detector
        var profile = RadialProfile.From(acc);
        Assert.All(profile.Intensity.Where((_, i) => profile.Count[i] > 0), v => Assert.Equal(1000, v, 1000 * 2e-6));
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Masked_pixels_never_contribute(PixelSplit split)
    {
        var mask = RemapTestData.Mask(Geometry.Shape, 2);
        var frame = RemapTestData.Frame(Geometry, 3);
        var poisoned = (uint[])frame.Clone();
        var zeroed = (uint[])frame.Clone();
        for (int i = 0; i < frame.Length; i++)
        {
            if (mask.IsExcluded(i))
            {
                poisoned[i] = 1_000_000_000;
                zeroed[i] = 0;
            }
        }

        var table = RemapTable.Build(Geometry, mask, RemapTestData.FullQ(Geometry, 60, 24), new RemapOptions { Split = split });
        var a = new RemapAccumulator(table);
        var b = new RemapAccumulator(table);
        table.Integrate(poisoned, a);
        table.Integrate(zeroed, b);
        Assert.Equal(b.Signal.ToArray(), a.Signal.ToArray());
        Assert.True(a.Signal.ToArray().Max() < 1e8);
        Assert.All(table.Entries(), e => Assert.False(mask.IsExcluded(e.Pixel)));
        Assert.All(table.PixelRanges, r => Assert.False(mask.Excluded.Slice(r.Start, r.Length).Contains(true)));
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void All_ones_pixel_in_a_frame_is_dropped_from_that_frame_only(PixelSplit split)
    {
        var frame = RemapTestData.Frame(Geometry, 4);
        var table = RemapTable.Build(Geometry, null, RemapTestData.FullQ(Geometry, 40, 8), new RemapOptions { Split = split });
        var dead = (uint[])frame.Clone();
        int[] deadPixels = [1000, 20_000, 50_000, 70_001];
        foreach (int p in deadPixels)
        {
            dead[p] = uint.MaxValue;
        }

        var acc = new RemapAccumulator(table);
        table.Accumulate(frame, acc, 2);
        table.Accumulate(dead, acc, 2);
        var s = new double[table.BinCount];
        var n = new double[table.BinCount];
        var c = new double[table.BinCount];
        table.AccumulateReference(frame, s, n, c);
        table.AccumulateReference(dead, s, n, c);
        Assert.Equal(4, acc.InvalidPixels);
        Assert.Equal(2, acc.Frames);
        for (int b = 0; b < table.BinCount; b++)
        {
            Assert.Equal(s[b], acc.Signal[b], Math.Abs(s[b]) * 1e-12);
            Assert.Equal(n[b], acc.Normalisation[b], 1e-9);
            Assert.Equal(c[b], acc.Count[b], 1e-9);
        }

        Assert.Equal(2 * table.CountSum.ToArray().Sum() - 4, acc.Count.ToArray().Sum(), 1e-6);

        // Float frames (simulations) mark missing pixels with NaN instead.
        var asFloat = dead.Select(v => v == uint.MaxValue ? float.NaN : v).ToArray();
        var accF = new RemapAccumulator(table);
        table.Integrate(asFloat, accF, 3);
        var accU = new RemapAccumulator(table);
        table.Integrate(dead, accU);
        Assert.Equal(4, accF.InvalidPixels);
        for (int b = 0; b < table.BinCount; b++)
        {
            Assert.Equal(accU.Signal[b], accF.Signal[b], Math.Abs(accU.Signal[b]) * 1e-6);
            Assert.Equal(accU.Count[b], accF.Count[b], 1e-9);
        }
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Fast_kernel_matches_reference_twin_on_any_thread_count(PixelSplit split)
    {
        var frame = RemapTestData.Frame(Geometry, 5);
        var table = RemapTable.Build(Geometry, RemapTestData.Mask(Geometry.Shape, 6), RemapTestData.FullQ(Geometry, 50, 36), new RemapOptions { Split = split });
        var s = new double[table.BinCount];
        var n = new double[table.BinCount];
        var c = new double[table.BinCount];
        table.AccumulateReference(frame, s, n, c);
        var asFloat = frame.Select(v => (float)v).ToArray();
        foreach (int threads in new[] { 1, 2, 3, 7 })
        {
            var acc = new RemapAccumulator(table);
            table.Integrate(frame, acc, threads);
            var accF = new RemapAccumulator(table);
            table.Integrate(asFloat, accF, threads);
            for (int b = 0; b < table.BinCount; b++)
            {
                Assert.Equal(s[b], acc.Signal[b], Math.Abs(s[b]) * 1e-12);
                Assert.Equal(s[b], accF.Signal[b], Math.Abs(s[b]) * 1e-6);
                Assert.Equal(n[b], acc.Normalisation[b], Math.Abs(n[b]) * 1e-12);
                Assert.Equal(c[b], acc.Count[b], Math.Abs(c[b]) * 1e-12);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Every_pixel_inside_the_grid_is_shared_out_whole(PixelSplit split)
    {
        var bins = RemapTestData.FullQ(Geometry, 70, 90);
        var table = RemapTable.Build(Geometry, null, bins, new RemapOptions { Split = split, CorrectSolidAngle = false });
        Assert.Equal(Geometry.Shape.PixelCount, table.PixelCount);
        Assert.Equal(Geometry.Shape.PixelCount, table.CountSum.ToArray().Sum(), 1e-2);
        foreach (var group in table.Entries().GroupBy(e => e.Pixel))
        {
            Assert.Equal(1.0, group.Sum(e => (double)e.Fraction), 1e-5);
        }

        if (split != PixelSplit.None)
        {
            Assert.True(table.SplitPixelCount > 0);
        }
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Where_the_phi_grid_wraps_does_not_matter(PixelSplit split)
    {
        // The same 5° bins, once starting at 0° and once at 180° (wrapping through 360°): every bin must agree,
        // including the ones at 0/360°, where split pixels are shared across the wrap.
        var frame = RemapTestData.Frame(Geometry, 8);
        var mask = RemapTestData.Mask(Geometry.Shape, 9);
        double qMax = Geometry.Corners.Q.ToArray().Max() * 1.001;
        var a = RemapTable.Build(Geometry, mask, new RemapBins(0, qMax, 30, 0, 360, 72), new RemapOptions { Split = split });
        var b = RemapTable.Build(Geometry, mask, new RemapBins(0, qMax, 30, 180, 540, 72), new RemapOptions { Split = split });
        var accA = new RemapAccumulator(a);
        var accB = new RemapAccumulator(b);
        a.Integrate(frame, accA);
        b.Integrate(frame, accB);
        for (int iq = 0; iq < 30; iq++)
        {
            for (int j = 0; j < 72; j++)
            {
                int ia = iq * 72 + j, ib = iq * 72 + ((j + 36) % 72);
                Assert.Equal(a.Bins.PhiCentre(j), b.Bins.PhiCentre((j + 36) % 72), 9);
                Assert.Equal(accA.Signal[ia], accB.Signal[ib], Math.Max(1e-9, Math.Abs(accA.Signal[ia]) * 1e-5));
                Assert.Equal(accA.Count[ia], accB.Count[ib], 1e-4);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Splits))]
    public void Band_restricted_table_matches_full_table_inside_the_bands(PixelSplit split)
    {
        var frame = RemapTestData.Frame(Geometry, 10);
        var mask = RemapTestData.Mask(Geometry.Shape, 11);
        var bins = RemapTestData.FullQ(Geometry, 200, 36);
        QBand[] bands = [new(0.55, 0.65), new(1.15, 1.25)];
        var full = RemapTable.Build(Geometry, mask, bins, new RemapOptions { Split = split });
        var banded = RemapTable.Build(Geometry, mask, bins, new RemapOptions { Split = split, Bands = bands });
        var accFull = new RemapAccumulator(full);
        var accBand = new RemapAccumulator(banded);
        full.Integrate(frame, accFull);
        banded.Integrate(frame, accBand, 2);
        int active = 0;
        for (int iq = 0; iq < bins.QCount; iq++)
        {
            bool inBand = bands.Any(b => b.Overlaps(bins.QEdge(iq), bins.QEdge(iq + 1)));
            Assert.Equal(inBand, banded.IsQBinActive(iq));
            active += inBand ? 1 : 0;
            for (int j = 0; j < bins.PhiCount; j++)
            {
                int bin = bins.BinIndex(iq, j);
                Assert.Equal(inBand ? accFull.Signal[bin] : 0, accBand.Signal[bin], 1e-9);
                Assert.Equal(inBand ? accFull.Normalisation[bin] : 0, accBand.Normalisation[bin], 1e-9);
                Assert.Equal(inBand ? accFull.Count[bin] : 0, accBand.Count[bin], 1e-9);
            }
        }

        // The table and the pixels it reads shrink with the fraction of q bins kept (pixels at bin edges add a little).
        Assert.True(banded.EntryCount < full.EntryCount * 0.3, $"{banded.EntryCount} of {full.EntryCount} entries");
        long read = banded.PixelRanges.Sum(r => (long)r.Length);
        Assert.Equal(banded.PixelCount, read);
        var covered = new bool[Geometry.Shape.PixelCount];
        foreach (var (start, length) in banded.PixelRanges)
        {
            covered.AsSpan(start, length).Fill(true);
        }

        Assert.All(banded.Entries(), e => Assert.True(covered[e.Pixel]));
        Assert.True(active < bins.QCount / 5);
    }

    [Fact]
    public void Tables_reject_wrong_inputs()
    {
        var table = RemapTable.Build(Geometry, null, RemapTestData.FullQ(Geometry, 10));
        Assert.Throws<ArgumentException>(() => table.Integrate(new uint[10], new RemapAccumulator(table)));
        var other = RemapTable.Build(Geometry, null, RemapTestData.FullQ(Geometry, 10));
        Assert.Throws<ArgumentException>(() => table.Integrate(new uint[Geometry.Shape.PixelCount], new RemapAccumulator(other)));
        Assert.Throws<MaskShapeException>(() => RemapTable.Build(Geometry, DetectorMask.None(new DetectorShape(3, 3)), RemapTestData.FullQ(Geometry, 10)));
    }
}
