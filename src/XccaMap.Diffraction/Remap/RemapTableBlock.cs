namespace XccaMap.Diffraction.Remap;

/// <summary>
/// The table entries of a block of rows, in pixel order: every pixel that contributes, its normalisation,
/// and its (bin, fraction) pairs. Filled by one thread, read once by <see cref="RemapTableAssembler"/>.
/// </summary>
internal sealed class RemapTableBlock
{
    private int[] _pixel = new int[1024];
    private float[] _pixelNorm = new float[1024];
    private int[] _entryStart = new int[1025];
    private int[] _bin = new int[1024];
    private float[] _weight = new float[1024];

    public int PixelCount { get; private set; }

    public int EntryCount { get; private set; }

    public ReadOnlySpan<int> Pixels => _pixel.AsSpan(0, PixelCount);

    public ReadOnlySpan<float> PixelNorms => _pixelNorm.AsSpan(0, PixelCount);

    /// <summary>Start of each pixel's entries, PixelCount + 1 values.</summary>
    public ReadOnlySpan<int> EntryStarts => _entryStart.AsSpan(0, PixelCount + 1);

    public ReadOnlySpan<int> Bins => _bin.AsSpan(0, EntryCount);

    public ReadOnlySpan<float> Weights => _weight.AsSpan(0, EntryCount);

    public void Add(int pixel, float norm, PixelEntries entries)
    {
        if (PixelCount + 1 >= _pixel.Length)
        {
            Array.Resize(ref _pixel, _pixel.Length * 2);
            Array.Resize(ref _pixelNorm, _pixelNorm.Length * 2);
            Array.Resize(ref _entryStart, _pixel.Length + 1);
        }

        while (EntryCount + entries.Count > _bin.Length)
        {
            Array.Resize(ref _bin, _bin.Length * 2);
            Array.Resize(ref _weight, _weight.Length * 2);
        }

        _pixel[PixelCount] = pixel;
        _pixelNorm[PixelCount] = norm;
        _entryStart[PixelCount] = EntryCount;
        var bins = entries.Bins;
        var weights = entries.Weights;
        for (int i = 0; i < bins.Length; i++)
        {
            _bin[EntryCount + i] = bins[i];
            _weight[EntryCount + i] = (float)weights[i];
        }

        EntryCount += bins.Length;
        PixelCount++;
        _entryStart[PixelCount] = EntryCount;
    }
}
