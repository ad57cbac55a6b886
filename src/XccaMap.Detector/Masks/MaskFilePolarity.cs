namespace XccaMap.Detector.Masks;

/// <summary>How to read a mask array from a file.</summary>
public enum MaskFilePolarity
{
    /// <summary>Non-zero means "exclude" (XccaMap's and pyFAI's convention, and the Eiger pixel_mask's).</summary>
    NonZeroExcluded,

    /// <summary>Non-zero means "valid pixel" (some beamline tools write masks this way).</summary>
    NonZeroValid,
}
