using XccaMap.Diffraction.Rings;

namespace XccaMap.Monitor.Checkpoint;

/// <summary>A ring as stored in a checkpoint (q in Å⁻¹).</summary>
public sealed record CheckpointRing(string Kind, double Q, double QMin, double QMax, double Fwhm, double RelativeHeight, bool FromConfig, string? Hkl)
{
    /// <summary>From a ring.</summary>
    public static CheckpointRing From(Ring r) => new(r.Kind.ToString(), r.Q, r.QMin, r.QMax, r.Fwhm, r.RelativeHeight, r.FromConfig, r.Hkl);

    /// <summary>Back to a ring.</summary>
    public Ring ToRing() => new(Enum.Parse<RingKind>(Kind), Q, QMin, QMax, Fwhm, RelativeHeight, FromConfig) { Hkl = Hkl };
}
