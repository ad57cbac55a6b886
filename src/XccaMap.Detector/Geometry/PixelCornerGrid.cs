namespace XccaMap.Detector.Geometry;

/// <summary>
/// q (Å⁻¹) and φ (degrees, [0, 360)) at the (rows + 1) × (cols + 1) pixel corners, row-major with
/// index = i × (cols + 1) + j for the corner at continuous pixel coordinates (i, j). Pixel (r, c) has the
/// corners (r, c), (r + 1, c), (r + 1, c + 1), (r, c + 1). Stored in single precision (2 × 4.5 M floats ≈ 36 MB
/// for an Eiger 4M), computed in double. Used to split pixels between (q, φ) bins.
/// </summary>
public sealed class PixelCornerGrid
{
    private readonly float[] _q;
    private readonly float[] _phi;

    private PixelCornerGrid(DetectorShape shape, float[] q, float[] phi)
    {
        Shape = shape;
        _q = q;
        _phi = phi;
    }

    /// <summary>The detector shape in pixels (the grid has one more row and column).</summary>
    public DetectorShape Shape { get; }

    /// <summary>Corners per row, cols + 1.</summary>
    public int Stride => Shape.Cols + 1;

    /// <summary>q at the corners, Å⁻¹.</summary>
    public ReadOnlyMemory<float> Q => _q;

    /// <summary>φ at the corners, degrees in [0, 360).</summary>
    public ReadOnlyMemory<float> Phi => _phi;

    /// <summary>Computes the corner grid for <paramref name="poni"/> over rows in parallel.</summary>
    public static PixelCornerGrid Create(PoniGeometry poni, DetectorShape shape, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(poni);
        shape = shape.Validated();
        int stride = shape.Cols + 1;
        long count = (long)(shape.Rows + 1) * stride;
        var q = new float[count];
        var phi = new float[count];
        var kernel = new GeometryKernel(poni);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, shape.Rows + 1, options, i =>
        {
            double y = kernel.Y(i);
            kernel.RowBase(y, out double b1, out double b2, out double b3);
            kernel.ColumnStep(out double d1, out double d2, out double d3);
            int offset = i * stride;
            for (int j = 0; j < stride; j++)
            {
                double x = kernel.X(j);
                double t1 = b1 + d1 * x, t2 = b2 + d2 * x, t3 = b3 + d3 * x;
                q[offset + j] = (float)kernel.Q(GeometryKernel.TwoTheta(t1, t2, t3));
                phi[offset + j] = Azimuth.ToSingle(Azimuth.FromPyFaiChi(Math.Atan2(t1, t2)));
            }
        });
        return new PixelCornerGrid(shape, q, phi);
    }
}
