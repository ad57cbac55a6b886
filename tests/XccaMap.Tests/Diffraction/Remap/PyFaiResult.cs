namespace XccaMap.Tests.Diffraction.Remap;

/// <summary>An integration result read back from pyFAI (2-D arrays flat, [χ bin][q bin]).</summary>
public sealed record PyFaiResult(double[] Intensity, double[] Count, double[] Signal, double[] Normalisation);
