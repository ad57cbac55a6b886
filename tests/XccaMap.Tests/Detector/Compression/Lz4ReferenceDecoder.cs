namespace XccaMap.Tests.Detector.Compression;

/// <summary>
/// Plain reference twin of <see cref="XccaMap.Detector.Compression.Lz4BlockDecoder"/>: span
/// indexing only, byte-by-byte overlapping matches, no wild copies. Used to check the fast
/// decoder and, in <see cref="CompressionBenchmarks"/>, to show what its unsafe copies buy.
/// </summary>
internal static class Lz4ReferenceDecoder
{
    public static int Decode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int ip = 0;
        int op = 0;
        while (true)
        {
            int token = Next(source, ref ip);
            int literals = token >> 4;
            if (literals == 15)
            {
                literals += ReadLength(source, ref ip);
            }

            if (literals > source.Length - ip || literals > destination.Length - op)
            {
                throw new InvalidDataException("literal run out of bounds");
            }

            source.Slice(ip, literals).CopyTo(destination[op..]);
            ip += literals;
            op += literals;
            if (ip == source.Length)
            {
                return op;
            }

            int offset = Next(source, ref ip) | (Next(source, ref ip) << 8);
            int match = token & 15;
            if (match == 15)
            {
                match += ReadLength(source, ref ip);
            }

            match += 4;
            if (offset == 0 || offset > op || match > destination.Length - op || ip == source.Length)
            {
                throw new InvalidDataException("bad match");
            }

            for (int i = 0; i < match; i++, op++)
            {
                destination[op] = destination[op - offset];
            }
        }
    }

    private static int ReadLength(ReadOnlySpan<byte> source, ref int ip)
    {
        int length = 0;
        int b;
        do
        {
            b = Next(source, ref ip);
            length += b;
        }
        while (b == 255);
        return length;
    }

    private static int Next(ReadOnlySpan<byte> source, ref int ip) =>
        ip < source.Length ? source[ip++] : throw new InvalidDataException("truncated");
}
