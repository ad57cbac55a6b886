using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Symmetry;

/// <summary>
/// The rotation relating two orientations, as an angle (degrees) and a unit axis expressed in the crystal
/// frame of the first orientation. Orientations are rotation matrices lab←crystal (v_lab = R·v_crystal);
/// the misorientation is Δ = R₁ᵀ·R₂ (crystal 1 ← crystal 2).
/// </summary>
/// <param name="AngleDeg">Rotation angle in degrees, [0, 180].</param>
/// <param name="Axis">Unit rotation axis in crystal-1 coordinates.</param>
public readonly record struct Misorientation(double AngleDeg, Vec3 Axis)
{
    /// <summary>Rotation vector axis × angle, in degrees (used for misorientation statistics / PCA).</summary>
    public Vec3 RotationVectorDeg => Axis * AngleDeg;

    /// <summary>Misorientation without symmetry: angle and axis of R₁ᵀ·R₂.</summary>
    public static Misorientation Between(Mat3 labFromCrystal1, Mat3 labFromCrystal2)
    {
        AxisAngle aa = AxisAngle.FromMatrix(labFromCrystal1.Transpose() * labFromCrystal2);
        return new Misorientation(aa.AngleDeg, aa.Axis);
    }

    /// <summary>
    /// Cubic disorientation: the smallest-angle rotation among all symmetry-equivalent misorientations
    /// S_a·Δ·S_b (S in 432), with the axis mapped into the standard triangle (u ≥ v ≥ w ≥ 0) — always possible
    /// for two crystals of the same cubic phase (conjugation by 432 plus the switching symmetry Δ ↔ Δᵀ).
    /// The angle is at most 62.80° (Mackenzie 1958).
    /// </summary>
    public static Misorientation CubicDisorientation(Mat3 labFromCrystal1, Mat3 labFromCrystal2) =>
        CubicDisorientation(UnitQuaternion.FromMatrix(labFromCrystal1.Transpose() * labFromCrystal2));

    /// <summary>Cubic disorientation of a misorientation given as a quaternion (crystal 1 ← crystal 2).</summary>
    public static Misorientation CubicDisorientation(UnitQuaternion delta)
    {
        // angle(S_a Δ S_b) = angle(Δ S_b S_a) (conjugation invariance), so scanning Δ·S over the 24 elements
        // finds the minimum angle; the largest |w| is the smallest angle.
        IReadOnlyList<UnitQuaternion> group = CubicSymmetry.ProperRotationQuaternions;
        UnitQuaternion best = delta;
        double bestW = -1;
        foreach (UnitQuaternion s in group)
        {
            UnitQuaternion candidate = delta * s;
            double w = Math.Abs(candidate.W);
            if (w > bestW)
            {
                bestW = w;
                best = candidate;
            }
        }

        AxisAngle aa = best.ToAxisAngle();
        Vec3 axis = aa.Axis;
        // Conjugates S·Δmin·Sᵀ have axes S·n (all signed permutations with ±n from Δᵀ): sort |components| descending.
        Span<double> c = [Math.Abs(axis.X), Math.Abs(axis.Y), Math.Abs(axis.Z)];
        c.Sort();
        return new Misorientation(aa.AngleDeg, new Vec3(c[2], c[1], c[0]));
    }

    /// <summary>Cubic disorientation angle only (degrees); cheaper when the axis is not needed.</summary>
    public static double CubicDisorientationAngleDeg(Mat3 labFromCrystal1, Mat3 labFromCrystal2)
    {
        UnitQuaternion delta = UnitQuaternion.FromMatrix(labFromCrystal1.Transpose() * labFromCrystal2);
        double bestW = 0;
        foreach (UnitQuaternion s in CubicSymmetry.ProperRotationQuaternions)
        {
            bestW = Math.Max(bestW, Math.Abs((delta * s).W));
        }

        return Angles.ToDeg(2 * Math.Acos(Math.Min(1, bestW)));
    }
}
