using System.Globalization;
using Xunit.Abstractions;
using XccaMap.Diffraction.Remap;
using XccaMap.Tests.Detector.Geometry;

namespace XccaMap.Tests.Diffraction.Remap;

/// <summary>
/// Radial profiles and cakes against pyFAI 0.21.3 on a full-size synthetic Eiger 4M frame (Poisson noise, mask):
/// every bin with more than 100 counts must agree to 0.5 %. pyFAI's 2-D CSR results are first checked against its
/// histogram engine (design.md §3: ("no", "csr") can return garbage in this version). Where pyFAI itself is not
/// exact — float32 pixel maps without splitting, wrong tip fractions in its 2-D full split — the tests say so and
/// check those bins against an independent reference instead.
/// </summary>
[Trait("Category", "CrossCheck")]
public sealed class PyFaiRemapCrossCheckTests(PyFaiRemapFixture fixture, ITestOutputHelper output) : IClassFixture<PyFaiRemapFixture>
{
    private const double Tolerance = 0.005;
    private const double MinCounts = 100;

    private static int Nq => PyFaiRemapFixture.CakeQBins;

    private static int Nphi => PyFaiRemapFixture.CakePhiBins;

    [CrossCheckFact]
    public void Radial_profile_without_splitting() => CompareRadial("1d_no", PixelSplit.None);

    [CrossCheckFact]
    public void Radial_profile_bbox_split() => CompareRadial("1d_bbox", PixelSplit.BoundingBox);

    [CrossCheckFact]
    public void Radial_profile_full_split() => CompareRadial("1d_full", PixelSplit.Full);

    /// <summary>
    /// pyFAI's pixel maps come from float32 positions (q to ≈ 3e-7 Å⁻¹, χ to ≈ 1e-4° near the beam) and its bin
    /// widths are stretched by 1.2e-7, so a pixel within that distance of a bin edge may be binned either way; in a
    /// SAXS bin of 5 pixels that moves the mean by 20 %. Every other pixel must land in the same bin as in pyFAI, and
    /// every bin with > 100 counts and no such ambiguous pixel must agree to 0.5 %.
    /// </summary>
    [CrossCheckFact]
    public void Cake_without_splitting_matches_pyfai_histogram()
    {
        var hist = fixture.Reference("2d_hist");
        output.WriteLine($"pyFAI (no, csr, cython) 2-D {(Sane(fixture.Reference("2d_no"), hist, out string why) ? "agrees with" : "DISAGREES with")} the histogram engine: {why}");
        var acc = fixture.Remap(fixture.CakeGrid, PixelSplit.None);
        var qpy = fixture.PyFaiMap("pyfai_q");
        var chipy = fixture.PyFaiMap("pyfai_chi");
        double dq = fixture.CakeGrid.QStep;
        var ambiguous = new HashSet<int>();
        int ambiguousPixels = 0, mismatches = 0;
        foreach (var e in acc.Table.Entries())
        {
            int p = e.Pixel;
            double fq = qpy[p] / dq, fk = chipy[p] + 180.0; // pyFAI bin coordinates (1° χ bins from −180°)
            int ours = ToPyFaiIndex(e.Bin);
            int theirs = (int)Math.Floor(fk) * Nq + (int)Math.Floor(fq);
            double edgeQ = Math.Abs(fq - Math.Round(fq));
            double edgeK = Math.Abs(fk - Math.Round(fk));
            bool nearEdge = edgeQ < 1e-4 || edgeK < 1e-4 || edgeK * Math.PI / 180 * qpy[p] < 1e-6;
            if (nearEdge)
            {
                ambiguousPixels++;
                ambiguous.Add(ours);
                ambiguous.Add(theirs);
                ambiguous.Add((int)Math.Floor(fk + (fk > Math.Round(fk) ? -2e-4 : 2e-4)) * Nq + (int)Math.Floor(fq + (fq > Math.Round(fq) ? -2e-4 : 2e-4)));
            }
            else if (ours != theirs)
            {
                mismatches++;
            }
        }

        output.WriteLine($"{ambiguousPixels} pixels lie within pyFAI's precision of a bin edge; {ambiguous.Count} bins hold one and are compared only through the pixel check");
        Assert.Equal(0, mismatches);
        var (ours2, _) = ToPyFaiLayout(Cake.From(acc));
        Compare("pyFAI (no, histogram)", ours2, hist, b => !ambiguous.Contains(b));
    }

