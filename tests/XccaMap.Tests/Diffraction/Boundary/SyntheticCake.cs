using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Structures;
using XccaMap.Crystallography.Simulation;
using XccaMap.Diffraction.Boundary;

namespace XccaMap.Tests.Diffraction.Boundary;

/// <summary>
/// SAXS cakes drawn from the crystallography core's reference simulator (<see cref="SaxsPatternSimulator"/>, not the
/// boundary code's fast twin): spots of an fcc superlattice in a given orientation and lattice scale, scaled to a peak
/// count, on an isotropic background, each bin the mean of a few pixels with Poisson noise from a fixed seed.
/// </summary>
internal static class SyntheticCake
{
    public const double A = 150, Wavelength = 0.898;

    public static readonly CakeGrid Grid = new(0.062, 0.00128, 186, 360);

    public static readonly SpotShape Shape = new(1.0, 0.0012);

    public static PointPattern Render(Mat3 labFromSl, double scale, double peakCounts, Random? noise, int row = 0, int col = 0, double background = 3, int pixels = 2)
    {
        // The compressed lattice: a/scale.
        var sim = new SaxsPatternSimulator(StructureFactory.FccSuperlattice(A / scale), new SaxsPatternOptions { MosaicSigmaDeg = Shape.MosaicSigmaDeg, RadialSigma = Shape.RadialSigma, QMax = 0.31 });
        var spots = sim.Spots(labFromSl, Wavelength);
        double norm = peakCounts / sim.Spots(OrientationFactory.FromZoneAxis(0, 0, 1, 0), Wavelength).Max(s => s.Intensity);
        var mean = new float[Grid.BinCount];
        var weight = new float[Grid.BinCount];
        for (int iq = 0; iq < Grid.QCount; iq++)
        {
            double q = Grid.Q(iq);
            for (int j = 0; j < Grid.PhiCount; j++)
            {
                double v = background * Math.Pow(q / 0.08, -2);
                foreach (var s in spots)
                {
                    if (Math.Abs(q - s.Q) < 5 * s.SigmaQ)
                    {
                        v += norm * s.ValueAt(q, Grid.Phi(j));
                    }
                }

                int b = (iq * Grid.PhiCount) + j;
                weight[b] = pixels;
                mean[b] = (float)(noise is null ? v : Poisson(noise, v * pixels) / (double)pixels);
            }
        }

        return new PointPattern(row, col, 1, mean, weight, [], []);
    }

    private static long Poisson(Random random, double lambda)
    {
        if (lambda > 30)
        {
            return Math.Max(0, (long)Math.Round(lambda + (Math.Sqrt(lambda) * SyntheticMaps.Gauss(random))));
        }

        double l = Math.Exp(-lambda), p = 1;
        long k = 0;
        do
        {
            k++;
            p *= random.NextDouble();
        }
        while (p > l);
        return k - 1;
    }
}
