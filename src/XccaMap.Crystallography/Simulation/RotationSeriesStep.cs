using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Simulation;

/// <summary>One pattern of a <see cref="RotationSeries"/>.</summary>
/// <param name="AngleDeg">Rotation angle θᵢ about the series axis, degrees.</param>
/// <param name="LabFromCrystal">Orientation of the rotated crystal, lab ← crystal.</param>
/// <param name="BeamInCrystal">Unit beam direction (+z) in the crystal frame: the (generally irrational) zone axis.</param>
/// <param name="Spots">Visible spots, strongest first.</param>
public sealed record RotationSeriesStep(double AngleDeg, Mat3 LabFromCrystal, Vec3 BeamInCrystal, IReadOnlyList<PatternSpot> Spots);
