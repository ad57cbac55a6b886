using XccaMap.Detector.Geometry;
using XccaMap.Simulation;
using XccaMap.Simulation.Model;
using XccaMap.Simulation.Rendering;

namespace XccaMap.Tests.Diffraction.Classification;

/// <summary>
/// What each modality of a simulated scan can see, from the simulator's own noise-free patterns. The truth class map
/// calls a point mixed when a second grain covers at least <c>mixed_threshold</c> of the beam footprint; but classes
/// differ in brightness per modality (in the WAXS window one class's atomic-lattice reflections may be 45× brighter
/// than another's, and an out-of-plane rotation near an edge dims a domain further), so a point with 4 % of its
/// footprint on a bright domain can show that domain's peaks almost alone. Per point and modality this gives the
/// secondary grain's share of the noise-free spot intensity in the modality's band (SAXS: the SL ring range; WAXS:
/// the AL ring windows); a pure truth point whose share reaches the scan's mixed threshold shows two classes (or the
/// other one) to that modality and is scored like a truth-mixed point.
/// </summary>
internal static class VisibleTruth
{
    /// <summary>Per raster point (row-major): the secondary grain's share of the noise-free band intensity (0 without one).</summary>
    /// <param name="simulator">The scan's simulator (same raster and seed as the simulated files).</param>
    /// <param name="band">Whether a pixel's q (Å⁻¹) is in the band.</param>
    public static double[] SecondaryShare(ScanSimulator simulator, Func<double, bool> band)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        var detector = simulator.Detector;
        var q = PixelGeometry.Create(detector.Poni, detector.Shape).Q.ToArray();
        var pixels = Enumerable.Range(0, q.Length).Where(i => detector.IsLive(i) && band(q[i])).ToArray();
        var raster = simulator.Raster;
        var share = new double[raster.Points];
        var points = Enumerable.Range(0, raster.Points)
            .Where(p => simulator.Sample[p / raster.Cols, p % raster.Cols] is { Primary.HasSample: true, Secondary: { HasSample: true } })
            .ToArray();
        Parallel.ForEach(points, () => (Renderer: simulator.NewRenderer(), Lambda: new float[q.Length]), (p, _, local) =>
        {
            var point = simulator.Sample[p / raster.Cols, p % raster.Cols];
            double primary = Sum(local.Renderer, point with { Secondary = null }, local.Lambda, pixels);
            double secondary = Sum(local.Renderer, point with { Primary = point.Secondary!.Value, Secondary = null }, local.Lambda, pixels);
            share[p] = primary + secondary > 0 ? secondary / (primary + secondary) : 0;
            return local;
        }, _ => { });
        return share;
    }

    private static double Sum(FrameRenderer renderer, PointState point, float[] lambda, int[] pixels)
    {
        renderer.ComposeMean(point, lambda, includeBackground: false);
        double sum = 0;
        foreach (int i in pixels)
        {
            sum += lambda[i];
        }

        return sum;
    }
}
