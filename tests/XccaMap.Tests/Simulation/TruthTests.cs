using XccaMap.Crystallography.Geometry;
using XccaMap.Simulation.Truth;

namespace XccaMap.Tests.Simulation;

/// <summary>The per-class truth: ΔΦ in the eq. 7 convention, peak lists, and CCFs that peak where the geometry says.</summary>
[Collection(SimulatedScanCollection.Name)]
public sealed class TruthTests(SimulatedScanFixture fixture)
{
    [Fact]
    public void Delta_phi_follows_eq_7_and_the_disorder()
    {
        var (classes, _) = fixture.Simulator.BuildTruth();
        foreach (var c in classes)
        {
            Assert.Equal(Math.Sqrt((c.Fwhm200AzDeg * c.Fwhm200AzDeg) - (c.Fwhm200RadDeg * c.Fwhm200RadDeg)), c.DeltaPhiDeg, 9);
            // Scherrer: Δq_FWHM = 2πK/L at q_200 = 2.117 Å⁻¹, as an angle.
            Assert.Equal(2 * Math.PI * 0.9 / 65 / 2.1167 * 180 / Math.PI, c.Fwhm200RadDeg, 0.02);
            // The diffracting nanocrystals keep the in-plane spread of the disorder: ΔΦ ≈ 2.355 σ.
            Assert.InRange(c.DeltaPhiDeg / (2.3548 * c.DisorderSigmaDeg), 0.9, 1.1);
        }
    }

    [Fact]
    public void Peak_lists_hold_the_expected_reflections()
    {
        var (classes, _) = fixture.Simulator.BuildTruth();
        var red = classes[0]; // [00-1] Conf1
        var sl200 = red.SlPeaks.Where(p => p.Hkl.SumOfSquares == 4).ToList();
        Assert.Equal(4, sl200.Count);
        Assert.All(sl200, p => Assert.Equal(2 * Math.PI * 2 / 150, p.Q, 9));
        Assert.All(red.AlPeaks, p => Assert.True(p.Hkl.SumOfSquares is 3 or 4 or 8));
        Assert.Contains(red.AlPeaks, p => p.Hkl.SumOfSquares == 4 && p.OnDetector);
        Assert.All(red.SlPeaks.Concat(red.AlPeaks), p => Assert.InRange(p.PhiDeg, 0, 360));
    }

    [Fact]
    public void Conf1_001_class_ccf_peaks_45_degrees_off_the_sl_200_spots()
    {
        // Red: SL [00-1], 200 spots every 90°; Conf1 puts AL 200 along SL <110>, 45° away: C(Δ) peaks at 45° + k·90°.
        var (classes, _) = fixture.Simulator.BuildTruth();
        var red = classes[0];
        Assert.Equal(2 * Math.PI * 2 / 150, red.Ccf.Q1, 6);
        Assert.Equal(2 * Math.PI * 2 / 5.936, red.Ccf.Q2, 9);
        int best = Array.IndexOf(red.Ccf.SpotsOnly, red.Ccf.SpotsOnly.Max());
        Assert.True(Angles.CircularDistanceDeg(red.Ccf.DeltaDeg[best] % 90, 45) <= 2, $"CCF maximum at Δ = {red.Ccf.DeltaDeg[best]}°");
        int bestFull = Array.IndexOf(red.Ccf.Values, red.Ccf.Values.Max());
        Assert.True(Angles.CircularDistanceDeg(red.Ccf.DeltaDeg[bestFull] % 90, 45) <= 2, $"CCF (with backgrounds) maximum at Δ = {red.Ccf.DeltaDeg[bestFull]}°");
        // W2 is non-zero only over the ~100° the detector sees of the WAXS ring.
        int seen = red.Ccf.Weight2.Count(w => w > 0);
        Assert.InRange(seen, 80, 130);
    }
}
