namespace XccaMap.Tests.Monitor;

/// <summary>
/// Runs a long blocking job (a monitor, a simulator, a releaser) on a thread of its own, as it runs in production (the
/// monitor on the CLI's main thread, the detector writer in another process). On a thread-pool thread it would hold
/// one of the pool's few threads (as many as cores) for the whole test, and the frame reader's producer and decoders,
/// which are pool work items, would wait for the pool to inject threads (about one per 0.5 s): a test artefact that
/// shows up as seconds of latency on the first frames of a 2-core machine.
/// </summary>
internal static class DedicatedThread
{
    public static Task<T> Run<T>(Func<T> job) =>
        Task.Factory.StartNew(job, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public static Task Run(Action job, CancellationToken cancel = default) =>
        Task.Factory.StartNew(job, cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
