namespace XccaMap.Simulation.Model;

/// <summary>
/// The sample under the beam at one raster point: the grain the point lies in, possibly a second grain across a
/// boundary within the beam footprint, the film thickness and the truth label.
/// </summary>
/// <param name="Row">Raster row.</param>
/// <param name="Col">Raster column.</param>
/// <param name="Label">Truth class: class id, <see cref="Empty"/> or <see cref="Mixed"/>.</param>
/// <param name="Primary">The grain holding the point.</param>
/// <param name="Secondary">The grain across the nearest domain boundary, when it gets part of the footprint.</param>
/// <param name="Thickness">Relative film thickness (mean 1).</param>
/// <param name="DistanceUm">Distance to the nearest domain edge (another class or no sample), µm.</param>
public readonly record struct PointState(int Row, int Col, int Label, Contribution Primary, Contribution? Secondary, double Thickness, double DistanceUm)
{
    /// <summary>Label of a point without sample scattering.</summary>
    public const int Empty = -1;

    /// <summary>Label of a point showing two classes at once.</summary>
    public const int Mixed = -2;

    /// <summary>The contributions (one or two).</summary>
    public IEnumerable<Contribution> Contributions()
    {
        yield return Primary;
        if (Secondary is { } s)
        {
            yield return s;
        }
    }

    /// <summary>The sample contribution with the largest share, if any (its lattice scale and rotation are the point's).</summary>
    public Contribution? Dominant =>
        Primary.HasSample ? Primary : Secondary is { HasSample: true } s ? s : null;
}
