namespace XccaMap.Crystallography.Lattices;

/// <summary>
/// Conventional cell parameters: lengths in Å, angles in degrees
/// (α = ∠(b, c), β = ∠(a, c), γ = ∠(a, b)).
/// </summary>
public readonly record struct LatticeParameters(double A, double B, double C, double AlphaDeg, double BetaDeg, double GammaDeg)
{
    /// <summary>Cubic parameters (a, a, a, 90°, 90°, 90°).</summary>
    public static LatticeParameters Cubic(double a) => new(a, a, a, 90, 90, 90);

    /// <summary>True if all lengths and angles agree within the given tolerances (Å, degrees).</summary>
    public bool ApproximatelyEquals(LatticeParameters other, double lengthTolerance = 1e-6, double angleToleranceDeg = 1e-6) =>
        Math.Abs(A - other.A) <= lengthTolerance && Math.Abs(B - other.B) <= lengthTolerance && Math.Abs(C - other.C) <= lengthTolerance
        && Math.Abs(AlphaDeg - other.AlphaDeg) <= angleToleranceDeg && Math.Abs(BetaDeg - other.BetaDeg) <= angleToleranceDeg
        && Math.Abs(GammaDeg - other.GammaDeg) <= angleToleranceDeg;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant(
        $"a={A:G6} Å, b={B:G6} Å, c={C:G6} Å, α={AlphaDeg:G6}°, β={BetaDeg:G6}°, γ={GammaDeg:G6}°");
}
