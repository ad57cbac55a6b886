namespace XccaMap.Monitor.Dashboard;

/// <summary>The dashboard could not listen on its address and port (in use, or not an address of this machine).</summary>
public sealed class DashboardBindException : IOException
{
    /// <summary>A bind failure with a message that says what to do.</summary>
    public DashboardBindException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
