namespace XccaMap.Monitor.Following;

/// <summary>Handles one decoded frame (uint32 pixels, 0xFFFFFFFF = gap/defective) on a worker thread with its own state.</summary>
/// <typeparam name="TState">Per-thread state (accumulators, scratch).</typeparam>
/// <param name="state">This thread's state.</param>
/// <param name="local">Frame index within its data file.</param>
/// <param name="pixels">The frame (only the ROI's pixels are valid when an ROI was asked for).</param>
public delegate void FrameHandler<in TState>(TState state, long local, ReadOnlySpan<uint> pixels);
