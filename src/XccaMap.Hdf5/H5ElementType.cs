namespace XccaMap.Hdf5;

/// <summary>The class of an HDF5 datatype, as far as XccaMap needs it.</summary>
public enum H5TypeClass
{
    /// <summary>Signed or unsigned integer.</summary>
    Integer,

    /// <summary>IEEE float.</summary>
    Float,

    /// <summary>Fixed or variable-length string.</summary>
    String,

    /// <summary>Anything else (compound, enum, …).</summary>
    Other,
}

/// <summary>A dataset's or attribute's element type.</summary>
/// <param name="Class">Type class.</param>
/// <param name="Size">Element size in bytes (for variable-length strings: pointer size).</param>
/// <param name="IsSigned">True for signed integers.</param>
/// <param name="IsVariableString">True for variable-length strings.</param>
public readonly record struct H5ElementType(H5TypeClass Class, int Size, bool IsSigned, bool IsVariableString)
{
    /// <summary>A short name such as "uint32", "float64" or "string".</summary>
    public override string ToString() => Class switch
    {
        H5TypeClass.Integer => (IsSigned ? "int" : "uint") + (Size * 8),
        H5TypeClass.Float => "float" + (Size * 8),
        H5TypeClass.String => "string",
        _ => "other",
    };
}

/// <summary>One filter in a dataset's pipeline.</summary>
/// <param name="Id">HDF5 filter id (32008 bitshuffle, 32004 LZ4, 1 deflate, …).</param>
/// <param name="Name">The filter's name as stored.</param>
/// <param name="Parameters">Client data values (cd_values).</param>
public sealed record H5Filter(int Id, string Name, IReadOnlyList<uint> Parameters);
