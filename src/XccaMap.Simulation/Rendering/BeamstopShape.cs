namespace XccaMap.Simulation.Rendering;

/// <summary>
/// A beamstop: a disk of radius R (pixels) on the direct beam and a holder arm of width w running from the disk
/// centre to the detector edge at azimuth φ_h (design.md §3 convention). Pixel (r, c) is blocked when its centre
/// (r + ½, c + ½) lies inside.
/// </summary>
public static class BeamstopShape
{
    /// <summary>The blocked pixels (true = beamstop or holder), row-major.</summary>
    /// <param name="rows">Detector rows.</param>
    /// <param name="cols">Detector columns.</param>
    /// <param name="beamRow">Direct beam, continuous row coordinate.</param>
    /// <param name="beamCol">Direct beam, continuous column coordinate.</param>
    /// <param name="radiusPx">Disk radius, pixels.</param>
    /// <param name="holderWidthPx">Arm width, pixels (0: no arm).</param>
    /// <param name="holderPhiDeg">Arm direction, degrees from +column towards +row.</param>
    public static bool[] Rasterize(int rows, int cols, double beamRow, double beamCol, double radiusPx, double holderWidthPx, double holderPhiDeg)
    {
        var blocked = new bool[rows * cols];
        double ux = Math.Cos(holderPhiDeg * Math.PI / 180), uy = Math.Sin(holderPhiDeg * Math.PI / 180);
        double r2 = radiusPx * radiusPx, half = holderWidthPx / 2;
        for (int r = 0; r < rows; r++)
        {
            double dy = r + 0.5 - beamRow;
            for (int c = 0; c < cols; c++)
            {
                double dx = c + 0.5 - beamCol;
                bool inDisk = (dx * dx) + (dy * dy) <= r2;
                double along = (dx * ux) + (dy * uy);
                bool inArm = half > 0 && along >= 0 && Math.Abs((-dx * uy) + (dy * ux)) <= half;
                blocked[(r * cols) + c] = inDisk || inArm;
            }
        }

        return blocked;
    }
}
