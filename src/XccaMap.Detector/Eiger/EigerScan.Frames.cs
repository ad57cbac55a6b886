using System.Buffers;
using System.Runtime.InteropServices;

namespace XccaMap.Detector.Eiger;

/// <content>Reading single frames by either decode path.</content>
public sealed partial class EigerScan
{
    /// <summary>
    /// Reads frame <paramref name="frame"/> as stored (raw element bytes, native type) into <paramref name="destination"/>
    /// (at least pixels × element size bytes). Used to check that both paths agree bit for bit.
    /// </summary>
    /// <exception cref="FrameReadException">The data file is missing or the chunk cannot be read or decoded.</exception>
    public void ReadFrameRaw(long frame, Span<byte> destination, DecodePath path = DecodePath.Direct)
    {
        var reader = ReaderFor(frame, out var local);
        try
        {
            if (path == DecodePath.Hdf5 || reader.Coding == ChunkCoding.Unsupported)
            {
                reader.ReadFiltered(local, destination);
                return;
            }

            var chunk = reader.ReadChunk(local);
            try
            {
                reader.Decode(chunk, destination, null);
            }
            finally
            {
                chunk.Release();
            }
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw Wrap(e, reader, frame);
        }
    }

    /// <summary>Reads frame <paramref name="frame"/> widened to uint32 (see <see cref="PixelWidening"/>).</summary>
    public Frame ReadFrame(long frame, DecodePath path = DecodePath.Direct, FrameRoi? roi = null)
    {
        var reader = ReaderFor(frame, out var local);
        RawChunk? chunk = null;
        if (path == DecodePath.Direct && reader.Coding != ChunkCoding.Unsupported)
        {
            chunk = Guard(reader, frame, () => reader.ReadChunk(local));
        }

        return DecodeFrame(reader, frame, local, chunk, roi);
    }

    /// <summary>
    /// Turns a raw chunk (direct path) or a filtered read (HDF5 path, when <paramref name="chunk"/> is null) into a frame.
    /// Thread-safe for different frames: only the HDF5 read takes the library lock.
    /// </summary>
    internal Frame DecodeFrame(FrameSourceReader reader, long frame, long local, RawChunk? chunk, FrameRoi? roi)
    {
        var result = new Frame(frame, Rows, Columns, chunk is null ? null : roi);
        byte[]? scratch = null;
        try
        {
            try
            {
                // uint32 data decodes straight into the frame; narrower types go through a scratch buffer and are widened.
                Span<byte> target;
                if (reader.ElementSize == 4)
                {
                    target = MemoryMarshal.AsBytes(result.Pixels);
                }
                else
                {
                    scratch = ArrayPool<byte>.Shared.Rent(reader.Pixels * reader.ElementSize);
                    target = scratch.AsSpan(0, reader.Pixels * reader.ElementSize);
                }

                if (chunk is { } c)
                {
                    reader.Decode(c, target, roi);
                }
                else
                {
                    reader.ReadFiltered(local, target);
                }

                if (reader.ElementSize != 4)
                {
                    PixelWidening.ToUInt32(target, reader.ElementSize, result.Pixels, chunk is null ? null : roi);
                }
            }
            catch (Exception e) when (IsReadFailure(e))
            {
                throw Wrap(e, reader, frame);
            }

            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
        finally
        {
            chunk?.Release();
            if (scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    private static T Guard<T>(FrameSourceReader reader, long frame, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (IsReadFailure(e))
        {
            throw Wrap(e, reader, frame);
        }
    }

    /// <summary>Failures that concern one frame's data (the scan goes on without it).</summary>
    private static bool IsReadFailure(Exception e) =>
        e is not FrameReadException and (IOException or InvalidDataException or IndexOutOfRangeException or ArgumentException);

    /// <summary>Wraps a read/decode failure in a <see cref="FrameReadException"/> naming file, dataset and frame.</summary>
    private static FrameReadException Wrap(Exception e, FrameSourceReader reader, long frame) =>
        new(e.Message, reader.FilePath, reader.DatasetPath, frame, e);
}
