namespace XccaMap.Detector.Masks;

/// <summary>Element types of NumPy <c>.npy</c> arrays that XccaMap reads and writes (stored little-endian).</summary>
public enum NpyDType
{
    /// <summary>numpy.bool_ ('|b1'), one byte, 0 or 1.</summary>
    Bool,

    /// <summary>numpy.int8 ('|i1').</summary>
    Int8,

    /// <summary>numpy.uint8 ('|u1').</summary>
    UInt8,

    /// <summary>numpy.int16 ('&lt;i2').</summary>
    Int16,

    /// <summary>numpy.uint16 ('&lt;u2').</summary>
    UInt16,

    /// <summary>numpy.int32 ('&lt;i4').</summary>
    Int32,

    /// <summary>numpy.uint32 ('&lt;u4').</summary>
    UInt32,

    /// <summary>numpy.int64 ('&lt;i8').</summary>
    Int64,

    /// <summary>numpy.float32 ('&lt;f4').</summary>
    Float32,

    /// <summary>numpy.float64 ('&lt;f8').</summary>
    Float64,
}
