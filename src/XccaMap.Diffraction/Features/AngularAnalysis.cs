namespace XccaMap.Diffraction.Features;

/// <summary>
/// Angular peaks and fingerprints of every frame of one band (see <see cref="AngularAnalyzer"/>).
/// </summary>
/// <param name="HasSignal">Per frame: at least one significant angular peak on some ring of the band.</param>
/// <param name="Fingerprints">Frames × <paramref name="Dimension"/>, unit rows (zero for frames without signal).</param>
/// <param name="Dimension">Fingerprint length: blocks (rings, or one for the band profile) × <paramref name="BlockLength"/> φ groups.</param>
/// <param name="PeakPhi">Frames × rings × <paramref name="MaxPeaks"/> peak azimuths, degrees, strongest first, NaN-padded.</param>
/// <param name="PeakCount">Frames × rings: peaks found.</param>
/// <param name="MaxPeaks">Peaks kept per ring and frame.</param>
/// <param name="Anisotropy">Per ring: fraction of frames with data in which the ring shows at least one peak.</param>
/// <param name="BlockLength">φ groups per fingerprint block (per ring): the circle wraps within a block.</param>
public sealed record AngularAnalysis(bool[] HasSignal, float[] Fingerprints, int Dimension, float[] PeakPhi, int[] PeakCount, int MaxPeaks, double[] Anisotropy, int BlockLength);
