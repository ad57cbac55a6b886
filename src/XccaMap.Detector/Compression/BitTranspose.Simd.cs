using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace XccaMap.Detector.Compression;

/// <summary>SIMD inverse bit transpose (x86 SSE2/AVX2, scalar elsewhere).</summary>
public static partial class BitTranspose
{
    /// <summary>Largest element size, in bytes, handled by the vector kernels; larger ones use
    /// the per-column path.</summary>
    private const int MaxSimdElementSize = 8;

    /// <summary>Element bytes produced per bit-row column (one column byte = 8 elements).</summary>
    private const int ElementsPerColumn = 8;

    /// <summary>True when <see cref="UntransposeSimd"/> runs vector code on this machine.</summary>
    public static bool IsSimdAccelerated => Sse2.IsSupported;

    /// <summary>
    /// Fast inverse transpose; output is identical to <see cref="UntransposeScalar"/>.
    /// </summary>
    /// <remarks>
    /// Method: for each element byte <c>j</c>, the 8 bit rows <c>8j..8j+7</c> are loaded 16 or
    /// 32 columns at a time (one vector per row), the 8×8 bit matrix in every byte lane is
    /// transposed across the 8 vectors with three shift/xor/mask rounds, and the 8 resulting
    /// vectors are byte-interleaved (unpack) into element order. For multi-byte elements the
    /// per-byte planes go through a 2 KB stack buffer and are interleaved into elements there.
    /// Bit rows that are all zero (the high bytes of low-count pixels, and whole empty blocks —
    /// common in sparse detector frames) are recognised up front and skip the transpose.
    /// </remarks>
    /// <param name="input">The bit-transposed block, <c>n·elementSize</c> bytes, <c>n</c> a multiple of 8.</param>
    /// <param name="output">Receives the <c>n</c> elements; same length as <paramref name="input"/>; must not overlap it.</param>
    /// <param name="elementSize">Element size in bytes (vectorised for 1, 2, 4 and 8).</param>
    public static void UntransposeSimd(ReadOnlySpan<byte> input, Span<byte> output, int elementSize)
    {
        Validate(input.Length, output.Length, elementSize);
        int rowBytes = input.Length / (8 * elementSize);
        if (!Sse2.IsSupported || elementSize > MaxSimdElementSize)
        {
            if (!input.ContainsAnyExcept((byte)0))
            {
                output.Clear();
                return;
            }

            UntransposeColumns(input, output, elementSize, rowBytes, 0, rowBytes);
            return;
        }

        // Bit j of zeroPlanes: the 8 bit rows of element byte j (contiguous) are all zero.
        int planeBytes = 8 * rowBytes;
        int zeroPlanes = 0;
        for (int j = 0; j < elementSize; j++)
        {
            if (!input.Slice(j * planeBytes, planeBytes).ContainsAnyExcept((byte)0))
            {
                zeroPlanes |= 1 << j;
            }
        }

        if (zeroPlanes == (1 << elementSize) - 1)
        {
            output.Clear();
            return;
        }

        UntransposeX86(input, output, elementSize, rowBytes, zeroPlanes);
    }

    [SkipLocalsInit]
    private static void UntransposeX86(ReadOnlySpan<byte> input, Span<byte> output, int es, int rowBytes, int zeroPlanes)
    {
        ref byte src = ref MemoryMarshal.GetReference(input);
        ref byte dst = ref MemoryMarshal.GetReference(output);
        Span<byte> planes = stackalloc byte[MaxSimdElementSize * 32 * ElementsPerColumn];
        ref byte tmp = ref MemoryMarshal.GetReference(planes);
        int q = 0;
        if (Avx2.IsSupported)
        {
            const int Width = 32; // columns per step = bytes per Vector256
            for (; q + Width <= rowBytes; q += Width)
            {
                if (es == 1)
                {
                    Plane256(ref src, rowBytes, 0, q, ref Unsafe.Add(ref dst, ElementsPerColumn * q));
                    continue;
                }

                for (int j = 0; j < es; j++)
                {
                    ref byte plane = ref Unsafe.Add(ref tmp, j * Width * ElementsPerColumn);
                    if (((zeroPlanes >> j) & 1) != 0)
                    {
                        Unsafe.InitBlockUnaligned(ref plane, 0, Width * ElementsPerColumn);
                    }
                    else
                    {
                        Plane256(ref src, rowBytes, j, q, ref plane);
                    }
                }

                Interleave(ref tmp, Width * ElementsPerColumn, es, ref Unsafe.Add(ref dst, ElementsPerColumn * q * es));
            }
        }

        {
            const int Width = 16; // columns per step = bytes per Vector128
            for (; q + Width <= rowBytes; q += Width)
            {
                if (es == 1)
                {
                    Plane128(ref src, rowBytes, 0, q, ref Unsafe.Add(ref dst, ElementsPerColumn * q));
                    continue;
                }

                for (int j = 0; j < es; j++)
                {
                    ref byte plane = ref Unsafe.Add(ref tmp, j * Width * ElementsPerColumn);
                    if (((zeroPlanes >> j) & 1) != 0)
                    {
                        Unsafe.InitBlockUnaligned(ref plane, 0, Width * ElementsPerColumn);
                    }
                    else
                    {
                        Plane128(ref src, rowBytes, j, q, ref plane);
                    }
                }

                Interleave(ref tmp, Width * ElementsPerColumn, es, ref Unsafe.Add(ref dst, ElementsPerColumn * q * es));
            }
        }

        if (q < rowBytes)
        {
            UntransposeColumns(input, output, es, rowBytes, q, rowBytes);
        }
    }

