namespace XccaMap.Detector.Eiger;

/// <summary>How frames are decoded.</summary>
public enum DecodePath
{
    /// <summary>
    /// Our own decoders on raw chunks read with H5Dread_chunk, in parallel, optionally only the blocks of an ROI.
    /// Falls back to <see cref="Hdf5"/> for layouts it does not handle (partial-frame chunks, unknown filters).
    /// </summary>
    Direct,

    /// <summary>HDF5's filter pipeline (plugins); the reference the direct path is tested against.</summary>
    Hdf5,
}
