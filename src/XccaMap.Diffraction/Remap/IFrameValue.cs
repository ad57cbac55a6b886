namespace XccaMap.Diffraction.Remap;

/// <summary>How the remap kernel reads one frame element type (static, so the JIT specialises the kernel per type).</summary>
internal interface IFrameValue<T>
    where T : unmanaged
{
    /// <summary>Whether the value marks a pixel with no data in this frame.</summary>
    static abstract bool IsInvalid(T value);

    static abstract double ToDouble(T value);
}

/// <summary>uint32 frames: all-ones (0xFFFFFFFF, also what readers map 0xFFFF/0xFF to) is invalid.</summary>
internal readonly struct UInt32FrameValue : IFrameValue<uint>
{
    public static bool IsInvalid(uint value) => value == uint.MaxValue;

    public static double ToDouble(uint value) => value;
}

/// <summary>float frames (simulations): NaN is invalid.</summary>
internal readonly struct SingleFrameValue : IFrameValue<float>
{
    public static bool IsInvalid(float value) => float.IsNaN(value);

    public static double ToDouble(float value) => value;
}
