using System.Diagnostics;
using System.Runtime.InteropServices;
using Xunit.Abstractions;
using XccaMap.Detector.Compression;

namespace XccaMap.Tests.Detector.Compression;

/// <summary>
/// Timings on the real Eiger 4M frame (2167 × 2070 uint32, bitshuffle+LZ4), single-threaded.
/// Not a timed assertion: it prints figures, and checks the decode against h5py on the way.
/// Runs only when XCCAMAP_BENCHMARK=1 (it calls /usr/bin/python3 + h5py once to extract the raw
/// chunk), e.g. <c>XCCAMAP_BENCHMARK=1 dotnet test -c Release --filter Category=Benchmark</c>.
/// </summary>
public class CompressionBenchmarks(ITestOutputHelper output)
{
    private const int Rows = 2167;
    private const int Columns = 2070;
    private const int Runs = 40;
    private bool _hostSettled;

    [Fact]
    [Trait("Category", "Benchmark")]
    public void Eiger4MFrame_DecodeTimings()
    {
        if (Environment.GetEnvironmentVariable("XCCAMAP_BENCHMARK") != "1")
        {
            output.WriteLine("Skipped: set XCCAMAP_BENCHMARK=1 to run.");
            return;
        }

        (byte[] chunk, byte[] truth)? extracted = Extract();
        if (extracted is null)
        {
            return;
        }

        (byte[] chunk, byte[] truth) = extracted.Value;
        var frame = new byte[Rows * Columns * 4];
        int blockBytes = BitshuffleLz4Decoder.ReadBlockSizeBytes(chunk);
        var scratch = new byte[BitshuffleLz4Decoder.GetScratchSize(blockBytes)];

        BitshuffleLz4Decoder.Decode(chunk, frame, 4, scratch);
        Assert.Equal(truth, frame);

        double full = Time(() => BitshuffleLz4Decoder.Decode(chunk, frame, 4, scratch));

        ElementRange[] roi = [ElementRange.FromRows(975, 217, Columns)]; // ~10 % of the rows
        var index = BlockIndex.Build(chunk, 4);
        double build = Time(() => index.Rebuild(chunk, 4));
        double roiIndexed = Time(() => BitshuffleLz4Decoder.DecodeElementRanges(chunk, index, frame, roi, scratch));
        double roiScan = Time(() => BitshuffleLz4Decoder.DecodeElementRanges(chunk, frame, 4, roi));
        BlockCoverage coverage = BitshuffleLz4Decoder.CountBlocks(frame.Length, blockBytes, 4, roi);

        // Stage split: LZ4 alone (all blocks into scratch), then un-transpose alone.
        var transposed = new byte[frame.Length];
        double lz4 = Time(() => DecompressAllBlocks(chunk, index, transposed, Lz4BlockDecoder.Decode));
        double lz4Reference = Time(() => DecompressAllBlocks(chunk, index, transposed, Lz4ReferenceDecoder.Decode));
        double simd = Time(() => UntransposeAll(index, transposed, frame, simd: true));
        double scalar = Time(() => UntransposeAll(index, transposed, frame, simd: false));

        int zeroBlocks = 0;
        for (int b = 0; b < index.BlockCount; b++)
        {
            zeroBlocks += transposed.AsSpan(b * blockBytes, Math.Min(blockBytes, transposed.Length - (b * blockBytes))).ContainsAnyExcept((byte)0) ? 0 : 1;
        }

        output.WriteLine($"chunk {chunk.Length} B -> {frame.Length} B, {index.BlockCount} blocks ({zeroBlocks} all-zero), AVX2 {System.Runtime.Intrinsics.X86.Avx2.IsSupported}");
        output.WriteLine($"full decode           {full:F2} ms/frame (median of {Runs})");
        output.WriteLine($"  LZ4 only            {lz4:F2} ms   (span reference {lz4Reference:F2} ms)");
        output.WriteLine($"  untranspose SIMD    {simd:F2} ms   (per-column scalar {scalar:F2} ms)");
        output.WriteLine($"block index build     {build * 1000:F1} µs");
        output.WriteLine($"ROI 217 rows (10 %)   {roiIndexed:F2} ms with index, {roiScan:F2} ms scanning; {coverage.NeededBlocks}/{coverage.TotalBlocks} blocks");
    }