    /// <summary>Element byte <paramref name="j"/> of the 256 elements in columns q..q+31,
    /// written as 256 consecutive bytes to <paramref name="dst"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Plane256(ref byte src, int rowBytes, int j, int q, ref byte dst)
    {
        ref byte row = ref Unsafe.Add(ref src, (8 * j * rowBytes) + q);
        nuint stride = (nuint)rowBytes;
        Vector256<byte> v0 = Vector256.LoadUnsafe(ref row);
        Vector256<byte> v1 = Vector256.LoadUnsafe(ref row, stride);
        Vector256<byte> v2 = Vector256.LoadUnsafe(ref row, 2 * stride);
        Vector256<byte> v3 = Vector256.LoadUnsafe(ref row, 3 * stride);
        Vector256<byte> v4 = Vector256.LoadUnsafe(ref row, 4 * stride);
        Vector256<byte> v5 = Vector256.LoadUnsafe(ref row, 5 * stride);
        Vector256<byte> v6 = Vector256.LoadUnsafe(ref row, 6 * stride);
        Vector256<byte> v7 = Vector256.LoadUnsafe(ref row, 7 * stride);

        // Per byte lane: byte k of the 8×8 matrix is v_k; afterwards v_m holds bit m of each.
        Vector256<byte> m1 = Vector256.Create((byte)0x55);
        Vector256<byte> m2 = Vector256.Create((byte)0x33);
        Vector256<byte> m4 = Vector256.Create((byte)0x0F);
        Swap(ref v0, ref v1, 1, m1);
        Swap(ref v2, ref v3, 1, m1);
        Swap(ref v4, ref v5, 1, m1);
        Swap(ref v6, ref v7, 1, m1);
        Swap(ref v0, ref v2, 2, m2);
        Swap(ref v1, ref v3, 2, m2);
        Swap(ref v4, ref v6, 2, m2);
        Swap(ref v5, ref v7, 2, m2);
        Swap(ref v0, ref v4, 4, m4);
        Swap(ref v1, ref v5, 4, m4);
        Swap(ref v2, ref v6, 4, m4);
        Swap(ref v3, ref v7, 4, m4);

        // Interleave: output byte 8p+m = v_m[p]. Unpacks act per 128-bit lane, so lane 0 of
        // y_i holds output bytes 16i..16i+15 and lane 1 holds 128+16i..; Permute2x128 rejoins.
        Vector256<ushort> a0 = Avx2.UnpackLow(v0, v1).AsUInt16();
        Vector256<ushort> a1 = Avx2.UnpackHigh(v0, v1).AsUInt16();
        Vector256<ushort> a2 = Avx2.UnpackLow(v2, v3).AsUInt16();
        Vector256<ushort> a3 = Avx2.UnpackHigh(v2, v3).AsUInt16();
        Vector256<ushort> a4 = Avx2.UnpackLow(v4, v5).AsUInt16();
        Vector256<ushort> a5 = Avx2.UnpackHigh(v4, v5).AsUInt16();
        Vector256<ushort> a6 = Avx2.UnpackLow(v6, v7).AsUInt16();
        Vector256<ushort> a7 = Avx2.UnpackHigh(v6, v7).AsUInt16();
        Vector256<uint> b0 = Avx2.UnpackLow(a0, a2).AsUInt32();
        Vector256<uint> b1 = Avx2.UnpackHigh(a0, a2).AsUInt32();
        Vector256<uint> b2 = Avx2.UnpackLow(a1, a3).AsUInt32();
        Vector256<uint> b3 = Avx2.UnpackHigh(a1, a3).AsUInt32();
        Vector256<uint> c0 = Avx2.UnpackLow(a4, a6).AsUInt32();
        Vector256<uint> c1 = Avx2.UnpackHigh(a4, a6).AsUInt32();
        Vector256<uint> c2 = Avx2.UnpackLow(a5, a7).AsUInt32();
        Vector256<uint> c3 = Avx2.UnpackHigh(a5, a7).AsUInt32();
        Vector256<byte> y0 = Avx2.UnpackLow(b0, c0).AsByte();
        Vector256<byte> y1 = Avx2.UnpackHigh(b0, c0).AsByte();
        Vector256<byte> y2 = Avx2.UnpackLow(b1, c1).AsByte();
        Vector256<byte> y3 = Avx2.UnpackHigh(b1, c1).AsByte();
        Vector256<byte> y4 = Avx2.UnpackLow(b2, c2).AsByte();
        Vector256<byte> y5 = Avx2.UnpackHigh(b2, c2).AsByte();
        Vector256<byte> y6 = Avx2.UnpackLow(b3, c3).AsByte();
        Vector256<byte> y7 = Avx2.UnpackHigh(b3, c3).AsByte();
        Avx2.Permute2x128(y0, y1, 0x20).StoreUnsafe(ref dst, 0);
        Avx2.Permute2x128(y2, y3, 0x20).StoreUnsafe(ref dst, 32);
        Avx2.Permute2x128(y4, y5, 0x20).StoreUnsafe(ref dst, 64);
        Avx2.Permute2x128(y6, y7, 0x20).StoreUnsafe(ref dst, 96);
        Avx2.Permute2x128(y0, y1, 0x31).StoreUnsafe(ref dst, 128);
        Avx2.Permute2x128(y2, y3, 0x31).StoreUnsafe(ref dst, 160);
        Avx2.Permute2x128(y4, y5, 0x31).StoreUnsafe(ref dst, 192);
        Avx2.Permute2x128(y6, y7, 0x31).StoreUnsafe(ref dst, 224);
    }

