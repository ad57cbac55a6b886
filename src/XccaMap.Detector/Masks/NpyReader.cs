using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace XccaMap.Detector.Masks;

/// <summary>
/// Reads NumPy <c>.npy</c> files (format versions 1.0, 2.0 and 3.0; C order; little- or big-endian;
/// the element types of <see cref="NpyDType"/>). See the NumPy "NEP 1" format description: a magic string
/// <c>\x93NUMPY</c>, a version, a little-endian header length (2 bytes in 1.0, 4 bytes from 2.0), a Python
/// dict literal with <c>descr</c>, <c>fortran_order</c> and <c>shape</c>, then the raw data.
/// </summary>
public static partial class NpyReader
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Reads the whole file at <paramref name="path"/>.</summary>
    /// <exception cref="NpyFormatException">Not a readable .npy file; the message names the file.</exception>
    public static NpyArray Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Read(stream, path);
    }

    /// <summary>Reads an array from <paramref name="stream"/>; <paramref name="sourceName"/> appears in error messages.</summary>
    public static NpyArray Read(Stream stream, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> prefix = stackalloc byte[8];
        if (!TryReadExactly(stream, prefix) || !prefix[..6].SequenceEqual(Magic))
        {
            throw new NpyFormatException(sourceName, "not a NumPy .npy file (bad magic string)");
        }

        int major = prefix[6];
        int headerLength;
        if (major == 1)
        {
            Span<byte> len = stackalloc byte[2];
            if (!TryReadExactly(stream, len))
            {
                throw new NpyFormatException(sourceName, "truncated header");
            }

            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(len);
        }
        else if (major is 2 or 3)
        {
            Span<byte> len = stackalloc byte[4];
            if (!TryReadExactly(stream, len))
            {
                throw new NpyFormatException(sourceName, "truncated header");
            }

            uint l = BinaryPrimitives.ReadUInt32LittleEndian(len);
            headerLength = l > 1 << 24 ? throw new NpyFormatException(sourceName, $"header length {l} is implausible") : (int)l;
        }
        else
        {
            throw new NpyFormatException(sourceName, $"format version {major}.{prefix[7]} is not supported (1.0, 2.0, 3.0)");
        }

        var headerBytes = new byte[headerLength];
        if (!TryReadExactly(stream, headerBytes))
        {
            throw new NpyFormatException(sourceName, "truncated header");
        }

        var header = (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(headerBytes);
        var (dtype, bigEndian, shape) = ParseHeader(header, sourceName);
        long count = 1;
        foreach (int s in shape)
        {
            count *= s;
        }

        if (count > Array.MaxLength)
        {
            throw new NpyFormatException(sourceName, $"array of {count} elements is too large");
        }

        var data = NpyArray.Allocate(dtype, count);
        var array = new NpyArray(data, shape);
        var bytes = array.RawBytes();
        if (!TryReadExactly(stream, bytes))
        {
            throw new NpyFormatException(sourceName, $"truncated data: shape {array.ShapeText} of {dtype} needs {bytes.Length} bytes");
        }

        int size = NpyArray.ElementSize(dtype);
        if (bigEndian != !BitConverter.IsLittleEndian && size > 1)
        {
            for (int i = 0; i < bytes.Length; i += size)
            {
                bytes.Slice(i, size).Reverse();
            }
        }

        return array;
    }

    private static (NpyDType DType, bool BigEndian, int[] Shape) ParseHeader(string header, string source)
    {
        var descr = DescrRegex().Match(header);
        var fortran = FortranRegex().Match(header);
        var shape = ShapeRegex().Match(header);
        if (!descr.Success || !fortran.Success || !shape.Success)
        {
            throw new NpyFormatException(source, $"header is not a dict with descr, fortran_order and shape: {header.Trim()}");
        }

        if (fortran.Groups[1].Value == "True")
        {
            throw new NpyFormatException(source, "Fortran-ordered arrays are not supported; save with C order (numpy.ascontiguousarray)");
        }

        string d = descr.Groups[1].Value;
        bool bigEndian = d.Length > 0 && d[0] == '>';
        string kind = d.Length > 0 && d[0] is '<' or '>' or '|' or '=' ? d[1..] : d;
        var dtype = kind switch
        {
            "b1" or "?" => NpyDType.Bool,
            "i1" => NpyDType.Int8,
            "u1" => NpyDType.UInt8,
            "i2" => NpyDType.Int16,
            "u2" => NpyDType.UInt16,
            "i4" => NpyDType.Int32,
            "u4" => NpyDType.UInt32,
            "i8" => NpyDType.Int64,
            "f4" => NpyDType.Float32,
            "f8" => NpyDType.Float64,
            _ => throw new NpyFormatException(source, $"element type '{d}' is not supported"),
        };

        var dims = new List<int>();
        foreach (var part in shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = part.TrimEnd('L');
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                throw new NpyFormatException(source, $"bad shape '{shape.Groups[1].Value}'");
            }

            dims.Add(n);
        }

        return (dtype, bigEndian, dims.ToArray());
    }

    private static bool TryReadExactly(Stream stream, Span<byte> buffer)
    {
        try
        {
            stream.ReadExactly(buffer);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"['""]descr['""]\s*:\s*['""]([^'""]*)['""]")]
    private static partial Regex DescrRegex();

    [GeneratedRegex(@"['""]fortran_order['""]\s*:\s*(True|False)")]
    private static partial Regex FortranRegex();

    [GeneratedRegex(@"['""]shape['""]\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapeRegex();
}
