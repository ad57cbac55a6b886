using XccaMap.Diffraction.Remap;

namespace XccaMap.Diffraction.Processing;

/// <summary>Sums of several <see cref="RemapAccumulator"/>s of one table (per-thread accumulators merged once).</summary>
internal sealed class ProfileSums
{
    public ProfileSums(int bins)
    {
        Signal = new double[bins];
        Normalisation = new double[bins];
        Count = new double[bins];
    }

    public double[] Signal { get; }

    public double[] Normalisation { get; }

    public double[] Count { get; }

    public long Frames { get; private set; }

    public void Add(RemapAccumulator accumulator)
    {
        var s = accumulator.Signal;
        var n = accumulator.Normalisation;
        var c = accumulator.Count;
        for (int b = 0; b < Signal.Length; b++)
        {
            Signal[b] += s[b];
            Normalisation[b] += n[b];
            Count[b] += c[b];
        }

        Frames += accumulator.Frames;
    }

    /// <summary>Mean intensity per bin (0 where nothing contributed).</summary>
    public double[] Mean() => Signal.Select((s, b) => RemapAccumulator.MeanOf(s, Normalisation[b])).ToArray();

    /// <summary>Pixels per bin per frame.</summary>
    public double[] CountPerFrame() => Count.Select(c => Frames > 0 ? c / Frames : 0).ToArray();
}
