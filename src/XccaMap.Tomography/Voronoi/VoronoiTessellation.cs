namespace XccaMap.Tomography.Voronoi;

/// <summary>
/// Voronoi neighbours of a point set in compressed rows: the neighbours of particle i are
/// <c>Neighbors[Offsets[i]..Offsets[i + 1]]</c>, with the shared facet areas (nm²) at the same places.
/// The relation is symmetric. Open cells (touching the bounding box: particles at the sample surface)
/// are flagged; their neighbour lists are complete on the inside but their shape is not trustworthy.
/// </summary>
public sealed class VoronoiTessellation
{
    internal VoronoiTessellation(int[] offsets, int[] neighbors, double[] areas, bool[] open, double[] volumes, int droppedFacets, int duplicates)
    {
        Offsets = offsets;
        Neighbors = neighbors;
        FacetAreas = areas;
        IsOpen = open;
        Volumes = volumes;
        DroppedFacets = droppedFacets;
        DuplicatePoints = duplicates;
    }

    /// <summary>Row offsets, length N + 1.</summary>
    public int[] Offsets { get; }

    /// <summary>Neighbour indices, sorted ascending per particle.</summary>
    public int[] Neighbors { get; }

    /// <summary>Facet area (nm²) of each neighbour pair, the mean of the two cells' values.</summary>
    public double[] FacetAreas { get; }

    /// <summary>True where the cell touches the bounding box (surface particle).</summary>
    public bool[] IsOpen { get; }

    /// <summary>Cell volume (nm³); for open cells, the volume inside the box.</summary>
    public double[] Volumes { get; }

    /// <summary>Number of (undirected) facets dropped by the relative area tolerance.</summary>
    public int DroppedFacets { get; }

    /// <summary>Number of points that coincide (within round-off) with an earlier point; they are skipped as neighbours.</summary>
    public int DuplicatePoints { get; }

    /// <summary>Number of particles.</summary>
    public int Count => IsOpen.Length;

    /// <summary>Neighbours of particle <paramref name="i"/>.</summary>
    public ReadOnlySpan<int> NeighborsOf(int i) => Neighbors.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    /// <summary>Facet areas (nm²) of particle <paramref name="i"/>, aligned with <see cref="NeighborsOf"/>.</summary>
    public ReadOnlySpan<double> FacetAreasOf(int i) => FacetAreas.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    /// <summary>Number of neighbours of particle <paramref name="i"/>.</summary>
    public int Degree(int i) => Offsets[i + 1] - Offsets[i];

    /// <summary>True if <paramref name="j"/> is a neighbour of <paramref name="i"/>.</summary>
    public bool AreNeighbors(int i, int j) => NeighborsOf(i).BinarySearch(j) >= 0;
}
