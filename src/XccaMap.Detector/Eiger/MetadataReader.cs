using XccaMap.Hdf5;

namespace XccaMap.Detector.Eiger;

/// <summary>Reads NXmx/DECTRIS metadata with its units (the unit conversion happens here, at the file boundary).</summary>
internal static class MetadataReader
{
    private const string Det = EigerScan.DetectorGroup;
    private const string Spec = Det + "/detectorSpecific";

    public static EigerMetadata Read(H5File file, List<ScanProblem> problems)
    {
        // DECTRIS defaults when a units attribute is missing: lengths in m, wavelength in Å, time in s, beam centre in pixels.
        var pixelX = Length(file, Det + "/x_pixel_size", "m", problems);
        var pixelY = Length(file, Det + "/y_pixel_size", "m", problems) ?? pixelX;
        var wavelength = Length(file, "/entry/instrument/beam/incident_wavelength", "angstrom", problems)
            ?? Length(file, "/entry/instrument/monochromator/wavelength", "angstrom", problems);
        if (wavelength is null && Number(file, Spec + "/photon_energy", out var energyUnits) is { } energy && energy > 0)
        {
            wavelength = UnitConversion.EnergyToWavelengthMetres(energy, energyUnits);
        }

        return new EigerMetadata
        {
            WavelengthMetres = wavelength,
            DistanceMetres = Length(file, Det + "/detector_distance", "m", problems) ?? Length(file, Det + "/distance", "m", problems),
            BeamCenterX = Pixels(file, Det + "/beam_center_x", pixelX, problems),
            BeamCenterY = Pixels(file, Det + "/beam_center_y", pixelY, problems),
            PixelSizeX = pixelX,
            PixelSizeY = pixelY,
            CountTimeSeconds = Time(file, Det + "/count_time", problems),
            BitDepthImage = (int?)Number(file, Det + "/bit_depth_image", out _),
            SaturationValue = (long?)Number(file, Det + "/saturation_value", out _),
            NImages = (long?)Number(file, Spec + "/nimages", out _),
            NTrigger = (long?)Number(file, Spec + "/ntrigger", out _),
            XPixelsInDetector = (int?)Number(file, Spec + "/x_pixels_in_detector", out _),
            YPixelsInDetector = (int?)Number(file, Spec + "/y_pixels_in_detector", out _),
            Description = Text(file, Det + "/description"),
        };
    }

    private static double? Number(H5File file, string path, out string? units)
    {
        units = null;
        if (!file.IsDataset(path))
        {
            return null;
        }

        using var ds = file.OpenDataset(path);
        if (ds.ElementType.Class is not (H5TypeClass.Integer or H5TypeClass.Float))
        {
            return null;
        }

        units = ds.ReadStringAttribute("units");
        return ds.ReadScalarDouble();
    }

    private static double? Length(H5File file, string path, string defaultUnit, List<ScanProblem> problems) =>
        Convert(file, path, problems, (v, u) => UnitConversion.ToMetres(v, u, defaultUnit, path));

    private static double? Time(H5File file, string path, List<ScanProblem> problems) =>
        Convert(file, path, problems, (v, u) => UnitConversion.ToSeconds(v, u, "s", path));

    private static double? Pixels(H5File file, string path, double? pixelSize, List<ScanProblem> problems) =>
        Convert(file, path, problems, (v, u) => UnitConversion.ToPixels(v, u, pixelSize ?? 75e-6, path));

    private static double? Convert(H5File file, string path, List<ScanProblem> problems, Func<double, string?, double> convert)
    {
        if (Number(file, path, out var units) is not { } value)
        {
            return null;
        }

        try
        {
            return convert(value, units);
        }
        catch (InvalidDataException e)
        {
            problems.Add(new ScanProblem(ProblemSeverity.Warning, e.Message + "; value ignored", file.FilePath, path));
            return null;
        }
    }

    private static string? Text(H5File file, string path)
    {
        if (!file.IsDataset(path))
        {
            return null;
        }

        using var ds = file.OpenDataset(path);
        return ds.ReadString();
    }
}
