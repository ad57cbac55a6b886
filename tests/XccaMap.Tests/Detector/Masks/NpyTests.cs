using System.Buffers.Binary;
using System.Text;
using XccaMap.Detector.Masks;

namespace XccaMap.Tests.Detector.Masks;

public sealed class NpyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"xccamap-npy-{Guid.NewGuid():N}");

    public NpyTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    public static TheoryData<Array> Arrays => new()
    {
        new[] { true, false, false, true, true, false },
        new byte[] { 0, 1, 2, 250, 255, 7 },
        new ushort[] { 0, 1, 65535, 300, 2, 9 },
        new uint[] { 0, 1, uint.MaxValue, 123456789, 5, 6 },
        new[] { 0, -1, int.MaxValue, int.MinValue, 5, 6 },
        new[] { 0f, -1.5f, float.MaxValue, float.NaN, 5e-30f, 6 },
        new[] { 0, -1.5, double.MaxValue, double.Epsilon, 5e-300, 6 },
    };

    [Theory]
    [MemberData(nameof(Arrays))]
    public void Round_trip_every_type(Array data)
    {
        var path = Path.Combine(_dir, "a.npy");
        NpyWriter.Write(path, new NpyArray(data, 2, 3));
        var back = NpyReader.Read(path);
        Assert.Equal([2, 3], back.Shape);
        Assert.Equal(data, back.Data);
        Assert.Equal(0, (new FileInfo(path).Length - data.Length * NpyArray.ElementSize(back.DType)) % 64); // header padded to 64
    }

    [Fact]
    public void One_dimensional_shape_has_trailing_comma()
    {
        var path = Path.Combine(_dir, "b.npy");
        NpyWriter.Write(path, new[] { 1.0, 2.0, 3.0 }, 3);
        Assert.Contains("'shape': (3,)", Encoding.ASCII.GetString(File.ReadAllBytes(path)), StringComparison.Ordinal);
        Assert.Equal([3], NpyReader.Read(path).Shape);
    }

    [Fact]
    public void Reads_version_2_big_endian_header()
    {
        // A version-2.0 file with a 4-byte header length and big-endian uint16 data, built by hand.
        var header = "{'descr': '>u2', 'fortran_order': False, 'shape': (2, 2), }";
        header = header.PadRight(64 - 12 - 1) + "\n";
        using var ms = new MemoryStream();
        ms.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 2, 0]);
        var len = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(len, (uint)header.Length);
        ms.Write(len);
        ms.Write(Encoding.ASCII.GetBytes(header));
        foreach (ushort v in new ushort[] { 1, 258, 65535, 0 })
        {
            var b = new byte[2];
            BinaryPrimitives.WriteUInt16BigEndian(b, v);
            ms.Write(b);
        }

        ms.Position = 0;
        var a = NpyReader.Read(ms, "hand-made");
        Assert.Equal(new ushort[] { 1, 258, 65535, 0 }, a.As<ushort>());
    }

    [Fact]
    public void Errors_name_the_file()
    {
        var path = Path.Combine(_dir, "bad.npy");
        File.WriteAllText(path, "not numpy");
        var e = Assert.Throws<NpyFormatException>(() => NpyReader.Read(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);

        NpyWriter.Write(path, new[] { 1, 2, 3, 4 }, 2, 2);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^3]);
        Assert.Contains("truncated", Assert.Throws<NpyFormatException>(() => NpyReader.Read(path)).Message, StringComparison.Ordinal);

        var fortran = Encoding.Latin1.GetString(bytes).Replace("False", "True ", StringComparison.Ordinal);
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(fortran));
        Assert.Contains("Fortran", Assert.Throws<NpyFormatException>(() => NpyReader.Read(path)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shape_must_match_data()
    {
        Assert.Throws<ArgumentException>(() => new NpyArray(new int[5], 2, 3));
    }
}