    [CrossCheckFact]
    public void Cake_bbox_split()
    {
        var reference = fixture.Reference("2d_bbox");
        Assert.True(Sane(reference, fixture.Reference("2d_hist"), out string why), $"pyFAI 2d_bbox failed its check against the histogram engine: {why}");
        var (ours, _) = ToPyFaiLayout(Cake.From(fixture.Remap(fixture.CakeGrid, PixelSplit.BoundingBox)));
        Compare("pyFAI (bbox, csr)", ours, reference);
    }

    /// <summary>
    /// pyFAI 0.21.3's ("full", "csr") 2-D matrix gives wrong fractions to pixels whose diamond-shaped (q, χ)
    /// footprint has a tip across a χ bin edge (0.0037 instead of the exact 0.1086 in
    /// <see cref="RemapSplitFractionTests"/>). Bins that differ from it by more than 0.5 % are therefore checked
    /// against an independent reference — the same frame with every pixel supersampled 32 × 32 in the detector
    /// plane — which ours must match to 0.5 %.
    /// </summary>
    [CrossCheckFact]
    public void Cake_full_split()
    {
        var reference = fixture.Reference("2d_full");
        Assert.True(Sane(reference, fixture.Reference("2d_hist"), out string why), $"pyFAI 2d_full failed its check against the histogram engine: {why}");
        var acc = fixture.Remap(fixture.CakeGrid, PixelSplit.Full);
        var (ours, _) = ToPyFaiLayout(Cake.From(acc));
        var disputed = Enumerable.Range(0, ours.Length)
            .Where(b => reference.Signal[b] > MinCounts && !(Math.Abs(ours[b] / reference.Intensity[b] - 1) <= Tolerance))
            .ToHashSet();
        Compare("pyFAI (full, csr) outside the disputed bins", ours, reference, b => !disputed.Contains(b));

        var truth = SupersampledMeans(acc.Table, disputed);
        int pyFaiOff = 0;
        var failures = new List<string>();
        foreach (int b in disputed)
        {
            double rel = Math.Abs(ours[b] / truth[b] - 1);
            pyFaiOff += Math.Abs(reference.Intensity[b] / truth[b] - 1) > Tolerance ? 1 : 0;
            if (!(rel <= Tolerance))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"bin {b}: ours {ours[b]:G6}, supersampled {truth[b]:G6}, pyFAI {reference.Intensity[b]:G6}"));
            }
        }

        output.WriteLine($"{disputed.Count} bins differ from pyFAI by > 0.5 %; against the 32 × 32 supersampled reference pyFAI is off by > 0.5 % in {pyFaiOff} of them, ours in {failures.Count}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(15)));
    }

    private static int ToPyFaiIndex(int ourBin) => (ourBin % Nphi) * Nq + ourBin / Nphi;

    // pyFAI's 2-D arrays are [χ bin][q bin]; ours are [q bin][φ bin] with φ bin k ↔ χ bin k (see CakeGrid).
    private static (double[] Intensity, double[] Count) ToPyFaiLayout(Cake cake)
    {
        var intensity = new double[Nq * Nphi];
        var count = new double[Nq * Nphi];
        for (int b = 0; b < intensity.Length; b++)
        {
            intensity[ToPyFaiIndex(b)] = cake.Intensity[b];
            count[ToPyFaiIndex(b)] = cake.Count[b];
        }

        return (intensity, count);
    }

    /// <summary>Bin means (pyFAI layout) from 32 × 32 samples per pixel, for the bins in <paramref name="wanted"/>.</summary>
    private Dictionary<int, double> SupersampledMeans(RemapTable table, HashSet<int> wanted)
    {
        const int n = 32;
        var g = fixture.Geometry;
        int cols = g.Shape.Cols;
        var pixels = new HashSet<int>();
        foreach (var e in table.Entries())
        {
            if (wanted.Contains(ToPyFaiIndex(e.Bin)))
            {
                for (int dr = -1; dr <= 1; dr++)
                {
                    for (int dc = -1; dc <= 1; dc++)
                    {
                        int p = e.Pixel + dr * cols + dc;
                        if (p >= 0 && p < g.Shape.PixelCount && !fixture.Mask.IsExcluded(p))
                        {
                            pixels.Add(p);
                        }
                    }
                }
            }
        }

        var pol = g.Polarisation(PyFaiRemapFixture.Polarisation);
        var sa = g.SolidAngle.ToArray();
        var grid = fixture.CakeGrid;
        var signal = new Dictionary<int, double>();
        var norm = new Dictionary<int, double>();
        var gate = new object();
        Parallel.ForEach(pixels, p =>
        {
            var s = new Dictionary<int, double>();
            var w = new Dictionary<int, double>();
            double value = fixture.Frame[p], pn = (double)sa[p] * pol[p];
            for (int a = 0; a < n; a++)
            {
                for (int b = 0; b < n; b++)
                {
                    var pos = g.Evaluate(p / cols + (a + 0.5) / n, p % cols + (b + 0.5) / n);
                    int iq = (int)Math.Floor((pos.Q - grid.QMin) / grid.QStep);
                    int k = (int)Math.Floor(((pos.Phi - 180 + 360) % 360) / grid.PhiStep);
                    int bin = k * Nq + iq;
                    if (wanted.Contains(bin))
                    {
                        s[bin] = s.GetValueOrDefault(bin) + value / (n * n);
                        w[bin] = w.GetValueOrDefault(bin) + pn / (n * n);
                    }
                }
            }

            lock (gate)
            {
                foreach (var (bin, v) in s)
                {
                    signal[bin] = signal.GetValueOrDefault(bin) + v;
                    norm[bin] = norm.GetValueOrDefault(bin) + w[bin];
                }
            }
        });
        return wanted.ToDictionary(b => b, b => signal.GetValueOrDefault(b) / norm.GetValueOrDefault(b, double.NaN));
    }

    private void CompareRadial(string name, PixelSplit split)
    {
        var reference = fixture.Reference(name);
        var profile = RadialProfile.From(fixture.Remap(fixture.RadialGrid, split));
        Compare(name, profile.Intensity, reference);
    }

    private void Compare(string label, double[] ours, PyFaiResult reference, Func<int, bool>? include = null)
    {
        int compared = 0;
        double worst = 0;
        var failures = new List<string>();
        for (int b = 0; b < ours.Length; b++)
        {
            if (!(reference.Signal[b] > MinCounts) || (include is not null && !include(b)))
            {
                continue;
            }

            compared++;
            double rel = Math.Abs(ours[b] / reference.Intensity[b] - 1);
            worst = Math.Max(worst, rel);
            if (!(rel <= Tolerance))
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"bin {b}: ours {ours[b]:G6}, pyFAI {reference.Intensity[b]:G6} ({rel:P2}; {reference.Count[b]:F1} px)"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {compared} bins with > {MinCounts} counts, worst relative difference {worst:E2}"));
        Assert.True(compared > 100, $"{label}: only {compared} bins to compare");
        Assert.True(failures.Count == 0, $"{label}: {failures.Count} of {compared} bins differ by more than {Tolerance:P1}:\n" + string.Join("\n", failures.Take(15)));
    }

    private static bool Sane(PyFaiResult candidate, PyFaiResult histogram, out string why)
    {
        // Garbage shows as a wrong total or large negative intensities; rounding leaves ±1e-8 in nearly empty bins.
        double c = candidate.Count.Where(double.IsFinite).Sum(), h = histogram.Count.Sum();
        double s = candidate.Signal.Where(double.IsFinite).Sum(), hs = histogram.Signal.Sum();
        bool negative = candidate.Intensity.Any(v => v < -1e-6 * histogram.Intensity.Max());
        why = string.Create(CultureInfo.InvariantCulture, $"Σcount {c:F0} vs {h:F0}, Σsignal {s:E4} vs {hs:E4}{(negative ? ", negative intensities" : string.Empty)}");
        return !negative && Math.Abs(c / h - 1) < 0.01 && Math.Abs(s / hs - 1) < 0.01;
    }
}
