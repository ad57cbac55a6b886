using XccaMap.Detector.Geometry;

namespace XccaMap.Diffraction.Remap;

/// <summary>
/// Lays the builder's per-block entries out for the per-frame kernel (see <see cref="RemapTable"/>): a dense stream
/// with one bin per read pixel (pixels that fall whole into one bin) and a sparse stream of (pixel, bin, fraction)
/// for split pixels, both cut into chunks of about <see cref="ChunkPixels"/> consecutive pixels.
/// </summary>
internal static class RemapTableAssembler
{
    /// <summary>
    /// Pixels per chunk: 8192 uint32 values are 32 KiB, so the sparse pass over a chunk finds the frame data the
    /// dense pass just brought into L1/L2 cache.
    /// </summary>
    public const int ChunkPixels = 8192;

    public static RemapTable Assemble(DetectorShape shape, RemapBins bins, RemapOptions options, bool[] qActive, RemapTableBlock[] blocks)
    {
        int binCount = bins.BinCount;
        int pixels = 0, sparse = 0;
        foreach (var block in blocks)
        {
            pixels += block.PixelCount;
            var starts = block.EntryStarts;
            var weights = block.Weights;
            for (int i = 0; i < block.PixelCount; i++)
            {
                int n = starts[i + 1] - starts[i];
                if (!(n == 1 && weights[starts[i]] == 1f))
                {
                    sparse += n;
                }
            }
        }

        var data = new RemapTableData(binCount, pixels, sparse);
        var runStart = new List<int>();
        var runLength = new List<int>();
        var chunkRun = new List<int>();
        var chunkDense = new List<int>();
        var chunkSparse = new List<int>();
        int d = 0, s = 0, last = int.MinValue, inChunk = 0;
        foreach (var block in blocks)
        {
            var pix = block.Pixels;
            var norms = block.PixelNorms;
            var starts = block.EntryStarts;
            var blockBins = block.Bins;
            var weights = block.Weights;
            for (int i = 0; i < pix.Length; i++)
            {
                int p = pix[i];
                bool newChunk = d == 0 || inChunk == ChunkPixels;
                if (newChunk)
                {
                    chunkRun.Add(runStart.Count);
                    chunkDense.Add(d);
                    chunkSparse.Add(s);
                    inChunk = 0;
                }

                if (newChunk || p != last + 1)
                {
                    runStart.Add(p);
                    runLength.Add(0);
                }

                runLength[^1]++;
                inChunk++;
                last = p;
                float norm = norms[i];
                int e0 = starts[i], e1 = starts[i + 1];
                if (e1 - e0 == 1 && weights[e0] == 1f)
                {
                    data.DenseBin[d] = blockBins[e0];
                    data.DenseNorm[d] = norm;
                    data.NormSum[blockBins[e0]] += norm;
                    data.CountSum[blockBins[e0]] += 1;
                }
                else
                {
                    data.DenseBin[d] = binCount + (d % RemapTableData.TrashBins);
                    for (int e = e0; e < e1; e++)
                    {
                        int b = blockBins[e];
                        float w = weights[e];
                        data.SparsePixel[s] = p;
                        data.SparseBin[s] = b;
                        data.SparseWeight[s] = w;
                        float entryNorm = w * norm; // the same float value is subtracted again for an invalid pixel
                        data.SparseNorm[s] = entryNorm;
                        data.NormSum[b] += entryNorm;
                        data.CountSum[b] += w;
                        s++;
                    }
                }

                d++;
            }
        }

        chunkRun.Add(runStart.Count);
        chunkDense.Add(d);
        chunkSparse.Add(s);
        data.RunStart = runStart.ToArray();
        data.RunLength = runLength.ToArray();
        data.ChunkRun = chunkRun.ToArray();
        data.ChunkDense = chunkDense.ToArray();
        data.ChunkSparse = chunkSparse.ToArray();
        data.ChunkWork = new long[data.ChunkRun.Length];
        for (int c = 0; c + 1 < data.ChunkRun.Length; c++)
        {
            // Work model for thread balancing: a sparse entry costs about twice a dense pixel.
            long work = (data.ChunkDense[c + 1] - data.ChunkDense[c]) + 2L * (data.ChunkSparse[c + 1] - data.ChunkSparse[c]);
            data.ChunkWork[c + 1] = data.ChunkWork[c] + work;
        }

        return new RemapTable(shape, bins, options, qActive, data, MergeRuns(data.RunStart, data.RunLength));
    }

    private static (int Start, int Length)[] MergeRuns(int[] start, int[] length)
    {
        var merged = new List<(int Start, int Length)>();
        for (int i = 0; i < start.Length; i++)
        {
            if (merged.Count > 0 && merged[^1].Start + merged[^1].Length == start[i])
            {
                merged[^1] = (merged[^1].Start, merged[^1].Length + length[i]);
            }
            else
            {
                merged.Add((start[i], length[i]));
            }
        }

        return merged.ToArray();
    }
}
