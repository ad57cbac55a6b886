namespace XccaMap.Simulation.Scan;

/// <summary>Checks a scan definition and says, by key, what is wrong.</summary>
public static class ScanValidation
{
    /// <summary>Throws <see cref="InvalidDataException"/> listing every problem found.</summary>
    public static void Validate(ScanDefinition d)
    {
        var errors = new List<string>();
        void Need(bool ok, string message)
        {
            if (!ok)
            {
                errors.Add(message);
            }
        }

        Need(!string.IsNullOrWhiteSpace(d.Name) && d.Name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0 && !d.Name.Contains('/'), "name: must be a plain file name");
        Need(d.Raster.Rows >= 1 && d.Raster.Cols >= 1, "raster.rows/cols: must be ≥ 1");
        Need(d.Raster.StepUm > 0, "raster.step_um: must be > 0");
        Need(d.Beam.WavelengthAngstrom > 0, "beam.wavelength_angstrom: must be > 0");
        Need(d.Beam.CountTimeS > 0, "beam.count_time_s: must be > 0");
        Need(d.Beam.FootprintFwhmUm > 0, "beam.footprint_fwhm_um: must be > 0");
        Need(d.Beam.PolarisationFactor is >= -1 and <= 1, "beam.polarisation_factor: must be in [−1, 1]");
        Need(d.Detector.DistanceM > 0, "detector.distance_m: must be > 0");
        Need(d.Detector.DeadPixelFraction is >= 0 and < 0.1, "detector.dead_pixel_fraction: must be in [0, 0.1)");
        Need(d.Detector.HotPixelsMasked >= 0 && d.Detector.HotPixelsUnmasked >= 0, "detector.hot_pixels_*: must be ≥ 0");
        Need(d.Detector.HotPixelCounts >= 0, "detector.hot_pixel_counts: must be ≥ 0");
        Need(d.Beamstop.RadiusPx >= 0 && d.Beamstop.HolderWidthPx >= 0, "beamstop.radius_px/holder_width_px: must be ≥ 0");
        var s = d.Sample;
        Need(s.SlAAngstrom > 0 && s.AlAAngstrom > 0, "sample.sl_a_angstrom/al_a_angstrom: must be > 0");
        Need(s.NcRadiusAngstrom > 0 && s.NcRadiusSigmaAngstrom >= 0, "sample.nc_radius_angstrom > 0, nc_radius_sigma_angstrom ≥ 0");
        Need(s.SlQMaxInvAngstrom > 0 && s.AlQMaxInvAngstrom > 0, "sample.*_q_max_inv_angstrom: must be > 0");
        Need(s.SlRadialSigmaInvAngstrom > 0, "sample.sl_radial_sigma_inv_angstrom: must be > 0");
        Need(s.SlMosaicSigmaDeg >= 0, "sample.sl_mosaic_sigma_deg: must be ≥ 0");
        Need(s.AlCrystalSizeAngstrom > 0 && s.ScherrerK > 0, "sample.al_crystal_size_angstrom and scherrer_k: must be > 0");
        Need(s.SaxsPeakCounts >= 0 && s.WaxsPeakCounts >= 0, "sample.*_peak_counts: must be ≥ 0");
        Need(s.AlOrientationSamples is >= 64 and <= 1_000_000, "sample.al_orientation_samples: must be in [64, 10⁶]");
        Need(s.GrainSizeUm > 0, "sample.grain_size_um: must be > 0");
        Need(s.EmptyFraction is >= 0 and < 1, "sample.empty_fraction: must be in [0, 1)");
        Need(s.MixedThreshold is > 0 and <= 0.5, "sample.mixed_threshold: must be in (0, 0.5]");
        Need(s.ThicknessVariation is >= 0 and < 1 && s.ThicknessCorrelationUm > 0, "sample.thickness_variation in [0, 1), thickness_correlation_um > 0");
        Need(s.BoundaryCompression is >= 0 and < 0.5, "sample.boundary_compression: must be in [0, 0.5)");
        Need(s.CompressionDecayUm > 0 && s.RotationDecayUm > 0, "sample.*_decay_um: must be > 0");
        Need(Math.Abs(s.BoundaryRotationDeg) <= 45, "sample.boundary_rotation_deg: must be within ±45°");
        var b = d.Background;
        Need(b.DiffuseCountsAtQref >= 0 && b.DiffuseQrefInvAngstrom > 0 && b.DiffuseQMinInvAngstrom > 0, "background.diffuse_*: counts ≥ 0, q > 0");
        Need(b.MembraneRingCounts >= 0 && b.MembraneRingSigmaInvAngstrom > 0 && b.FlatCounts >= 0, "background.membrane_ring_* / flat_counts: must be ≥ 0 (σ > 0)");
        Need(d.Classes.Count >= 1, "classes: at least one class is needed");
        for (int i = 0; i < d.Classes.Count; i++)
        {
            var c = d.Classes[i];
            string at = $"classes[{i}] ('{c.Name}')";
            Need(c.ZoneAxis.Count == 3 && c.ZoneAxis.Any(v => v != 0), $"{at}.zone_axis: must be three integers, not all zero");
            Need(c.Relation is "Conf1" or "Conf2", $"{at}.relation: must be \"Conf1\" or \"Conf2\"");
            Need(c.AlDisorderSigmaDeg is > 0 and <= 45, $"{at}.al_disorder_sigma_deg: must be in (0, 45]");
            Need(c.Weight > 0, $"{at}.weight: must be > 0");
            Need(c.SlAAngstrom is null or > 0, $"{at}.sl_a_angstrom: must be > 0");
            Need(c.IntensityScale >= 0, $"{at}.intensity_scale: must be ≥ 0");
        }

        if (errors.Count > 0)
        {
            throw new InvalidDataException($"scan '{d.Name}': " + string.Join("; ", errors));
        }
    }
}
