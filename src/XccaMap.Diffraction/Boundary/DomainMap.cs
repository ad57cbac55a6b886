namespace XccaMap.Diffraction.Boundary;

/// <summary>The domains of a scan: the domain of every raster point (−1 for none) and the domain list.</summary>
/// <param name="Rows">Raster rows.</param>
/// <param name="Cols">Raster columns.</param>
/// <param name="DomainOf">Domain id per point (row-major), −1 where there is no domain (empty, no data, unattached mixed).</param>
/// <param name="Domains">Domains, largest first (index = id).</param>
public sealed record DomainMap(int Rows, int Cols, int[] DomainOf, IReadOnlyList<Domain> Domains)
{
    /// <summary>Domain id of raster point (<paramref name="row"/>, <paramref name="col"/>), −1 for none or outside the raster.</summary>
    public int At(int row, int col) => row >= 0 && row < Rows && col >= 0 && col < Cols ? DomainOf[(row * Cols) + col] : -1;
}
