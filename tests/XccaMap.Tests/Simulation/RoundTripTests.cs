using System.Text.Json;
using XccaMap.Detector.Eiger;
using XccaMap.Detector.Geometry;
using XccaMap.Detector.Masks;
using XccaMap.Hdf5;
using XccaMap.Simulation.Output;
using XccaMap.Simulation.Scan;

namespace XccaMap.Tests.Simulation;

/// <summary>A simulated scan reads back through the Eiger reader with its metadata, mask, frames and side files.</summary>
[Collection(SimulatedScanCollection.Name)]
public sealed class RoundTripTests(SimulatedScanFixture fixture)
{
    [Fact]
    public void Master_metadata_and_pixel_mask_read_back()
    {
        using var scan = EigerScan.Open(fixture.Result.MasterPath);
        Assert.Equal(2167, scan.Rows);
        Assert.Equal(2070, scan.Columns);
        Assert.Equal(6, scan.PresentFrameCount);
        Assert.Equal(6, scan.Metadata.ExpectedFrames);
        Assert.Equal(2, scan.Sources.Count);
        Assert.Empty(scan.Problems);
        var m = scan.Metadata;
        Assert.Equal(0.898e-10, m.WavelengthMetres!.Value, 15);
        Assert.Equal(0.41, m.DistanceMetres!.Value, 12);
        Assert.Equal(180, m.BeamCenterX!.Value, 9);
        Assert.Equal(1990, m.BeamCenterY!.Value, 9);
        Assert.Equal(75e-6, m.PixelSizeX!.Value, 12);
        Assert.Equal(0.3, m.CountTimeSeconds!.Value, 12);
        Assert.Equal(32, m.BitDepthImage);
        var mask = scan.ReadPixelMask();
        Assert.NotNull(mask);
        Assert.Equal(fixture.Simulator.Detector.Defects.PixelMask, mask);
        Assert.Equal(Eiger4MLayout.GapMask().Count(g => g), mask.Count(v => (v & 1) != 0));
        Assert.Contains(mask, v => v == 2);
        Assert.Contains(mask, v => v == 8);
    }

    [Fact]
    public void Frames_are_the_deterministic_renderings_with_gaps_all_ones_and_a_dark_beamstop()
    {
        using var scan = EigerScan.Open(fixture.Result.MasterPath);
        var sim = fixture.Simulator;
        var renderer = sim.NewRenderer();
        var expected = new uint[scan.PixelsPerFrame];
        foreach (int f in new[] { 0, 5 })
        {
            using var frame = scan.ReadFrame(f);
            renderer.Render(sim.PointOfFrame(f), f, expected);
            Assert.True(frame.Data.SequenceEqual(expected), $"frame {f} differs from its rendering");
            var mask = sim.Detector.Defects.PixelMask;
            var beamstop = sim.Detector.Beamstop;
            long total = 0;
            for (int p = 0; p < expected.Length; p++)
            {
                if (mask[p] != 0)
                {
                    Assert.Equal(uint.MaxValue, frame.Data[p]);
                }
                else
                {
                    Assert.NotEqual(uint.MaxValue, frame.Data[p]);
                    total += frame.Data[p];
                    if (beamstop[p])
                    {
                        Assert.Equal(0u, frame.Data[p]);
                    }
                }
            }

            Assert.InRange(total, 10_000, 50_000_000);
            foreach (int hot in sim.Detector.Defects.UnmaskedHotPixels)
            {
                Assert.InRange(frame.Data[hot], 2000u, 4000u); // mean 3000 counts
            }
        }
    }

    [Fact]
    public void Scan_description_poni_and_beamstop_files_read_back()
    {
        var d = ScanDescription.Read(fixture.Result.ScanDescriptionPath);
        Assert.Equal((2, 3, 0.5, ScanOrder.Snake, 6), (d.Rows, d.Cols, d.StepUm, d.Order, d.Frames));
        Assert.Equal(Path.GetFileName(fixture.Result.MasterPath), d.MasterFile);

        // The plain keys processing reads (design.md §2: the raster comes from the scan description).
        using var json = JsonDocument.Parse(File.ReadAllText(fixture.Result.ScanDescriptionPath));
        Assert.Equal(2, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("cols").GetInt32());
        Assert.Equal("snake", json.RootElement.GetProperty("order").GetString());
        Assert.Equal(0.5, json.RootElement.GetProperty("step_um").GetDouble());

        var poni = PoniGeometry.Read(fixture.Result.PoniPath);
        var ours = fixture.Simulator.Detector.Poni;
        Assert.Equal((ours.Distance, ours.Poni1, ours.Poni2, ours.Wavelength), (poni.Distance, poni.Poni1, poni.Poni2, poni.Wavelength));
        Assert.Equal(DetectorShape.Eiger4M, poni.Detector.Shape);

        var npy = NpyReader.Read(fixture.Result.BeamstopPath);
        Assert.Equal(NpyDType.UInt8, npy.DType);
        Assert.Equal([2167, 2070], npy.Shape);
        Assert.Equal(fixture.Simulator.Detector.Beamstop, npy.ToNonZero());
    }

    [Fact]
    public void Truth_files_parse_and_agree_with_the_sample()
    {
        var sample = fixture.Simulator.Sample;
        using var json = JsonDocument.Parse(File.ReadAllText(fixture.Result.TruthJsonPath));
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("classes").GetArrayLength());
        var map = root.GetProperty("maps").GetProperty("class");
        Assert.Equal(2, map.GetArrayLength());
        for (int r = 0; r < 2; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(sample[r, c].Label, map[r][c].GetInt32());
            }
        }

        using var h5 = H5File.Open(fixture.Result.TruthPath);
        using (var ds = h5.OpenDataset("maps/class"))
        {
            Assert.Equal([2UL, 3UL], ds.Dims);
            Assert.Equal(sample.Points.ToArray().Select(p => p.Label), ds.ReadAll<int>());
        }

        for (int i = 0; i < 3; i++)
        {
            using var q = h5.OpenDataset($"classes/class_{i:D2}/sl_peaks/q");
            Assert.NotEmpty(q.ReadAll<double>());
            using var c = h5.OpenDataset($"classes/class_{i:D2}/ccf/c");
            var ccf = c.ReadAll<double>();
            Assert.Equal(360, ccf.Length);
            Assert.Equal(1.0, ccf.Max(), 12);
            Assert.Equal(0.0, ccf.Min(), 12);
            using var pattern = h5.OpenDataset($"classes/class_{i:D2}/pattern_noise_free");
            Assert.Equal([2167UL, 2070UL], pattern.Dims);
        }
    }

    [Fact]
    public void A_scan_that_stops_early_announces_the_raster_and_holds_what_was_written()
    {
        using var scan = EigerScan.Open(fixture.Stopped.MasterPath);
        Assert.Equal(2, scan.PresentFrameCount);
        Assert.Equal(6, scan.Metadata.ExpectedFrames);
        using var frame = scan.ReadFrame(1);
        Assert.Equal(2167 * 2070, frame.Data.Length);
        Assert.Equal(6, ScanDescription.Read(fixture.Stopped.ScanDescriptionPath).Frames);
    }
}
