namespace XccaMap.Crystallography.Simulation;

/// <summary>Frame in which the axis of a <see cref="RotationSeries"/> is given.</summary>
public enum RotationAxisFrame
{
    /// <summary>Crystal (superlattice) Cartesian frame: the axis turns with the crystal, e.g. [010]SL as in Fig. S10.</summary>
    Crystal = 0,

    /// <summary>Laboratory frame (<see cref="Orientation.LabFrame"/>): e.g. +x, a horizontal axis ⟂ the beam.</summary>
    Lab = 1,
}
