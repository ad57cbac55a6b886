using System.Runtime.InteropServices;

namespace XccaMap.Detector.Eiger;

/// <summary>
/// Widens uint8/uint16 pixels to uint32. The all-ones value of the stored type (0xFF, 0xFFFF: gap and
/// defective pixels in DECTRIS data) becomes 0xFFFFFFFF, so later steps test one value for every bit depth.
/// </summary>
public static class PixelWidening
{
    /// <summary>The value that marks gap/defective pixels in widened frames.</summary>
    public const uint AllOnes = uint.MaxValue;

    /// <summary>Widens <paramref name="raw"/> (elements of <paramref name="elementSize"/> bytes) into <paramref name="destination"/>.</summary>
    public static void ToUInt32(ReadOnlySpan<byte> raw, int elementSize, Span<uint> destination)
    {
        switch (elementSize)
        {
            case 4:
                MemoryMarshal.Cast<byte, uint>(raw)[..destination.Length].CopyTo(destination);
                break;
            case 2:
                var u16 = MemoryMarshal.Cast<byte, ushort>(raw);
                for (int i = 0; i < destination.Length; i++)
                {
                    uint v = u16[i];
                    destination[i] = v == ushort.MaxValue ? AllOnes : v;
                }

                break;
            case 1:
                for (int i = 0; i < destination.Length; i++)
                {
                    uint v = raw[i];
                    destination[i] = v == byte.MaxValue ? AllOnes : v;
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(elementSize), elementSize, "expected 1, 2 or 4 bytes per pixel");
        }
    }

    /// <summary>Widens only the pixels of <paramref name="roi"/>.</summary>
    public static void ToUInt32(ReadOnlySpan<byte> raw, int elementSize, Span<uint> destination, FrameRoi? roi)
    {
        if (roi is null)
        {
            ToUInt32(raw, elementSize, destination);
            return;
        }

        foreach (var (start, length) in roi.Runs)
        {
            ToUInt32(raw.Slice(start * elementSize, length * elementSize), elementSize, destination.Slice(start, length));
        }
    }
}
