using XccaMap.Diffraction.Classification;

namespace XccaMap.Tests.Diffraction.Classification;

/// <summary>Known answers of the raster-aware classification: regions, edge bands, small domains, mixed boundaries.</summary>
public class RasterClassificationTests
{
    private static readonly double[] A = [0, 90, 180, 270];
    private static readonly double[] B = [45, 135, 225, 315];
    private static readonly double[] C = [20, 110, 200, 290];

    [Fact]
    public void Segmentation_SplitsTwoDomains_AndKeepsAGraduallyTurningDomainWhole()
    {
        // Left: one peak set drifting by 1° per column (a lattice turning slowly); right: another pattern.
        var scan = new SyntheticRaster(10, 16, seed: 3);
        for (int r = 0; r < scan.Rows; r++)
        {
            for (int c = 0; c < scan.Cols; c++)
            {
                if (c < 8)
                {
                    scan.Set(r, c, 0, SyntheticRaster.Peaks(20, A.Select(p => p + c).ToArray()));
                }
                else
                {
                    scan.Set(r, c, 1, SyntheticRaster.Peaks(20, B));
                }
            }
        }

        var region = RasterSegmentation.Segment(scan.Fingerprints, scan.HasSignal, SyntheticRaster.Dim, scan.Neighbours(), scale: 1, minPoints: 3);
        Assert.Equal(2, region.Distinct().Count());
        Assert.Equal(1, AdjustedRand.Index(scan.Truth, region), 9);
    }

    [Fact]
    public void EdgeBandOfADomain_JoinsItsDomain_InsteadOfFoundingAClass()
    {
        // Domain A (left) and B (right). A's rim along the boundary is turned out of plane: half of A's reflections
        // stay (those along the turning axis), two new weaker ones appear. The rim is 3 points wide at the top and 2
        // below: a band with a little interior (13 %), resembling A (cosine ≈ 0.6).
        var scan = new SyntheticRaster(16, 20, seed: 5);
        var rim = new[] { (0.0, 20.0), (180, 20), (60, 10), (240, 10) };
        for (int r = 0; r < scan.Rows; r++)
        {
            for (int c = 0; c < scan.Cols; c++)
            {
                bool inRim = c is 8 or 9 || (c == 7 && r < 6);
                if (c >= 10)
                {
                    scan.Set(r, c, 1, SyntheticRaster.Peaks(20, B));
                }
                else if (inRim)
                {
                    scan.Set(r, c, 0, rim);
                }
                else
                {
                    scan.Set(r, c, 0, SyntheticRaster.Peaks(20, A));
                }
            }
        }

        var result = DomainClassifier.Classify(scan.Fingerprints, scan.HasSignal, scan.Points, SyntheticRaster.Dim, neighbours: scan.Neighbours());
        Assert.Equal(2, result.ClassCount);
        Assert.Equal(1, AdjustedRand.Index(scan.Truth, result.Labels), 9);
        Assert.Contains("1 band-like", result.Criterion, StringComparison.Ordinal);

        // Without the raster (k-means candidates, no interior to tell a band from a domain) the rim is a class of its own.
        var flat = DomainClassifier.Classify(scan.Fingerprints, scan.HasSignal, scan.Points, SyntheticRaster.Dim);
        Assert.Equal(3, flat.ClassCount);
    }

    [Fact]
    public void SmallDomainWithAnInterior_IsAClass()
    {
        var scan = new SyntheticRaster(16, 20, seed: 7);
        for (int r = 0; r < scan.Rows; r++)
        {
            for (int c = 0; c < scan.Cols; c++)
            {
                if (c >= 10)
                {
                    scan.Set(r, c, 1, SyntheticRaster.Peaks(20, B));
                }
                else if (r is >= 10 and < 15 && c is >= 2 and < 7)
                {
                    scan.Set(r, c, 2, SyntheticRaster.Peaks(20, C));
                }
                else
                {
                    scan.Set(r, c, 0, SyntheticRaster.Peaks(20, A));
                }
            }
        }

        var result = DomainClassifier.Classify(scan.Fingerprints, scan.HasSignal, scan.Points, SyntheticRaster.Dim, neighbours: scan.Neighbours());
        Assert.Equal(3, result.ClassCount);
        Assert.Equal(1, AdjustedRand.Index(scan.Truth, result.Labels), 9);
    }

    [Fact]
    public void BoundaryLine_IsMixed_ButATwoClassLookingPointInsideADomainIsNot()
    {
        // A | A + B | B; one point deep inside A also shows B-like peaks at half intensity (a turned lattice can
        // excite reflections at another domain's azimuths), but no B is near it: the beam cannot see two domains there.
        var scan = new SyntheticRaster(12, 21, seed: 9);
        for (int r = 0; r < scan.Rows; r++)
        {
            for (int c = 0; c < scan.Cols; c++)
            {
                if (c < 10)
                {
                    scan.Set(r, c, 0, SyntheticRaster.Peaks(20, A));
                }
                else if (c == 10)
                {
                    scan.Set(r, c, ClassLabels.Mixed, [.. SyntheticRaster.Peaks(12, A), .. SyntheticRaster.Peaks(12, B)]);
                }
                else
                {
                    scan.Set(r, c, 1, SyntheticRaster.Peaks(20, B));
                }
            }
        }

        scan.Set(5, 3, 0, [.. SyntheticRaster.Peaks(20, A), .. SyntheticRaster.Peaks(10, B)]);
        var result = DomainClassifier.Classify(scan.Fingerprints, scan.HasSignal, scan.Points, SyntheticRaster.Dim, neighbours: scan.Neighbours());
        Assert.Equal(2, result.ClassCount);
        int line = Enumerable.Range(0, scan.Rows).Count(r => result.Labels[(r * scan.Cols) + 10] == ClassLabels.Mixed);
        Assert.True(line >= scan.Rows - 1, $"{line} of {scan.Rows} boundary points mixed");
        Assert.Equal(result.Labels[(5 * scan.Cols) + 2], result.Labels[(5 * scan.Cols) + 3]);
        var pure = Enumerable.Range(0, scan.Points).Where(i => scan.Truth[i] >= 0).ToArray();
        Assert.Equal(1, AdjustedRand.Index(pure.Select(i => scan.Truth[i]).ToArray(), pure.Select(i => result.Labels[i]).ToArray()), 9);
    }

    [Fact]
    public void IntensityShare_OfAKnownMixture_IsExact()
    {
        // Disjoint unit patterns u, v; x² = 0.3 u² + 0.7 v² (intensities add), x = √(x²).
        var u = new float[8];
        var v = new float[8];
        u[0] = u[1] = (float)Math.Sqrt(0.5);
        v[4] = v[5] = (float)Math.Sqrt(0.5);
        var x = u.Select((ui, j) => (float)Math.Sqrt((0.3 * ui * ui) + (0.7 * v[j] * v[j]))).ToArray();
        Assert.Equal(0.7, TwoClassFit.IntensityShare(x, u, v), 6);
        Assert.Equal(0.3, TwoClassFit.IntensityShare(x, v, u), 6);
        Assert.Equal(0, TwoClassFit.IntensityShare(u, u, v), 9);
    }
}
