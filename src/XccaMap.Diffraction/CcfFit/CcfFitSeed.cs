namespace XccaMap.Diffraction.CcfFit;

/// <summary>A starting point of a refinement: which problem (relation) and the six parameters, with its coarse cost.</summary>
internal sealed record CcfFitSeed(CcfFitProblem Problem, double[] Parameters, double Cost);
