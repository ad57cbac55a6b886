using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Orientation;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// Patterns of a crystal turned step by step about one axis (Fig. S10 of the Mukharamova et al. 2019 S.I.: the
/// superlattice starting along [30-1]SL and rotated about [010]SL towards the domain edge).
/// </summary>
/// <remarks>
/// With the start orientation R₀ (lab ← crystal) and a unit axis a: about a crystal axis R(θ) = R₀·Rot(a, θ); about a
/// lab axis R(θ) = Rot(a, θ)·R₀. Both turn every reciprocal vector as G(θ) = Rot(a_lab, θ)·G(0) with a_lab = R₀·a
/// (crystal) or a (lab), right-hand rule.
/// </remarks>
public static class RotationSeries
{
    /// <summary>Orientation after turning <paramref name="start"/> by <paramref name="angleDeg"/> about <paramref name="axis"/>.</summary>
    public static Mat3 Rotate(Mat3 start, Vec3 axis, double angleDeg, RotationAxisFrame frame)
    {
        if (!(axis.Norm > 0))
        {
            throw new ArgumentException("The rotation axis must be non-zero.", nameof(axis));
        }

        Mat3 rot = AxisAngle.RotationMatrixDeg(axis, angleDeg);
        return frame == RotationAxisFrame.Crystal ? start * rot : rot * start;
    }

    /// <summary>One pattern per angle of <paramref name="anglesDeg"/>.</summary>
    /// <param name="simulator">The superlattice pattern model.</param>
    /// <param name="start">Orientation at θ = 0, lab ← crystal.</param>
    /// <param name="axis">Rotation axis (any length) in <paramref name="frame"/>; e.g. (0, 1, 0) for [010] of a cubic crystal.</param>
    /// <param name="frame">Frame of <paramref name="axis"/>.</param>
    /// <param name="anglesDeg">The angles θᵢ, degrees.</param>
    /// <param name="wavelengthAngstrom">λ in Å.</param>
    public static RotationSeriesStep[] Generate(SaxsPatternSimulator simulator, Mat3 start, Vec3 axis, RotationAxisFrame frame,
        IReadOnlyList<double> anglesDeg, double wavelengthAngstrom)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentNullException.ThrowIfNull(anglesDeg);
        var steps = new RotationSeriesStep[anglesDeg.Count];
        for (int i = 0; i < steps.Length; i++)
        {
            Mat3 r = Rotate(start, axis, anglesDeg[i], frame);
            steps[i] = new RotationSeriesStep(anglesDeg[i], r, r.Transpose() * LabFrame.BeamDirection, simulator.Spots(r, wavelengthAngstrom));
        }

        return steps;
    }

    /// <summary>Evenly spaced angles from <paramref name="startDeg"/> to <paramref name="endDeg"/> inclusive (<paramref name="count"/> ≥ 2, or 1 = start only).</summary>
    public static double[] EvenAngles(double startDeg, double endDeg, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (count == 1)
        {
            return [startDeg];
        }

        var a = new double[count];
        for (int i = 0; i < count; i++)
        {
            a[i] = startDeg + ((endDeg - startDeg) * i / (count - 1));
        }

        return a;
    }
}
