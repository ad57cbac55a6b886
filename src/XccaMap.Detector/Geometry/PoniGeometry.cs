namespace XccaMap.Detector.Geometry;

/// <summary>
/// Detector geometry in pyFAI's PONI convention (design.md §3). The PONI (point of normal incidence) is the
/// foot of the perpendicular from the sample onto the detector plane; <see cref="Poni1"/> and <see cref="Poni2"/>
/// locate it from the detector's first pixel corner, along rows (slow axis) and columns (fast axis).
/// Rotations follow pyFAI: the detector is rotated by <see cref="Rot1"/> about axis 1, then <see cref="Rot2"/> about
/// axis 2, then <see cref="Rot3"/> about the beam (see <see cref="GeometryKernel"/>).
/// All lengths in metres, angles in radians.
/// </summary>
public sealed record PoniGeometry
{
    /// <summary>Creates a geometry and checks that it is physical.</summary>
    /// <param name="distance">Sample to PONI distance, metres (&gt; 0).</param>
    /// <param name="poni1">PONI along rows (slow axis), metres.</param>
    /// <param name="poni2">PONI along columns (fast axis), metres.</param>
    /// <param name="rot1">Rotation about axis 1, radians.</param>
    /// <param name="rot2">Rotation about axis 2, radians.</param>
    /// <param name="rot3">Rotation about axis 3 (the beam), radians.</param>
    /// <param name="wavelength">X-ray wavelength, metres (&gt; 0).</param>
    /// <param name="detector">Detector pixel pitch and shape.</param>
    public PoniGeometry(double distance, double poni1, double poni2, double rot1, double rot2, double rot3, double wavelength, DetectorSpec detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        RequireFinite(poni1, nameof(poni1));
        RequireFinite(poni2, nameof(poni2));
        RequireFinite(rot1, nameof(rot1));
        RequireFinite(rot2, nameof(rot2));
        RequireFinite(rot3, nameof(rot3));
        if (!(distance > 0) || !double.IsFinite(distance))
        {
            throw new ArgumentOutOfRangeException(nameof(distance), distance, "distance must be a positive number of metres");
        }

        if (!(wavelength > 0) || !double.IsFinite(wavelength))
        {
            throw new ArgumentOutOfRangeException(nameof(wavelength), wavelength, "wavelength must be a positive number of metres");
        }

        if (!(detector.PixelSize1 > 0) || !(detector.PixelSize2 > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(detector), "pixel sizes must be positive (metres)");
        }

        Distance = distance;
        Poni1 = poni1;
        Poni2 = poni2;
        Rot1 = rot1;
        Rot2 = rot2;
        Rot3 = rot3;
        Wavelength = wavelength;
        Detector = detector;
    }

    /// <summary>Sample to PONI distance, metres.</summary>
    public double Distance { get; init; }

    /// <summary>PONI coordinate along rows (slow axis, pyFAI dimension 1), metres from the first pixel's outer corner.</summary>
    public double Poni1 { get; init; }

    /// <summary>PONI coordinate along columns (fast axis, pyFAI dimension 2), metres from the first pixel's outer corner.</summary>
    public double Poni2 { get; init; }

    /// <summary>Rotation about axis 1 (vertical, perpendicular to the beam), radians.</summary>
    public double Rot1 { get; init; }

    /// <summary>Rotation about axis 2 (horizontal, perpendicular to the beam), radians.</summary>
    public double Rot2 { get; init; }

    /// <summary>Rotation about axis 3 (along the beam), radians.</summary>
    public double Rot3 { get; init; }

    /// <summary>X-ray wavelength, metres.</summary>
    public double Wavelength { get; init; }

    /// <summary>The detector: pixel pitch (metres) and shape.</summary>
    public DetectorSpec Detector { get; init; }

    /// <summary>Pixel pitch along rows, metres (shortcut for <c>Detector.PixelSize1</c>).</summary>
    public double PixelSize1 => Detector.PixelSize1;

    /// <summary>Pixel pitch along columns, metres (shortcut for <c>Detector.PixelSize2</c>).</summary>
    public double PixelSize2 => Detector.PixelSize2;

    /// <summary>True when all three rotations are zero (the PONI is then the direct-beam position).</summary>
    public bool IsUntilted => Rot1 == 0 && Rot2 == 0 && Rot3 == 0;

    /// <summary>
    /// Geometry from NXmx / DECTRIS metadata, with no tilts (design.md §3):
    /// Poni1 = beam_center_y · pixel, Poni2 = beam_center_x · pixel.
    /// </summary>
    /// <param name="beamCenterX">Beam centre along columns (fast axis), pixels, as NXmx stores it.</param>
    /// <param name="beamCenterY">Beam centre along rows (slow axis), pixels.</param>
    /// <param name="distance">Sample to detector distance, metres.</param>
    /// <param name="pixelSizeX">Pixel pitch along columns, metres.</param>
    /// <param name="pixelSizeY">Pixel pitch along rows, metres.</param>
    /// <param name="wavelength">Wavelength, metres.</param>
    /// <param name="shape">Detector shape, if known.</param>
    public static PoniGeometry FromNxmx(double beamCenterX, double beamCenterY, double distance, double pixelSizeX, double pixelSizeY, double wavelength, DetectorShape? shape)
    {
        // NXmx beam_center_{x,y} are in pixels measured from the detector corner, like pyFAI's PONI in metres.
        // A generic detector keeps the pixel pitch and shape explicit in any PONI file written from it.
        var spec = DetectorSpec.Generic(pixelSizeY, pixelSizeX, shape);
        return new PoniGeometry(distance, beamCenterY * pixelSizeY, beamCenterX * pixelSizeX, 0, 0, 0, wavelength, spec);
    }

    /// <summary>Same as <see cref="FromNxmx(double,double,double,double,double,double,DetectorShape?)"/> with square pixels.</summary>
    public static PoniGeometry FromNxmx(double beamCenterX, double beamCenterY, double distance, double pixelSize, double wavelength, DetectorShape? shape) =>
        FromNxmx(beamCenterX, beamCenterY, distance, pixelSize, pixelSize, wavelength, shape);

    /// <summary>Reads a pyFAI PONI file (version 1 or 2). See <see cref="PoniFile.Read"/>.</summary>
    public static PoniGeometry Read(string path) => PoniFile.Read(path);

    /// <summary>Writes this geometry as a version-2 PONI file, atomically. See <see cref="PoniFile.Write"/>.</summary>
    public void Write(string path) => PoniFile.Write(path, this);

    /// <summary>The detector shape, or an exception naming what is missing when the PONI did not carry it.</summary>
    public DetectorShape RequireShape() =>
        Detector.Shape ?? throw new InvalidOperationException(
            $"the geometry's detector '{Detector.Name}' has no image shape (PONI version 1 or no max_shape); pass the shape explicitly");

    private static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, "must be finite");
        }
    }
}
