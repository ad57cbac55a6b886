using XccaMap.Diffraction.Rings;

namespace XccaMap.Diffraction.Processing;

/// <summary>Per-frame radial fits of one SL reflection (indexed by frame).</summary>
/// <param name="Ring">The reflection's ring.</param>
/// <param name="Lo">Fit window start, Å⁻¹.</param>
/// <param name="Hi">Fit window end, Å⁻¹.</param>
/// <param name="Values">Fitted q per frame, Å⁻¹ (NaN when not significant or no data).</param>
/// <param name="Errors">1-σ error of q per frame, Å⁻¹.</param>
internal sealed record FrameQFit(Ring Ring, double Lo, double Hi, float[] Values, float[] Errors);
