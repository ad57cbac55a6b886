using XccaMap.Hdf5;

namespace XccaMap.Tests.Hdf5;

public class H5RoundTripTests
{
    [Fact]
    public void Groups_attributes_and_datasets_round_trip()
    {
        using var dir = new TempDir();
        var path = dir.File("rt.h5");
        using (var f = H5File.Create(path))
        {
            using var g = f.CreateGroup("entry/process", "NXprocess");
            g.WriteAttribute("note", "φ from +column towards +row, Å⁻¹");
            g.WriteAttribute("scale", 2.5);
            g.WriteAttribute("axes", ["q", "phi"]);
            g.WriteDataset<double>("q", [0.1, 0.2, 0.3], "1/angstrom");
            g.WriteScalar("count", 42L);
            g.WriteString("name", "fcc 311");
        }

        using var r = H5File.Open(path);
        using var rg = r.OpenGroup("/entry/process");
        Assert.Equal("NXprocess", rg.ReadStringAttribute("NX_class"));
        Assert.Equal("φ from +column towards +row, Å⁻¹", rg.ReadStringAttribute("note"));
        Assert.Equal([2.5], rg.ReadDoubleAttribute("scale")!);
        Assert.Null(rg.ReadStringAttribute("absent"));
        using var q = rg.OpenDataset("q");
        Assert.Equal([0.1, 0.2, 0.3], q.ReadAll<double>());
        Assert.Equal("1/angstrom", q.ReadStringAttribute("units"));
        using var c = rg.OpenDataset("count");
        Assert.Equal(42.0, c.ReadScalarDouble());
        using var n = rg.OpenDataset("name");
        Assert.Equal("fcc 311", n.ReadString());
        Assert.Equal(["count", "name", "q"], rg.LinkNames());
    }

    [Fact]
    public void External_links_resolve_and_report_their_target()
    {
        using var dir = new TempDir();
        using (var data = H5File.Create(dir.File("d.h5")))
        {
            data.WriteDataset<int>("/entry/data/data", [1, 2, 3, 4], [2, 2]);
        }

        using (var master = H5File.Create(dir.File("m.h5")))
        {
            master.CreateExternalLink("/entry/data/data_000001", "d.h5", "/entry/data/data");
            master.CreateExternalLink("/entry/data/data_000002", "absent.h5", "/entry/data/data");
        }

        using var m = H5File.Open(dir.File("m.h5"));
        Assert.Equal(H5LinkKind.External, m.LinkKindOf("/entry/data/data_000001"));
        Assert.Equal(new H5ExternalTarget("absent.h5", "/entry/data/data"), m.ReadExternalLink("/entry/data/data_000002"));
        Assert.True(m.Exists("/entry/data/data_000002"));
        Assert.False(m.Exists("/entry/nothing/here"));
    }

    [Theory]
    [InlineData(H5Library.BitshuffleFilterId)]
    [InlineData(H5Library.Lz4FilterId)]
    public void Compressed_chunked_dataset_round_trips_through_the_plugin(int filterId)
    {
        Assert.True(H5Library.IsFilterAvailable(filterId), $"HDF5 filter {filterId} plugin not found (apt-get install bitshuffle hdf5-filter-plugin)");
        using var dir = new TempDir();
        var rng = new Random(7);
        var frame = Enumerable.Range(0, 37 * 53).Select(_ => (uint)rng.Next(0, 50)).ToArray();
        var filter = filterId == H5Library.BitshuffleFilterId ? H5DatasetOptions.Bitshuffle(4) : H5DatasetOptions.Lz4();
        using (var f = H5File.Create(dir.File("c.h5")))
        {
            using var ds = f.CreateDataset<uint>("data", [1, 37, 53], new H5DatasetOptions { Chunk = [1, 37, 53], Filters = [filter] });
            ds.Write<uint>(frame);
        }

        using var r = H5File.Open(dir.File("c.h5"));
        using var rd = r.OpenDataset("data");
        Assert.Equal(frame, rd.ReadAll<uint>());
        Assert.Equal(filterId, Assert.Single(rd.Filters).Id);
        Assert.Equal([1UL, 37, 53], rd.ChunkDims);
        Assert.True(rd.ChunkStorageSize([0, 0, 0]) > 0);
    }

    [Fact]
    public void Errors_name_the_file_and_object()
    {
        using var dir = new TempDir();
        var path = dir.File("e.h5");
        using (H5File.Create(path))
        {
        }

        using var f = H5File.Open(path);
        var e = Assert.Throws<H5Exception>(() => f.OpenDataset("/entry/data/data"));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("/entry/data/data", e.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(e.HdfStack));
    }

    [Fact]
    public void Opening_a_non_hdf5_file_is_a_clear_error()
    {
        using var dir = new TempDir();
        var path = dir.File("not.h5");
        File.WriteAllText(path, "this is not HDF5");
        Assert.False(H5File.IsHdf5(path));
        var e = Assert.Throws<H5Exception>(() => H5File.Open(path));
        Assert.Contains("not an HDF5 file", e.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => H5File.Open(dir.File("missing.h5")));
    }
}
