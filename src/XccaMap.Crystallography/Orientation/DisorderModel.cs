namespace XccaMap.Crystallography.Orientation;

/// <summary>How a Gaussian orientational spread σ (degrees) is turned into random rotations.</summary>
public enum DisorderModel
{
    /// <summary>
    /// Rotation vector with independent N(0, σ²) components: the rotation about any fixed axis (e.g. about the
    /// beam, the azimuthal spread ΔΦ of eq. 7) has standard deviation σ. Default.
    /// </summary>
    IsotropicRotationVector = 0,

    /// <summary>Axis uniform on the sphere, angle ~ N(0, σ²): the rotation about a fixed axis has std σ/√3.</summary>
    RandomAxisGaussianAngle = 1,
}
