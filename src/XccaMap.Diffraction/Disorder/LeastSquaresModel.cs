namespace XccaMap.Diffraction.Disorder;

/// <summary>
/// A model for <see cref="LevenbergMarquardt"/>: its value at data point <paramref name="point"/> for parameters
/// <paramref name="p"/>, writing ∂f/∂p into <paramref name="gradient"/>.
/// </summary>
public delegate double LeastSquaresModel(ReadOnlySpan<double> p, int point, Span<double> gradient);
