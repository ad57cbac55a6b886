namespace XccaMap.Diffraction.Remap;

/// <summary>The arrays of a <see cref="RemapTable"/> (layout described there).</summary>
internal sealed class RemapTableData
{
    public RemapTableData(int binCount, int pixels, int sparse)
    {
        DenseBin = new int[pixels];
        DenseNorm = new float[pixels];
        SparsePixel = new int[sparse];
        SparseBin = new int[sparse];
        SparseWeight = new float[sparse];
        SparseNorm = new float[sparse];
        NormSum = new double[binCount];
        CountSum = new double[binCount];
    }

    /// <summary>
    /// Scratch bins after the real ones that absorb the dense-stream add of split pixels. Several, used in turn:
    /// with a single one, runs of split pixels would chain their adds through one memory cell (store-to-load
    /// forwarding latency each time), which measured ~40 % slower for full splitting.
    /// </summary>
    public const int TrashBins = 8;

    /// <summary>Bin of each read pixel, in run order; a trash bin (≥ BinCount) for split pixels.</summary>
    public int[] DenseBin { get; }

    /// <summary>Normalisation of each dense pixel (read only to undo an invalid pixel).</summary>
    public float[] DenseNorm { get; }

    public int[] SparsePixel { get; }

    public int[] SparseBin { get; }

    public float[] SparseWeight { get; }

    /// <summary>Fraction × pixel normalisation of each sparse entry (read only to undo an invalid pixel).</summary>
    public float[] SparseNorm { get; }

    /// <summary>Σ fraction × normalisation per bin for a frame without invalid pixels.</summary>
    public double[] NormSum { get; }

    /// <summary>Σ fraction per bin for a frame without invalid pixels.</summary>
    public double[] CountSum { get; }

    public int[] RunStart { get; set; } = [];

    public int[] RunLength { get; set; } = [];

    /// <summary>First run of each chunk; chunks + 1 values.</summary>
    public int[] ChunkRun { get; set; } = [];

    /// <summary>First dense position of each chunk; chunks + 1 values.</summary>
    public int[] ChunkDense { get; set; } = [];

    /// <summary>First sparse entry of each chunk; chunks + 1 values.</summary>
    public int[] ChunkSparse { get; set; } = [];

    /// <summary>Prefix sums of the work per chunk, for splitting chunks between threads.</summary>
    public long[] ChunkWork { get; set; } = [];

    public int ChunkCount => ChunkRun.Length - 1;

    public long Bytes =>
        4L * (DenseBin.Length + DenseNorm.Length + RunStart.Length + RunLength.Length + ChunkRun.Length + ChunkDense.Length + ChunkSparse.Length)
        + 16L * SparsePixel.Length + 8L * ChunkWork.Length + 16L * NormSum.Length;
}