    private delegate int BlockDecoder(ReadOnlySpan<byte> source, Span<byte> destination);

    private static void DecompressAllBlocks(byte[] chunk, BlockIndex index, byte[] transposed, BlockDecoder decode)
    {
        int offset = BitshuffleLz4Decoder.HeaderSize;
        for (int b = 0; b < index.BlockCount; b++)
        {
            int length = index.GetCompressedLength(b);
            int bytes = Math.Min(index.BlockSizeBytes, (index.ElementCount - index.RawTailElements) * 4 - (b * index.BlockSizeBytes));
            decode(chunk.AsSpan(offset + 4, length), transposed.AsSpan(b * index.BlockSizeBytes, bytes));
            offset += 4 + length;
        }
    }

    private static void UntransposeAll(BlockIndex index, byte[] transposed, byte[] frame, bool simd)
    {
        for (int b = 0; b < index.BlockCount; b++)
        {
            int start = b * index.BlockSizeBytes;
            int bytes = Math.Min(index.BlockSizeBytes, (index.ElementCount - index.RawTailElements) * 4 - start);
            if (simd)
            {
                BitTranspose.UntransposeSimd(transposed.AsSpan(start, bytes), frame.AsSpan(start, bytes), 4);
            }
            else
            {
                BitTranspose.UntransposeColumns(transposed.AsSpan(start, bytes), frame.AsSpan(start, bytes), 4, bytes / 32, 0, bytes / 32);
            }
        }
    }

    /// <summary>Median wall time in ms; the machine may be shared, so the minimum is kept too.</summary>
    private double Time(Action action, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(action))] string what = "")
    {
        // Warm up so tiered JIT has promoted the hot methods; the first time also until start-up
        // work in the test host has settled (in the full test assembly the first ~2 s ran slower).
        double warmupMs = _hostSettled ? 300 : 2000;
        _hostSettled = true;
        long warmup = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warmup).TotalMilliseconds < warmupMs)
        {
            action();
        }

        var times = new double[Runs];
        for (int i = 0; i < Runs; i++)
        {
            long start = Stopwatch.GetTimestamp();
            action();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        output.WriteLine($"  [{times[0]:F3} min / {times[Runs / 2]:F3} median ms] {what}");
        return times[Runs / 2];
    }

    /// <summary>Raw chunk and h5py's decoded frame, extracted once into the temp folder.</summary>
    private (byte[] Chunk, byte[] Truth)? Extract()
    {
        string folder = Path.Combine(Path.GetTempPath(), "xccamap-codec-bench");
        string chunkPath = Path.Combine(folder, "eiger4m_chunk.bin");
        string truthPath = Path.Combine(folder, "eiger4m_decoded.bin");
        if (!File.Exists(chunkPath) || !File.Exists(truthPath))
        {
            Directory.CreateDirectory(folder);
            string script = string.Join('\n',
                "import sys, h5py",
                "try:\n    import hdf5plugin\nexcept ImportError:\n    pass",
                "f = h5py.File(sys.argv[1], 'r')",
                "d = f['/entry/data/data']",
                "open(sys.argv[2], 'wb').write(d.id.read_direct_chunk((0, 0, 0))[1])",
                "d[0].astype('<u4').tofile(sys.argv[3])");
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(TestData.Eiger("eiger4m-frame/bitshuffle.h5"));
            start.ArgumentList.Add(chunkPath);
            start.ArgumentList.Add(truthPath);
            start.Environment["HDF5_PLUGIN_PATH"] = "/usr/lib/x86_64-linux-gnu/hdf5/serial/plugins";
            try
            {
                using Process process = Process.Start(start)!;
                string error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    output.WriteLine($"Skipped: python extraction failed: {error}");
                    return null;
                }
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                output.WriteLine($"Skipped: /usr/bin/python3 not available ({ex.Message}).");
                return null;
            }
        }

        return (File.ReadAllBytes(chunkPath), File.ReadAllBytes(truthPath));
    }
}
