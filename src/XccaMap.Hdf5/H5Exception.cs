namespace XccaMap.Hdf5;

/// <summary>
/// An HDF5 call failed. The message names the operation, the file and the object, followed by
/// the innermost descriptions from HDF5's error stack.
/// </summary>
public sealed class H5Exception : IOException
{
    /// <summary>Creates the exception.</summary>
    public H5Exception(string operation, string? filePath, string? objectPath, string? stack = null)
        : base(Compose(operation, filePath, objectPath, stack))
    {
        Operation = operation;
        FilePath = filePath;
        ObjectPath = objectPath;
        HdfStack = stack;
    }

    /// <summary>What was being done (e.g. "read dataset").</summary>
    public string Operation { get; }

    /// <summary>The file concerned, if known.</summary>
    public string? FilePath { get; }

    /// <summary>The object inside the file (e.g. "/entry/data/data"), if known.</summary>
    public string? ObjectPath { get; }

    /// <summary>HDF5's error stack, innermost first.</summary>
    public string? HdfStack { get; }

    private static string Compose(string operation, string? file, string? obj, string? stack)
    {
        var where = (file, obj) switch
        {
            (not null, not null) => $" in {file}:{obj}",
            (not null, null) => $" in {file}",
            (null, not null) => $" at {obj}",
            _ => string.Empty,
        };
        return string.IsNullOrEmpty(stack) ? $"HDF5: {operation} failed{where}" : $"HDF5: {operation} failed{where}: {stack}";
    }
}
