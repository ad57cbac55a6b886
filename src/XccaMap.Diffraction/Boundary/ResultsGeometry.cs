namespace XccaMap.Diffraction.Boundary;

/// <summary>The PONI geometry <c>xccamap process</c> used, from <c>/entry/process</c> (pixel size and shape come from the master file).</summary>
/// <param name="WavelengthAngstrom">λ, Å.</param>
/// <param name="Distance">Sample–detector (PONI) distance, m.</param>
/// <param name="Poni1">PONI along rows (slow axis), m.</param>
/// <param name="Poni2">PONI along columns (fast axis), m.</param>
/// <param name="Rot1">pyFAI rot1, rad.</param>
/// <param name="Rot2">pyFAI rot2, rad.</param>
/// <param name="Rot3">pyFAI rot3, rad.</param>
public sealed record ResultsGeometry(double WavelengthAngstrom, double Distance, double Poni1, double Poni2, double Rot1, double Rot2, double Rot3);
