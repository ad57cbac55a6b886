namespace XccaMap.Tests.Diffraction.Xcca;

/// <summary>One class of the truth.</summary>
public sealed record TruthClass(int Index, string Name, double Q1, double Q1HalfWidth, double Q2, double Q2HalfWidth, double[] Ccf, double[] CcfSpotsOnly,
    double DeltaPhi, double FwhmAz, double FwhmRad, double[] AlPhi, double[] AlQ)
{
    /// <summary>True when a 200_AL spot of the class falls on a live pixel (else ΔΦ cannot be measured on this detector).</summary>
    public bool Has200OnDetector { get; init; }
}