    /// <summary>As <see cref="Plane256"/> for 16 columns (128 elements).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Plane128(ref byte src, int rowBytes, int j, int q, ref byte dst)
    {
        ref byte row = ref Unsafe.Add(ref src, (8 * j * rowBytes) + q);
        nuint stride = (nuint)rowBytes;
        Vector128<byte> v0 = Vector128.LoadUnsafe(ref row);
        Vector128<byte> v1 = Vector128.LoadUnsafe(ref row, stride);
        Vector128<byte> v2 = Vector128.LoadUnsafe(ref row, 2 * stride);
        Vector128<byte> v3 = Vector128.LoadUnsafe(ref row, 3 * stride);
        Vector128<byte> v4 = Vector128.LoadUnsafe(ref row, 4 * stride);
        Vector128<byte> v5 = Vector128.LoadUnsafe(ref row, 5 * stride);
        Vector128<byte> v6 = Vector128.LoadUnsafe(ref row, 6 * stride);
        Vector128<byte> v7 = Vector128.LoadUnsafe(ref row, 7 * stride);

        Vector128<byte> m1 = Vector128.Create((byte)0x55);
        Vector128<byte> m2 = Vector128.Create((byte)0x33);
        Vector128<byte> m4 = Vector128.Create((byte)0x0F);
        Swap(ref v0, ref v1, 1, m1);
        Swap(ref v2, ref v3, 1, m1);
        Swap(ref v4, ref v5, 1, m1);
        Swap(ref v6, ref v7, 1, m1);
        Swap(ref v0, ref v2, 2, m2);
        Swap(ref v1, ref v3, 2, m2);
        Swap(ref v4, ref v6, 2, m2);
        Swap(ref v5, ref v7, 2, m2);
        Swap(ref v0, ref v4, 4, m4);
        Swap(ref v1, ref v5, 4, m4);
        Swap(ref v2, ref v6, 4, m4);
        Swap(ref v3, ref v7, 4, m4);

        Vector128<ushort> a0 = Sse2.UnpackLow(v0, v1).AsUInt16();
        Vector128<ushort> a1 = Sse2.UnpackHigh(v0, v1).AsUInt16();
        Vector128<ushort> a2 = Sse2.UnpackLow(v2, v3).AsUInt16();
        Vector128<ushort> a3 = Sse2.UnpackHigh(v2, v3).AsUInt16();
        Vector128<ushort> a4 = Sse2.UnpackLow(v4, v5).AsUInt16();
        Vector128<ushort> a5 = Sse2.UnpackHigh(v4, v5).AsUInt16();
        Vector128<ushort> a6 = Sse2.UnpackLow(v6, v7).AsUInt16();
        Vector128<ushort> a7 = Sse2.UnpackHigh(v6, v7).AsUInt16();
        Vector128<uint> b0 = Sse2.UnpackLow(a0, a2).AsUInt32();
        Vector128<uint> b1 = Sse2.UnpackHigh(a0, a2).AsUInt32();
        Vector128<uint> b2 = Sse2.UnpackLow(a1, a3).AsUInt32();
        Vector128<uint> b3 = Sse2.UnpackHigh(a1, a3).AsUInt32();
        Vector128<uint> c0 = Sse2.UnpackLow(a4, a6).AsUInt32();
        Vector128<uint> c1 = Sse2.UnpackHigh(a4, a6).AsUInt32();
        Vector128<uint> c2 = Sse2.UnpackLow(a5, a7).AsUInt32();
        Vector128<uint> c3 = Sse2.UnpackHigh(a5, a7).AsUInt32();
        Sse2.UnpackLow(b0, c0).AsByte().StoreUnsafe(ref dst, 0);
        Sse2.UnpackHigh(b0, c0).AsByte().StoreUnsafe(ref dst, 16);
        Sse2.UnpackLow(b1, c1).AsByte().StoreUnsafe(ref dst, 32);
        Sse2.UnpackHigh(b1, c1).AsByte().StoreUnsafe(ref dst, 48);
        Sse2.UnpackLow(b2, c2).AsByte().StoreUnsafe(ref dst, 64);
        Sse2.UnpackHigh(b2, c2).AsByte().StoreUnsafe(ref dst, 80);
        Sse2.UnpackLow(b3, c3).AsByte().StoreUnsafe(ref dst, 96);
        Sse2.UnpackHigh(b3, c3).AsByte().StoreUnsafe(ref dst, 112);
    }

