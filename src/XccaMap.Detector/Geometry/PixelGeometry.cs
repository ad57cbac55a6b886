namespace XccaMap.Detector.Geometry;

/// <summary>
/// Per-pixel maps of a detector geometry, computed once per scan and shared by every frame: 2θ, q, φ and the
/// solid-angle factor at each pixel centre, row-major (index = row × cols + col), single precision
/// (4 bytes × 4 maps × 4.5 M pixels ≈ 72 MB for an Eiger 4M; the maths is done in double, see
/// <see cref="Evaluate(double,double)"/> for double-precision values). Pixel (r, c) has its centre at
/// ((r + ½)·pixel1, (c + ½)·pixel2), as in pyFAI. The corner grid needed for pixel splitting is built on first use.
/// </summary>
public sealed class PixelGeometry
{
    private readonly float[] _twoTheta;
    private readonly float[] _q;
    private readonly float[] _phi;
    private readonly float[] _solidAngle;
    private readonly GeometryKernel _kernel;
    private readonly Lazy<PixelCornerGrid> _corners;

    private PixelGeometry(PoniGeometry poni, DetectorShape shape, int maxDegreeOfParallelism)
    {
        Poni = poni;
        Shape = shape;
        _kernel = new GeometryKernel(poni);
        int n = shape.PixelCount;
        _twoTheta = new float[n];
        _q = new float[n];
        _phi = new float[n];
        _solidAngle = new float[n];
        var kernel = _kernel;
        int cols = shape.Cols;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, shape.Rows, options, row => FillRow(kernel, row, cols));
        _corners = new Lazy<PixelCornerGrid>(() => PixelCornerGrid.Create(poni, shape, maxDegreeOfParallelism), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The geometry these maps were computed from.</summary>
    public PoniGeometry Poni { get; }

    /// <summary>Image shape (rows × cols).</summary>
    public DetectorShape Shape { get; }

    /// <summary>Scattering angle 2θ at pixel centres, radians.</summary>
    public ReadOnlyMemory<float> TwoTheta => _twoTheta;

    /// <summary>Momentum transfer q at pixel centres, Å⁻¹.</summary>
    public ReadOnlyMemory<float> Q => _q;

    /// <summary>Azimuth φ at pixel centres, degrees in [0, 360) (convention: <see cref="Azimuth"/>).</summary>
    public ReadOnlyMemory<float> Phi => _phi;

    /// <summary>pyFAI-normalised solid angle cos³α at pixel centres (pyFAI <c>solidAngleArray()</c>), dimensionless.</summary>
    public ReadOnlyMemory<float> SolidAngle => _solidAngle;

    /// <summary>q and φ at the pixel corners, for pixel splitting (built on first access, ≈ 36 MB for an Eiger 4M).</summary>
    public PixelCornerGrid Corners => _corners.Value;

    /// <summary>True once <see cref="Corners"/> has been built.</summary>
    public bool HasCorners => _corners.IsValueCreated;

    /// <summary>
    /// Computes the maps for <paramref name="poni"/>, over rows in parallel.
    /// </summary>
    /// <param name="poni">The geometry.</param>
    /// <param name="shape">Image shape; defaults to the shape carried by the PONI's detector.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use; −1 for all cores.</param>
    public static PixelGeometry Create(PoniGeometry poni, DetectorShape? shape = null, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(poni);
        var s = (shape ?? poni.RequireShape()).Validated();
        return new PixelGeometry(poni, s, maxDegreeOfParallelism);
    }

    /// <summary>
    /// Polarisation factor per pixel for fraction <paramref name="factor"/> ∈ [−1, 1] (pyFAI <c>polarization(factor)</c>,
    /// axis offset 0): P = ½[1 + cos²2θ − f·cos(2φ)·sin²2θ]. Divide intensities by it (pyFAI style: it is part of the
    /// normalisation). A new array the caller owns.
    /// </summary>
    public float[] Polarisation(double factor)
    {
        if (!(factor >= -1 && factor <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "polarisation factor must be in [−1, 1]");
        }

        var result = new float[_q.Length];
        int cols = Shape.Cols;
        var kernel = _kernel;
        Parallel.For(0, Shape.Rows, row =>
        {
            double y = kernel.Y(row + 0.5);
            kernel.RowBase(y, out double b1, out double b2, out double b3);
            kernel.ColumnStep(out double d1, out double d2, out double d3);
            int offset = row * cols;
            for (int c = 0; c < cols; c++)
            {
                double x = kernel.X(c + 0.5);
                double t1 = b1 + d1 * x, t2 = b2 + d2 * x, t3 = b3 + d3 * x;
                result[offset + c] = (float)GeometryKernel.Polarisation(GeometryKernel.TwoTheta(t1, t2, t3), Math.Atan2(t1, t2), factor);
            }
        });
        return result;
    }

    /// <summary>
    /// Double-precision geometry at continuous pixel coordinates: pixel (r, c) spans [r, r+1) × [c, c+1),
    /// so its centre is (r + 0.5, c + 0.5) and its corners are at integer coordinates.
    /// </summary>
    public PixelPosition Evaluate(double row, double col) => Evaluate(_kernel, row, col);

    /// <summary>Double-precision geometry at the centre of pixel (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public PixelPosition AtPixel(int row, int col) => Evaluate(row + 0.5, col + 0.5);

    /// <summary>Double-precision geometry of <paramref name="poni"/> at continuous pixel coordinates (see <see cref="Evaluate(double,double)"/>).</summary>
    public static PixelPosition Evaluate(PoniGeometry poni, double row, double col) => Evaluate(new GeometryKernel(poni), row, col);

    private static PixelPosition Evaluate(GeometryKernel kernel, double row, double col)
    {
        double y = kernel.Y(row), x = kernel.X(col);
        kernel.Lab(y, x, out double t1, out double t2, out double t3);
        double tth = GeometryKernel.TwoTheta(t1, t2, t3);
        return new PixelPosition(tth, kernel.Q(tth), Azimuth.FromPyFaiChi(Math.Atan2(t1, t2)), kernel.SolidAngle(y, x));
    }

    private void FillRow(GeometryKernel kernel, int row, int cols)
    {
        double y = kernel.Y(row + 0.5);
        kernel.RowBase(y, out double b1, out double b2, out double b3);
        kernel.ColumnStep(out double d1, out double d2, out double d3);
        int offset = row * cols;
        for (int c = 0; c < cols; c++)
        {
            double x = kernel.X(c + 0.5);
            double t1 = b1 + d1 * x, t2 = b2 + d2 * x, t3 = b3 + d3 * x;
            double tth = GeometryKernel.TwoTheta(t1, t2, t3);
            int i = offset + c;
            _twoTheta[i] = (float)tth;
            _q[i] = (float)kernel.Q(tth);
            _phi[i] = Azimuth.ToSingle(Azimuth.FromPyFaiChi(Math.Atan2(t1, t2)));
            _solidAngle[i] = (float)kernel.SolidAngle(y, x);
        }
    }
}
