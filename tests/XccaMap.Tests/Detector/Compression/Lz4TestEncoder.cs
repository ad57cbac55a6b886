namespace XccaMap.Tests.Detector.Compression;

/// <summary>
/// Minimal LZ4 block encoders for round-trip tests: a literals-only encoding (valid LZ4 that
/// never matches) and a greedy encoder that also tries the short offsets 1..8 first, so the
/// decoder meets overlapping matches, long runs and long length fields.
/// </summary>
internal static class Lz4TestEncoder
{
    private const int MinMatch = 4;
    private const int LastLiterals = 5; // LZ4 rule: the last 5 bytes are literals
    private const int MatchStartLimit = 12; // LZ4 rule: no match starts in the last 12 bytes

    public static byte[] LiteralsOnly(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length + 16);
        EmitLiterals(output, data, 0);
        return [.. output];
    }

    public static byte[] Greedy(ReadOnlySpan<byte> data)
    {
        var output = new List<byte>(data.Length / 2);
        var table = new int[1 << 12];
        Array.Fill(table, -1);
        int n = data.Length;
        int anchor = 0;
        int i = 0;
        while (i < n - MatchStartLimit)
        {
            int candidate = -1;
            for (int offset = 1; offset <= 8 && offset <= i; offset++)
            {
                if (Read4(data, i - offset) == Read4(data, i))
                {
                    candidate = i - offset;
                    break;
                }
            }

            uint sequence = Read4(data, i);
            int h = (int)((sequence * 2654435761u) >> 20);
            if (candidate < 0 && table[h] >= 0 && i - table[h] <= ushort.MaxValue && Read4(data, table[h]) == sequence)
            {
                candidate = table[h];
            }

            table[h] = i;
            if (candidate < 0)
            {
                i++;
                continue;
            }

            int length = MinMatch;
            while (i + length < n - LastLiterals && data[candidate + length] == data[i + length])
            {
                length++;
            }

            EmitSequence(output, data[anchor..i], i - candidate, length);
            i += length;
            anchor = i;
        }

        EmitLiterals(output, data[anchor..], 0);
        return [.. output];
    }

    private static void EmitSequence(List<byte> output, ReadOnlySpan<byte> literals, int offset, int matchLength)
    {
        int extraMatch = matchLength - MinMatch;
        EmitLiterals(output, literals, Math.Min(extraMatch, 15));
        output.Add((byte)offset);
        output.Add((byte)(offset >> 8));
        if (extraMatch >= 15)
        {
            EmitLength(output, extraMatch - 15);
        }
    }

    private static void EmitLiterals(List<byte> output, ReadOnlySpan<byte> literals, int matchNibble)
    {
        output.Add((byte)((Math.Min(literals.Length, 15) << 4) | matchNibble));
        if (literals.Length >= 15)
        {
            EmitLength(output, literals.Length - 15);
        }

        foreach (byte b in literals)
        {
            output.Add(b);
        }
    }

    private static void EmitLength(List<byte> output, int length)
    {
        for (; length >= 255; length -= 255)
        {
            output.Add(255);
        }

        output.Add((byte)length);
    }

    private static uint Read4(ReadOnlySpan<byte> data, int i) =>
        (uint)(data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
}
