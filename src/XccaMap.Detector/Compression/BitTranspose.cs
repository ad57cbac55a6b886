using System.Runtime.CompilerServices;

namespace XccaMap.Detector.Compression;

/// <summary>
/// The bit transpose of the bitshuffle filter (K. Masui et al., Astronomy and Computing 12,
/// 181 (2015)) for one block, and its inverse.
/// </summary>
/// <remarks>
/// <para>
/// Layout. A block of <c>n</c> elements (<c>n</c> a multiple of 8) of <c>s</c> bytes each is
/// stored as <c>8·s</c> bit rows of <c>n/8</c> bytes. Row <c>r</c> holds bit <c>r</c> of every
/// element, where bit <c>r</c> is bit <c>r % 8</c> of byte <c>r / 8</c> of the element as it
/// lies in memory (little-endian on disk). Within a row, bit <c>i % 8</c> of byte <c>i / 8</c>
/// belongs to element <c>i</c>. In short, for element <c>i</c> and bit <c>r</c>:
/// <c>bit(output[i·s + r/8], r%8) = bit(input[r·n/8 + i/8], i%8)</c>.
/// </para>
/// <para>
/// <see cref="UntransposeScalar"/> is the plain reference (one bit at a time) kept for tests;
/// <see cref="UntransposeSimd"/> is the fast path and must give identical output. Both are
/// stateless and thread-safe.
/// </para>
/// </remarks>
public static partial class BitTranspose
{
    /// <summary>
    /// Reference inverse transpose, one bit at a time: turns <c>8·elementSize</c> bit rows back
    /// into elements.
    /// </summary>
    /// <param name="input">The bit-transposed block, <c>n·elementSize</c> bytes, <c>n</c> a multiple of 8.</param>
    /// <param name="output">Receives the <c>n</c> elements; same length as <paramref name="input"/>.</param>
    /// <param name="elementSize">Element size in bytes (1, 2, 4, 8, …).</param>
    public static void UntransposeScalar(ReadOnlySpan<byte> input, Span<byte> output, int elementSize)
    {
        Validate(input.Length, output.Length, elementSize);
        output.Clear();
        int bits = 8 * elementSize;
        int n = input.Length / elementSize;
        int rowBytes = n / 8;
        for (int i = 0; i < n; i++)
        {
            for (int r = 0; r < bits; r++)
            {
                int bit = (input[(r * rowBytes) + (i >> 3)] >> (i & 7)) & 1;
                output[(i * elementSize) + (r >> 3)] |= (byte)(bit << (r & 7));
            }
        }
    }

    /// <summary>
    /// Reference forward transpose (what the bitshuffle encoder does to each block), one bit at
    /// a time. Meant for tests and test encoders, not for speed.
    /// </summary>
    /// <param name="input">The elements, <c>n·elementSize</c> bytes, <c>n</c> a multiple of 8.</param>
    /// <param name="output">Receives the <c>8·elementSize</c> bit rows; same length as <paramref name="input"/>.</param>
    /// <param name="elementSize">Element size in bytes.</param>
    public static void TransposeScalar(ReadOnlySpan<byte> input, Span<byte> output, int elementSize)
    {
        Validate(input.Length, output.Length, elementSize);
        output.Clear();
        int bits = 8 * elementSize;
        int n = input.Length / elementSize;
        int rowBytes = n / 8;
        for (int i = 0; i < n; i++)
        {
            for (int r = 0; r < bits; r++)
            {
                int bit = (input[(i * elementSize) + (r >> 3)] >> (r & 7)) & 1;
                output[(r * rowBytes) + (i >> 3)] |= (byte)(bit << (i & 7));
            }
        }
    }

    /// <summary>
    /// Inverse transpose of bit-row columns <c>[firstColumn, endColumn)</c> (each column is one
    /// byte of every bit row, i.e. 8 elements), with one 8×8 bit-matrix transpose per column and
    /// element byte. The SIMD path uses this for its tail and on hardware without SSE2.
    /// </summary>
    internal static void UntransposeColumns(ReadOnlySpan<byte> input, Span<byte> output, int elementSize, int rowBytes, int firstColumn, int endColumn)
    {
        for (int q = firstColumn; q < endColumn; q++)
        {
            for (int j = 0; j < elementSize; j++)
            {
                // Byte k of x is bit row 8j+k at column q: bit m of it is bit (8j+k) of element 8q+m.
                int row = 8 * j * rowBytes;
                ulong x = 0;
                for (int k = 0; k < 8; k++)
                {
                    x |= (ulong)input[row + (k * rowBytes) + q] << (8 * k);
                }

                x = Transpose8x8(x);
                int o = (8 * q * elementSize) + j;
                for (int m = 0; m < 8; m++)
                {
                    output[o + (m * elementSize)] = (byte)(x >> (8 * m));
                }
            }
        }
    }

    /// <summary>
    /// Transposes the 8×8 bit matrix held in <paramref name="x"/> (byte k, bit m ↦ byte m, bit k)
    /// by three rounds of block swaps (H. S. Warren, <i>Hacker's Delight</i>, 2nd ed., §7-3).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Transpose8x8(ulong x)
    {
        ulong t = (x ^ (x >> 7)) & 0x00AA00AA00AA00AAUL;
        x ^= t ^ (t << 7);
        t = (x ^ (x >> 14)) & 0x0000CCCC0000CCCCUL;
        x ^= t ^ (t << 14);
        t = (x ^ (x >> 28)) & 0x00000000F0F0F0F0UL;
        x ^= t ^ (t << 28);
        return x;
    }

    private static void Validate(int inputLength, int outputLength, int elementSize)
    {
        if (elementSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(elementSize), elementSize, "Element size must be at least 1 byte.");
        }

        if (inputLength != outputLength)
        {
            throw new ArgumentException($"Input ({inputLength} bytes) and output ({outputLength} bytes) must have the same length.", nameof(outputLength));
        }

        if (inputLength % (8 * elementSize) != 0)
        {
            throw new ArgumentException($"Block length {inputLength} bytes is not a multiple of 8 elements of {elementSize} bytes.", nameof(inputLength));
        }
    }
}
