namespace XccaMap.Crystallography.SpaceGroups;

/// <summary>The seven crystal systems.</summary>
public enum CrystalSystem
{
    /// <summary>Point groups 1, −1.</summary>
    Triclinic,

    /// <summary>Point groups 2, m, 2/m.</summary>
    Monoclinic,

    /// <summary>Point groups 222, mm2, mmm.</summary>
    Orthorhombic,

    /// <summary>Point groups 4 … 4/mmm.</summary>
    Tetragonal,

    /// <summary>Point groups 3 … −3m.</summary>
    Trigonal,

    /// <summary>Point groups 6 … 6/mmm.</summary>
    Hexagonal,

    /// <summary>Point groups 23 … m−3m.</summary>
    Cubic,
}
