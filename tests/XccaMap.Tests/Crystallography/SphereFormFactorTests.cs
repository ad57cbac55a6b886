using XccaMap.Crystallography.FormFactors;

namespace XccaMap.Tests.Crystallography;

public class SphereFormFactorTests
{
    [Fact]
    public void FirstZero_IsAt_qR_4_493()
    {
        double lo = 4, hi = 5;
        for (int i = 0; i < 200; i++)
        {
            double mid = (lo + hi) / 2;
            if (SphereFormFactor.Amplitude(mid, 1.0) > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        Assert.Equal(4.4934, lo, 4);
        Assert.Equal(SphereFormFactor.FirstZeroQR, lo, 12);
        Assert.True(SphereFormFactor.Intensity(SphereFormFactor.FirstZeroQR / 65, 65) < 1e-25);
    }

    [Fact]
    public void Amplitude_IsOneAtZero_AndContinuousAcrossSeriesBranch()
    {
        Assert.Equal(1.0, SphereFormFactor.Amplitude(0, 65), 15);
        double below = SphereFormFactor.Amplitude(0.999e-3, 1), above = SphereFormFactor.Amplitude(1.001e-3, 1);
        Assert.Equal(below, above, 6);
        Assert.Equal(1 - (0.01 * 0.01 / 10), SphereFormFactor.Amplitude(0.01, 1), 9);
    }

    [Fact]
    public void SizeAveraging_SmearsTheZeros()
    {
        var mono = new PolydisperseSphere(65, 0);
        var poly = new PolydisperseSphere(65, 5);
        double qZero = SphereFormFactor.FirstZeroQR / 65;
        Assert.Equal(1.0, poly.MeanIntensity(0), 12);
        Assert.True(mono.MeanIntensity(qZero) < 1e-25);
        Assert.True(poly.MeanIntensity(qZero) > 1e-4, $"⟨P⟩ at the monodisperse zero = {poly.MeanIntensity(qZero)}");
        // Contrast of the first minimum against the next maximum (qR ≈ 5.76) drops.
        double qMax = 5.7635 / 65;
        Assert.True(poly.MeanIntensity(qZero) / poly.MeanIntensity(qMax) > 0.05);
        Assert.Equal(Math.Sqrt(poly.MeanIntensity(0.05)), poly.Amplitude(0.05), 15);
    }

    [Fact]
    public void SizeAverage_IsVolumeSquaredWeighted_AgainstBruteForce()
    {
        const double mean = 65, sigma = 5;
        var poly = new PolydisperseSphere(mean, sigma);
        foreach (double q in new[] { 0.02, 0.06, 0.0838, 0.139, 0.3 })
        {
            // Independent reference: fine trapezoid over ±8σ with weight N(R)·R⁶.
            double num = 0, den = 0;
            const int n = 40001;
            double lo = mean - (8 * sigma), h = 16 * sigma / (n - 1);
            for (int i = 0; i < n; i++)
            {
                double r = lo + (i * h);
                double w = Math.Exp(-0.5 * Math.Pow((r - mean) / sigma, 2)) * Math.Pow(r, 6) * (i == 0 || i == n - 1 ? 0.5 : 1);
                num += w * SphereFormFactor.Intensity(q, r);
                den += w;
            }

            Assert.Equal(num / den, poly.MeanIntensity(q), 8);
        }
    }
}
