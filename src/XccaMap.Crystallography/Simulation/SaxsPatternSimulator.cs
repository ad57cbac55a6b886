using XccaMap.Crystallography.Geometry;
using XccaMap.Crystallography.Lattices;
using XccaMap.Crystallography.Orientation;
using XccaMap.Crystallography.Reflections;
using XccaMap.Crystallography.Structures;

namespace XccaMap.Crystallography.Simulation;

/// <summary>
/// SAXS pattern of a superlattice along any beam direction (Fig. S4 and S10 of the Mukharamova et al. 2019 S.I.):
/// the reciprocal-lattice points near the Ewald sphere, each a Gaussian spot in (q, φ) weighted by
/// |F|² (fcc of polydisperse spheres: 16·⟨P⟩(q)) and by the rocking curve exp(−s²/2σ_s²) of its excitation error s,
/// σ_s(q) = √((q·σ_mosaic)² + σ_q²). The spot's azimuthal σ is √(σ_mosaic² + (σ_q/q)²) (the blob of radial size σ_q
/// seen from the origin), as in the scan simulator.
/// </summary>
public sealed class SaxsPatternSimulator
{
    private readonly ReflectionCalculator _calculator;

    /// <summary>Enumerates the reflections of <paramref name="structure"/> up to <see cref="SaxsPatternOptions.QMax"/> once.</summary>
    public SaxsPatternSimulator(Structure structure, SaxsPatternOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(structure);
        Options = options ?? new SaxsPatternOptions();
        Options.Validate();
        _calculator = new ReflectionCalculator(structure, Options.QMax);
    }

    /// <summary>The spot model.</summary>
    public SaxsPatternOptions Options { get; }

    /// <summary>The structure.</summary>
    public Structure Structure => _calculator.Structure;

    /// <summary>Rocking-curve width model: the radial σ_q is expressed as a Scherrer size so that σ_size = σ_q.</summary>
    public SpotBroadening Broadening =>
        new(Options.MosaicSigmaDeg, 2 * Math.PI * 0.9 / (Options.RadialSigma * SpotBroadening.FwhmPerSigma), 0.9);

    /// <summary>The visible spots of orientation <paramref name="labFromSl"/> (lab ← superlattice), strongest first.</summary>
    /// <param name="labFromSl">Orientation of the superlattice.</param>
    /// <param name="wavelengthAngstrom">λ in Å.</param>
    public PatternSpot[] Spots(Mat3 labFromSl, double wavelengthAngstrom)
    {
        double threshold = Options.MinRelativeIntensity * _calculator.MaxStructureFactorSquared;
        var result = new List<PatternSpot>();
        foreach (Reflection r in _calculator.Compute(labFromSl, wavelengthAngstrom, Broadening))
        {
            if (r.Weight < threshold || r.Weight <= 0)
            {
                continue;
            }

            double radialDeg = Angles.ToDeg(Options.RadialSigma / r.Q);
            double sigmaPhi = Math.Sqrt((Options.MosaicSigmaDeg * Options.MosaicSigmaDeg) + (radialDeg * radialDeg));
            result.Add(new PatternSpot(r.Hkl, r.Q, r.PhiDeg, Options.RadialSigma, sigmaPhi, r.Weight, r.Weight / r.StructureFactorSquared));
        }

        return [.. result.OrderByDescending(s => s.Intensity)];
    }

    /// <summary>Spots of the superlattice with [uvw] along the beam and in-plane rotation ψ (<see cref="OrientationFactory.FromZoneAxis(ZoneAxis, double)"/>).</summary>
    public PatternSpot[] Spots(ZoneAxis zone, double inPlaneDeg, double wavelengthAngstrom) =>
        Spots(OrientationFactory.FromZoneAxis(Structure.Lattice, zone, inPlaneDeg), wavelengthAngstrom);
}