    /// <summary>One round of the 8×8 bit transpose in every byte lane: exchanges the bits of
    /// <paramref name="a"/> at positions (mask &lt;&lt; shift) with those of <paramref name="b"/>
    /// at positions mask. The 16-bit shifts leak bits across byte lanes, but only into bit
    /// positions the mask clears.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Swap(ref Vector256<byte> a, ref Vector256<byte> b, int shift, Vector256<byte> mask)
    {
        Vector256<byte> t = (Vector256.ShiftRightLogical(a.AsUInt16(), shift).AsByte() ^ b) & mask;
        b ^= t;
        a ^= Vector256.ShiftLeft(t.AsUInt16(), shift).AsByte();
    }

    /// <inheritdoc cref="Swap(ref Vector256{byte}, ref Vector256{byte}, int, Vector256{byte})"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Swap(ref Vector128<byte> a, ref Vector128<byte> b, int shift, Vector128<byte> mask)
    {
        Vector128<byte> t = (Vector128.ShiftRightLogical(a.AsUInt16(), shift).AsByte() ^ b) & mask;
        b ^= t;
        a ^= Vector128.ShiftLeft(t.AsUInt16(), shift).AsByte();
    }

    /// <summary>Interleaves <paramref name="es"/> byte planes of <paramref name="planeBytes"/>
    /// bytes each (plane j = byte j of every element) into elements: dst[e·es + j] = plane_j[e].</summary>
    private static void Interleave(ref byte planes, int planeBytes, int es, ref byte dst)
    {
        nuint stride = (nuint)planeBytes;
        switch (es)
        {
            case 2:
                for (nuint e = 0; e < stride; e += 16)
                {
                    Vector128<byte> p0 = Vector128.LoadUnsafe(ref planes, e);
                    Vector128<byte> p1 = Vector128.LoadUnsafe(ref planes, stride + e);
                    Sse2.UnpackLow(p0, p1).StoreUnsafe(ref dst, 2 * e);
                    Sse2.UnpackHigh(p0, p1).StoreUnsafe(ref dst, (2 * e) + 16);
                }

                break;
            case 4:
                for (nuint e = 0; e < stride; e += 16)
                {
                    Vector128<byte> p0 = Vector128.LoadUnsafe(ref planes, e);
                    Vector128<byte> p1 = Vector128.LoadUnsafe(ref planes, stride + e);
                    Vector128<byte> p2 = Vector128.LoadUnsafe(ref planes, (2 * stride) + e);
                    Vector128<byte> p3 = Vector128.LoadUnsafe(ref planes, (3 * stride) + e);
                    Vector128<ushort> a = Sse2.UnpackLow(p0, p1).AsUInt16();
                    Vector128<ushort> b = Sse2.UnpackHigh(p0, p1).AsUInt16();
                    Vector128<ushort> c = Sse2.UnpackLow(p2, p3).AsUInt16();
                    Vector128<ushort> d = Sse2.UnpackHigh(p2, p3).AsUInt16();
                    nuint o = 4 * e;
                    Sse2.UnpackLow(a, c).AsByte().StoreUnsafe(ref dst, o);
                    Sse2.UnpackHigh(a, c).AsByte().StoreUnsafe(ref dst, o + 16);
                    Sse2.UnpackLow(b, d).AsByte().StoreUnsafe(ref dst, o + 32);
                    Sse2.UnpackHigh(b, d).AsByte().StoreUnsafe(ref dst, o + 48);
                }

                break;
            case 8:
                for (nuint e = 0; e < stride; e += 16)
                {
                    Vector128<ushort> a0 = Unpack(ref planes, stride, e, 0, false);
                    Vector128<ushort> a1 = Unpack(ref planes, stride, e, 0, true);
                    Vector128<ushort> a2 = Unpack(ref planes, stride, e, 2, false);
                    Vector128<ushort> a3 = Unpack(ref planes, stride, e, 2, true);
                    Vector128<ushort> a4 = Unpack(ref planes, stride, e, 4, false);
                    Vector128<ushort> a5 = Unpack(ref planes, stride, e, 4, true);
                    Vector128<ushort> a6 = Unpack(ref planes, stride, e, 6, false);
                    Vector128<ushort> a7 = Unpack(ref planes, stride, e, 6, true);
                    Vector128<uint> b0 = Sse2.UnpackLow(a0, a2).AsUInt32();
                    Vector128<uint> b1 = Sse2.UnpackHigh(a0, a2).AsUInt32();
                    Vector128<uint> b2 = Sse2.UnpackLow(a1, a3).AsUInt32();
                    Vector128<uint> b3 = Sse2.UnpackHigh(a1, a3).AsUInt32();
                    Vector128<uint> c0 = Sse2.UnpackLow(a4, a6).AsUInt32();
                    Vector128<uint> c1 = Sse2.UnpackHigh(a4, a6).AsUInt32();
                    Vector128<uint> c2 = Sse2.UnpackLow(a5, a7).AsUInt32();
                    Vector128<uint> c3 = Sse2.UnpackHigh(a5, a7).AsUInt32();
                    nuint o = 8 * e;
                    Sse2.UnpackLow(b0, c0).AsByte().StoreUnsafe(ref dst, o);
                    Sse2.UnpackHigh(b0, c0).AsByte().StoreUnsafe(ref dst, o + 16);
                    Sse2.UnpackLow(b1, c1).AsByte().StoreUnsafe(ref dst, o + 32);
                    Sse2.UnpackHigh(b1, c1).AsByte().StoreUnsafe(ref dst, o + 48);
                    Sse2.UnpackLow(b2, c2).AsByte().StoreUnsafe(ref dst, o + 64);
                    Sse2.UnpackHigh(b2, c2).AsByte().StoreUnsafe(ref dst, o + 80);
                    Sse2.UnpackLow(b3, c3).AsByte().StoreUnsafe(ref dst, o + 96);
                    Sse2.UnpackHigh(b3, c3).AsByte().StoreUnsafe(ref dst, o + 112);
                }

                break;
            default:
                for (int e = 0; e < planeBytes; e++)
                {
                    for (int j = 0; j < es; j++)
                    {
                        Unsafe.Add(ref dst, (e * es) + j) = Unsafe.Add(ref planes, (j * planeBytes) + e);
                    }
                }

                break;
        }
    }

    /// <summary>Byte-interleaves planes <paramref name="j"/> and j+1 at element offset e (low or high half).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> Unpack(ref byte planes, nuint stride, nuint e, int j, bool high)
    {
        Vector128<byte> p = Vector128.LoadUnsafe(ref planes, ((nuint)j * stride) + e);
        Vector128<byte> r = Vector128.LoadUnsafe(ref planes, ((nuint)(j + 1) * stride) + e);
        return (high ? Sse2.UnpackHigh(p, r) : Sse2.UnpackLow(p, r)).AsUInt16();
    }
}
