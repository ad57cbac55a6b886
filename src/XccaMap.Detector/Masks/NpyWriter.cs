using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace XccaMap.Detector.Masks;

/// <summary>
/// Writes NumPy <c>.npy</c> files: C order, little-endian, format version 1.0 (or 2.0 when the header does not
/// fit in 64 KiB), header padded so the data starts on a 64-byte boundary, as NumPy does. Files are written
/// atomically (temporary file in the same folder, then moved over the target).
/// </summary>
public static class NpyWriter
{
    /// <summary>Writes <paramref name="array"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full) ?? ".";
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                Write(stream, array);
            }

            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            try
            {
                File.Delete(tmp);
            }
            catch (IOException)
            {
                // Best effort: a hidden temporary file is harmless.
            }

            throw;
        }
    }

    /// <summary>Writes <paramref name="data"/> with <paramref name="shape"/> (C order) to <paramref name="path"/>.</summary>
    public static void Write<T>(string path, T[] data, params int[] shape)
        where T : unmanaged => Write(path, new NpyArray(data, shape));

    /// <summary>Writes a 2-D boolean mask (true = excluded) as a numpy bool array.</summary>
    public static void WriteMask(string path, ReadOnlySpan<bool> mask, int rows, int cols) => Write(path, mask.ToArray(), rows, cols);

    /// <summary>Writes <paramref name="array"/> to <paramref name="stream"/>.</summary>
    public static void Write(Stream stream, NpyArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        var shape = array.Shape.Count == 1
            ? "(" + array.Shape[0].ToString(CultureInfo.InvariantCulture) + ",)"
            : "(" + string.Join(", ", array.Shape.Select(s => s.ToString(CultureInfo.InvariantCulture))) + ")";
        var dict = "{'descr': '" + NpyArray.Descr(array.DType) + "', 'fortran_order': False, 'shape': " + shape + ", }";

        // Preamble: 6 magic + 2 version + 2 (v1) or 4 (v2) length bytes; total padded to a multiple of 64, ending in '\n'.
        int version = 1;
        int preamble = 10;
        int total = Pad64(preamble + dict.Length + 1);
        if (total - preamble > ushort.MaxValue)
        {
            version = 2;
            preamble = 12;
            total = Pad64(preamble + dict.Length + 1);
        }

        int headerLength = total - preamble;
        var header = new byte[total];
        header[0] = 0x93;
        Encoding.ASCII.GetBytes("NUMPY", header.AsSpan(1));
        header[6] = (byte)version;
        header[7] = 0;
        if (version == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), (ushort)headerLength);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), (uint)headerLength);
        }

        int pos = preamble + Encoding.ASCII.GetBytes(dict, header.AsSpan(preamble));
        header.AsSpan(pos, total - 1 - pos).Fill((byte)' ');
        header[total - 1] = (byte)'\n';
        stream.Write(header);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException(".npy writing assumes a little-endian host");
        }

        stream.Write(array.RawBytes());
    }

    private static int Pad64(int n) => (n + 63) / 64 * 64;
}
