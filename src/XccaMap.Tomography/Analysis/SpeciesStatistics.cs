using XccaMap.Tomography.Statistics;

namespace XccaMap.Tomography.Analysis;

/// <summary>Size and soft-shell statistics of one species in a crystallite (SI Tables 1–4, first block), nm.</summary>
/// <param name="Species">Species name.</param>
/// <param name="Count">Particles of the species in the crystallite.</param>
/// <param name="CoreDiameter">d_core, Gaussian fit of the diameters.</param>
/// <param name="TMin">t_min: smallest gap to any other particle, Gaussian fit.</param>
/// <param name="T3NN">t_3NN: mean of the three smallest gaps, Gaussian fit.</param>
public sealed record SpeciesStatistics(string Species, int Count, GaussianEstimate CoreDiameter, GaussianEstimate TMin, GaussianEstimate T3NN);
