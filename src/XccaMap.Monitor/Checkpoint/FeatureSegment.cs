using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace XccaMap.Monitor.Checkpoint;

/// <summary>
/// One checkpoint segment: the features of the frames processed since the previous checkpoint. Little-endian:
/// "XMFS", int32 version 1, int32 floats per frame, int32 frames; then per frame int32 frame index, int64 time it
/// became visible (Unix ms) and the floats (<see cref="Live.LiveFeatures.CopyFrame"/>).
/// </summary>
public static class FeatureSegment
{
    private const int HeaderBytes = 16;
    private static ReadOnlySpan<byte> Magic => "XMFS"u8;

    /// <summary>Serialises frames.</summary>
    public static byte[] Encode(IReadOnlyList<(int Frame, long VisibleAtMs)> frames, int floatsPerFrame, Action<int, Span<float>> copy)
    {
        int record = 12 + (4 * floatsPerFrame);
        var bytes = new byte[HeaderBytes + ((long)record * frames.Count)];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), floatsPerFrame);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(12), frames.Count);
        var values = new float[floatsPerFrame];
        int o = HeaderBytes;
        foreach (var (frame, visible) in frames)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(o), frame);
            BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(o + 4), visible);
            copy(frame, values);
            MemoryMarshal.AsBytes(values.AsSpan()).CopyTo(bytes.AsSpan(o + 12));
            o += record;
        }

        return bytes;
    }

    /// <summary>Reads a segment back; <paramref name="restore"/> gets each frame.</summary>
    /// <exception cref="InvalidDataException">Not a segment, or not of this layout (the message names the file).</exception>
    public static int Decode(string path, int floatsPerFrame, Action<int, long, Span<float>> restore)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < HeaderBytes || !bytes.AsSpan(0, 4).SequenceEqual(Magic) || BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)) != 1)
        {
            throw new InvalidDataException($"{path} is not a monitor checkpoint segment");
        }

        int stored = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8));
        int count = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(12));
        int record = 12 + (4 * floatsPerFrame);
        if (stored != floatsPerFrame || bytes.Length != HeaderBytes + ((long)record * count))
        {
            throw new InvalidDataException($"{path}: {stored} floats per frame and {bytes.Length} bytes; expected {floatsPerFrame} and {HeaderBytes + ((long)record * count)}");
        }

        var values = new float[floatsPerFrame];
        for (int i = 0, o = HeaderBytes; i < count; i++, o += record)
        {
            int frame = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(o));
            long visible = BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(o + 4));
            MemoryMarshal.Cast<byte, float>(bytes.AsSpan(o + 12, 4 * floatsPerFrame)).CopyTo(values);
            restore(frame, visible, values);
        }

        return count;
    }
}
