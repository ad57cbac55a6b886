namespace XccaMap.Crystallography.Geometry;

/// <summary>
/// Seeded random rotations: uniform on SO(3) (Haar measure) and small Gaussian perturbations.
/// Not thread-safe (wraps one <see cref="Random"/>); use one sampler per thread.
/// </summary>
public sealed class RotationSampler
{
    private readonly Random _random;

    /// <summary>Creates a sampler with a fixed seed (reproducible sequence).</summary>
    public RotationSampler(int seed) => _random = new Random(seed);

    /// <summary>Creates a sampler around an existing generator (shares its state).</summary>
    public RotationSampler(Random random) => _random = random ?? throw new ArgumentNullException(nameof(random));

    /// <summary>A standard normal deviate (Box–Muller).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - _random.NextDouble(); // (0, 1]: avoids log(0)
        double u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>A unit vector uniform on the sphere.</summary>
    public Vec3 NextUnitVector()
    {
        double z = (2.0 * _random.NextDouble()) - 1.0;
        double phi = 2.0 * Math.PI * _random.NextDouble();
        double r = Math.Sqrt(Math.Max(0, 1 - (z * z)));
        return new Vec3(r * Math.Cos(phi), r * Math.Sin(phi), z);
    }

    /// <summary>A rotation uniform on SO(3) (Shoemake 1992, "Uniform random rotations", Graphics Gems III).</summary>
    public UnitQuaternion NextUniform()
    {
        double u1 = _random.NextDouble(), u2 = _random.NextDouble(), u3 = _random.NextDouble();
        double a = Math.Sqrt(1 - u1), b = Math.Sqrt(u1);
        return new UnitQuaternion(
            b * Math.Cos(2 * Math.PI * u3),
            a * Math.Sin(2 * Math.PI * u2),
            a * Math.Cos(2 * Math.PI * u2),
            b * Math.Sin(2 * Math.PI * u3));
    }

    /// <summary>A rotation matrix uniform on SO(3).</summary>
    public Mat3 NextUniformMatrix() => NextUniform().ToMatrix();

    /// <summary>
    /// A small random rotation whose rotation vector has independent N(0, σ²) components, σ in degrees.
    /// The rotation component about any fixed axis (e.g. the beam, which moves a spot in φ) then has standard
    /// deviation σ; the total angle follows a Maxwell distribution (RMS √3·σ).
    /// </summary>
    public UnitQuaternion NextGaussianRotationVector(double sigmaDeg)
    {
        double s = sigmaDeg * Math.PI / 180.0;
        return UnitQuaternion.FromRotationVector(new Vec3(NextGaussian() * s, NextGaussian() * s, NextGaussian() * s));
    }

    /// <summary>
    /// A small random rotation about an axis uniform on the sphere by an angle drawn from N(0, σ²), σ in degrees
    /// (the sign is absorbed by the axis). The rotation about a fixed axis then has standard deviation σ/√3.
    /// </summary>
    public UnitQuaternion NextRandomAxisGaussianAngle(double sigmaDeg) =>
        UnitQuaternion.FromAxisAngle(NextUnitVector(), NextGaussian() * sigmaDeg * Math.PI / 180.0);

    /// <summary>
    /// Perturbs an orientation <paramref name="labFromCrystal"/> by a Gaussian rotation-vector rotation
    /// (<see cref="NextGaussianRotationVector"/>) applied in the lab frame: R' = δR·R. For an isotropic
    /// perturbation this has the same distribution as perturbing in the crystal frame (R·δR).
    /// </summary>
    public Mat3 Perturb(Mat3 labFromCrystal, double sigmaDeg) => NextGaussianRotationVector(sigmaDeg).ToMatrix() * labFromCrystal;
}
