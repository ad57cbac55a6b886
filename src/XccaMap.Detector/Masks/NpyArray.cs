using System.Runtime.InteropServices;

namespace XccaMap.Detector.Masks;

/// <summary>
/// An n-dimensional array as stored in a NumPy <c>.npy</c> file: element type, shape (C order, last index fastest)
/// and the data as a flat typed .NET array (<c>bool[]</c>, <c>byte[]</c>, <c>sbyte[]</c>, <c>short[]</c>, <c>ushort[]</c>,
/// <c>int[]</c>, <c>uint[]</c>, <c>long[]</c>, <c>float[]</c> or <c>double[]</c>).
/// </summary>
public sealed class NpyArray
{
    private readonly int[] _shape;

    /// <summary>Wraps <paramref name="data"/> (not copied) with the given shape.</summary>
    /// <exception cref="ArgumentException">The data's element type or length does not match.</exception>
    public NpyArray(Array data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        DType = DTypeOf(data.GetType().GetElementType() ?? typeof(void));
        long n = 1;
        foreach (int s in shape)
        {
            if (s < 0)
            {
                throw new ArgumentException($"negative dimension in shape ({string.Join(", ", shape)})", nameof(shape));
            }

            n *= s;
        }

        if (n != data.LongLength)
        {
            throw new ArgumentException($"shape ({string.Join(", ", shape)}) holds {n} elements but the data has {data.LongLength}", nameof(shape));
        }

        Data = data;
        _shape = (int[])shape.Clone();
    }

    /// <summary>Element type.</summary>
    public NpyDType DType { get; }

    /// <summary>Dimensions, slowest first.</summary>
    public IReadOnlyList<int> Shape => _shape;

    /// <summary>The flat data, C order.</summary>
    public Array Data { get; }

    /// <summary>Number of elements.</summary>
    public long Length => Data.LongLength;

    /// <summary>Shape as text, "(2167, 2070)".</summary>
    public string ShapeText => "(" + string.Join(", ", _shape) + ")";

    /// <summary>The data as <typeparamref name="T"/>[]; throws if the element type differs.</summary>
    public T[] As<T>()
        where T : unmanaged =>
        Data as T[] ?? throw new InvalidCastException($"array holds {DType}, not {typeof(T).Name}");

    /// <summary>The data converted to double.</summary>
    public double[] ToDoubleArray()
    {
        var result = new double[Length];
        switch (Data)
        {
            case bool[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i] ? 1 : 0; } break;
            case byte[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i]; } break;
            case sbyte[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i]; } break;
            case short[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i]; } break;
            case ushort[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i]; } break;
            case int[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i]; } break;
            case uint[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i]; } break;
            case long[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i]; } break;
            case float[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i]; } break;
            case double[] a: a.CopyTo(result, 0); break;
            default: throw new InvalidOperationException($"unsupported element type {DType}");
        }

        return result;
    }

    /// <summary>Element-wise "is non-zero" (NaN counts as non-zero), as a boolean array.</summary>
    public bool[] ToNonZero()
    {
        var result = new bool[Length];
        switch (Data)
        {
            case bool[] a: a.CopyTo(result, 0); break;
            case byte[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i] != 0; } break;
            case sbyte[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i] != 0; } break;
            case short[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i] != 0; } break;
            case ushort[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i] != 0; } break;
            case int[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i] != 0; } break;
            case uint[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i] != 0; } break;
            case long[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i] != 0; } break;
            case float[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i] != 0; } break;
            case double[] a: for (long i = 0; i < a.LongLength; i++) { result[i] = a[i] != 0; } break;
            default: throw new InvalidOperationException($"unsupported element type {DType}");
        }

        return result;
    }

    /// <summary>Size in bytes of one element of <paramref name="dtype"/>.</summary>
    public static int ElementSize(NpyDType dtype) => dtype switch
    {
        NpyDType.Bool or NpyDType.Int8 or NpyDType.UInt8 => 1,
        NpyDType.Int16 or NpyDType.UInt16 => 2,
        NpyDType.Int32 or NpyDType.UInt32 or NpyDType.Float32 => 4,
        NpyDType.Int64 or NpyDType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>The NumPy descr string, e.g. '&lt;u4'.</summary>
    public static string Descr(NpyDType dtype) => dtype switch
    {
        NpyDType.Bool => "|b1",
        NpyDType.Int8 => "|i1",
        NpyDType.UInt8 => "|u1",
        NpyDType.Int16 => "<i2",
        NpyDType.UInt16 => "<u2",
        NpyDType.Int32 => "<i4",
        NpyDType.UInt32 => "<u4",
        NpyDType.Int64 => "<i8",
        NpyDType.Float32 => "<f4",
        NpyDType.Float64 => "<f8",
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>A new zeroed array of <paramref name="dtype"/> with <paramref name="length"/> elements.</summary>
    internal static Array Allocate(NpyDType dtype, long length) => dtype switch
    {
        NpyDType.Bool => new bool[length],
        NpyDType.Int8 => new sbyte[length],
        NpyDType.UInt8 => new byte[length],
        NpyDType.Int16 => new short[length],
        NpyDType.UInt16 => new ushort[length],
        NpyDType.Int32 => new int[length],
        NpyDType.UInt32 => new uint[length],
        NpyDType.Int64 => new long[length],
        NpyDType.Float32 => new float[length],
        NpyDType.Float64 => new double[length],
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, null),
    };

    /// <summary>The raw bytes of the data array (host order, little-endian on every supported platform).</summary>
    internal Span<byte> RawBytes() => Data switch
    {
        bool[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        byte[] a => a.AsSpan(),
        sbyte[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        short[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        ushort[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        int[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        uint[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        long[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        float[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        double[] a => MemoryMarshal.AsBytes(a.AsSpan()),
        _ => throw new InvalidOperationException($"unsupported element type {DType}"),
    };

    private static NpyDType DTypeOf(Type t) =>
        t == typeof(bool) ? NpyDType.Bool
        : t == typeof(sbyte) ? NpyDType.Int8
        : t == typeof(byte) ? NpyDType.UInt8
        : t == typeof(short) ? NpyDType.Int16
        : t == typeof(ushort) ? NpyDType.UInt16
        : t == typeof(int) ? NpyDType.Int32
        : t == typeof(uint) ? NpyDType.UInt32
        : t == typeof(long) ? NpyDType.Int64
        : t == typeof(float) ? NpyDType.Float32
        : t == typeof(double) ? NpyDType.Float64
        : throw new ArgumentException($"element type {t.Name} cannot be stored in a .npy file by XccaMap");
}
