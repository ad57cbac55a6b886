namespace XccaMap.Simulation.Scan;

/// <summary>
/// Maps frame numbers to raster points and back. Point (row, col) sits at x = col·step, y = row·step (µm) on the
/// sample; x runs along the detector's +column direction and y along +row (lab x, y of LabFrame).
/// </summary>
/// <param name="Rows">Raster rows.</param>
/// <param name="Cols">Raster columns.</param>
/// <param name="StepUm">Step, µm.</param>
/// <param name="Order">Exposure order.</param>
public readonly record struct RasterLayout(int Rows, int Cols, double StepUm, ScanOrder Order)
{
    /// <summary>Number of points (= frames of a complete scan).</summary>
    public int Points => Rows * Cols;

    /// <summary>Width of the scanned area along x, µm.</summary>
    public double WidthUm => (Cols - 1) * StepUm;

    /// <summary>Height of the scanned area along y, µm.</summary>
    public double HeightUm => (Rows - 1) * StepUm;

    /// <summary>The raster point exposed in frame <paramref name="frame"/> (0-based).</summary>
    public (int Row, int Col) PointOfFrame(int frame)
    {
        int row = frame / Cols;
        int col = frame % Cols;
        if (Order == ScanOrder.Snake && (row & 1) == 1)
        {
            col = Cols - 1 - col;
        }

        return (row, col);
    }

    /// <summary>The frame (0-based) that exposed point (<paramref name="row"/>, <paramref name="col"/>).</summary>
    public int FrameOfPoint(int row, int col) =>
        (row * Cols) + (Order == ScanOrder.Snake && (row & 1) == 1 ? Cols - 1 - col : col);

    /// <summary>Sample position of a point, µm.</summary>
    public (double X, double Y) Position(int row, int col) => (col * StepUm, row * StepUm);
}
