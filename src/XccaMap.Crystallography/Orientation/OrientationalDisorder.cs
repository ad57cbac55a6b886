using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Orientation;

/// <summary>
/// Gaussian orientational disorder of nanocrystals about a mean orientation: each draw is
/// R = δR·R_mean with δR a small random rotation in the lab frame (<see cref="DisorderModel"/>).
/// Use one instance per thread (it holds a seeded generator).
/// </summary>
public sealed class OrientationalDisorder
{
    private readonly RotationSampler _sampler;

    /// <summary>Creates a disorder model.</summary>
    /// <param name="sigmaDeg">Standard deviation σ in degrees (≥ 0); its meaning depends on <paramref name="model"/>.</param>
    /// <param name="seed">Seed of the random generator (reproducible draws).</param>
    /// <param name="model">How σ maps to rotations.</param>
    public OrientationalDisorder(double sigmaDeg, int seed, DisorderModel model = DisorderModel.IsotropicRotationVector)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sigmaDeg);
        SigmaDeg = sigmaDeg;
        Model = model;
        _sampler = new RotationSampler(seed);
    }

    /// <summary>σ in degrees.</summary>
    public double SigmaDeg { get; }

    /// <summary>The disorder model.</summary>
    public DisorderModel Model { get; }

    /// <summary>The standard deviation of the rotation about a fixed axis (degrees) implied by σ and the model.</summary>
    public double SigmaAboutFixedAxisDeg => Model == DisorderModel.IsotropicRotationVector ? SigmaDeg : SigmaDeg / Math.Sqrt(3);

    /// <summary>One random small rotation δR.</summary>
    public Mat3 NextPerturbation() => (Model == DisorderModel.IsotropicRotationVector
        ? _sampler.NextGaussianRotationVector(SigmaDeg)
        : _sampler.NextRandomAxisGaussianAngle(SigmaDeg)).ToMatrix();

    /// <summary>One disordered orientation δR·<paramref name="labFromCrystalMean"/> (lab←crystal).</summary>
    public Mat3 Next(Mat3 labFromCrystalMean) => NextPerturbation() * labFromCrystalMean;

    /// <summary><paramref name="count"/> disordered orientations about the mean.</summary>
    public Mat3[] Sample(Mat3 labFromCrystalMean, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var result = new Mat3[count];
        for (int i = 0; i < count; i++)
        {
            result[i] = Next(labFromCrystalMean);
        }

        return result;
    }
}
