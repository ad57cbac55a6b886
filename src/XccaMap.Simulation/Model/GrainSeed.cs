namespace XccaMap.Simulation.Model;

/// <summary>A Voronoi grain: its seed on the sample, its class (−1: no sample) and the sense of its edge rotation.</summary>
/// <param name="X">Seed x, µm.</param>
/// <param name="Y">Seed y, µm.</param>
/// <param name="ClassIndex">Class id, or −1 for a hole in the film.</param>
/// <param name="RotationSign">+1 or −1: sense of the out-of-plane rotation at this grain's edges.</param>
public readonly record struct GrainSeed(double X, double Y, int ClassIndex, int RotationSign);
