using XccaMap.Diffraction.Classification;
using XccaMap.Diffraction.Features;

namespace XccaMap.Diffraction.Processing;

/// <summary>Per-frame analysis results (indexed by frame).</summary>
internal sealed record AnalysisData(
    AngularAnalysis? SaxsAngular,
    AngularAnalysis? WaxsAngular,
    ClassificationResult? SaxsClasses,
    ClassificationResult? WaxsClasses,
    IReadOnlyList<FrameQFit> QFits);
