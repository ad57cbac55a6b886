using XccaMap.Diffraction.Boundary;
using XccaMap.Hdf5;

namespace XccaMap.Tests.Diffraction.Boundary;

public class ResultsMapsReaderTests
{
    [Fact]
    public void Reads_maps_rings_and_labels_with_a_slash()
    {
        using var dir = new TempDir();
        string path = dir.File("results.h5");
        ulong[] dims = [2, 3];
        using (var f = H5File.Create(path))
        {
            using var maps = f.CreateGroup("entry/maps");
            maps.WriteAttribute("step_um", 0.25);
            maps.WriteAttribute("scan_order", "snake");
            maps.WriteDataset<int>("saxs_class", [0, 0, -1, -2, 0, -3], dims);
            maps.WriteDataset<float>("saxs_intensity", [1, 1, 0, 0.5f, 1, float.NaN], dims);
            maps.WriteDataset<float>("q_sl_200", [0.084f, 0.085f, float.NaN, float.NaN, 0.084f, float.NaN], dims, "1/angstrom");
            maps.WriteDataset<float>("q_sl_200_error", [1e-5f, 1e-5f, float.NaN, float.NaN, 1e-5f, float.NaN], dims, "1/angstrom");
            maps.WriteDataset<float>("q_sl_511/333", [0.19f, 0.19f, float.NaN, float.NaN, 0.19f, float.NaN], dims, "1/angstrom");
            maps.WriteDataset<float>("intensity_al_200", [1, 2, 3, 4, 5, 6], dims);
            using var rings = f.CreateGroup("entry/rings/sl_200");
            rings.WriteAttribute("kind", "superlattice (SAXS)");
            rings.WriteAttribute("hkl", "200");
            rings.WriteScalar("q", 0.0838);
            rings.WriteScalar("q_min", 0.082);
            rings.WriteScalar("q_max", 0.086);
            rings.WriteScalar("fwhm", 0.002);
            using var r2 = f.CreateGroup("entry/rings/sl_511/333");
            r2.WriteAttribute("kind", "superlattice (SAXS)");
            r2.WriteAttribute("hkl", "511/333");
            r2.WriteScalar("q", 0.1959);
            r2.WriteScalar("q_min", 0.194);
            r2.WriteScalar("q_max", 0.198);
            r2.WriteScalar("fwhm", 0.002);
            f.WriteScalar("entry/indexing/superlattice/a_least_squares", 150.0);
        }

        var m = ResultsMapsReader.Read(path);
        Assert.Equal((2, 3, 0.25, true), (m.Rows, m.Cols, m.StepUm, m.Snake));
        Assert.Equal(4, m.FrameOf(1, 1)); // snake: row 1 runs backwards
        Assert.Equal(5, m.FrameOf(1, 0));
        Assert.Equal(2, m.QMaps.Count);
        var q511 = m.QMap("511/333");
        Assert.NotNull(q511);
        Assert.Equal(27, q511.N);
        Assert.Equal(0.1959, q511.RingQ, 12);
        Assert.All(q511.Errors, e => Assert.True(double.IsNaN(e)));
        Assert.Equal(["sl_200", "sl_511/333"], m.Rings.Select(r => r.Name));
        Assert.Equal(150.0, m.LatticeConstant);
        Assert.True(m.RingIntensity.ContainsKey("al_200"));
        Assert.Null(m.Geometry);
        Assert.Throws<InvalidDataException>(() => ResultsMapsReader.Read(WriteNotResults(dir)));
    }

    private static string WriteNotResults(TempDir dir)
    {
        string path = dir.File("other.h5");
        using var f = H5File.Create(path);
        f.WriteScalar("x", 1.0);
        return path;
    }
}
