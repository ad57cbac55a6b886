namespace XccaMap.Diffraction.Boundary;

/// <summary>Compression against distance to the edge for one domain.</summary>
/// <param name="Domain">The domain.</param>
/// <param name="Points">Usable points (good q, distance seen, not censored).</param>
/// <param name="Fit">q(d) = q_bulk·(1 + C·e^(−d/L)) fitted to its points (not converged when too few).</param>
/// <param name="BulkQ">q far from the edge, Å⁻¹: the fit's bulk level, or the median of the farthest third of its points when the fit failed.</param>
/// <param name="MaxDistance">Largest usable distance in the domain, distance unit.</param>
public sealed record DomainCompression(Domain Domain, int Points, ExponentialDecay Fit, double BulkQ, double MaxDistance);
