using XccaMap.Diffraction.Indexing;
using XccaMap.Diffraction.Remap;
using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Processing;

/// <summary>What the setup learnt from the survey frames.</summary>
/// <param name="Table">Radial remap over the whole q range (reused for class-averaged profiles).</param>
/// <param name="Q">q-bin centres, Å⁻¹.</param>
/// <param name="Intensity">Scan-averaged I(q).</param>
/// <param name="PixelCount">Pixels per bin per frame.</param>
/// <param name="Rings">Rings of interest, labelled.</param>
/// <param name="Superlattice">fcc indexing of the SL rings.</param>
/// <param name="Atomic">fcc indexing of the AL rings.</param>
/// <param name="Frames">Frames averaged.</param>
internal sealed record SurveyData(RemapTable Table, double[] Q, double[] Intensity, double[] PixelCount, RingSet Rings, FccIndexing Superlattice, FccIndexing Atomic, int Frames);
