using XccaMap.Crystallography.Geometry;

namespace XccaMap.Crystallography.Ccf;

/// <summary>
/// The part of a ring that reaches the detector, eq. 5 of the S.I.: W(φ) = 1 for φ on the arc from
/// <see cref="StartDeg"/> through increasing φ to <see cref="EndDeg"/>, 0 elsewhere. Degrees.
/// Start = End (mod 360), or End − Start ≥ 360, means the full ring.
/// </summary>
/// <param name="StartDeg">Arc start in degrees.</param>
/// <param name="EndDeg">Arc end in degrees (the arc runs from start through increasing φ to end).</param>
public readonly record struct AngularWindow(double StartDeg, double EndDeg)
{
    /// <summary>The full ring (W ≡ 1).</summary>
    public static AngularWindow Full => new(0, 360);

    /// <summary>Arc length in degrees, (0, 360].</summary>
    public double WidthDeg
    {
        get
        {
            if (EndDeg - StartDeg >= 360)
            {
                return 360;
            }

            double w = Angles.Wrap360(EndDeg - StartDeg);
            return w == 0 ? 360 : w;
        }
    }

    /// <summary>True if the window covers the whole ring.</summary>
    public bool IsFull => WidthDeg >= 360;

    /// <summary>W(φ): true if <paramref name="phiDeg"/> lies on the arc.</summary>
    public bool Contains(double phiDeg) => IsFull || Angles.Wrap360(phiDeg - StartDeg) <= WidthDeg;
}
