namespace XccaMap.Monitor;

/// <summary>
/// The monitor's messages: kept (the last <see cref="Capacity"/>) for the dashboard and the checkpoint, and handed to
/// <see cref="Written"/> as they come (the terminal prints them). Thread-safe.
/// </summary>
public sealed class MonitorLog
{
    /// <summary>Messages kept.</summary>
    public const int Capacity = 200;

    private readonly Queue<MonitorMessage> _messages = new();
    private readonly HashSet<string> _once = new(StringComparer.Ordinal);

    /// <summary>Called for every new message (from the thread that said it).</summary>
    public event Action<MonitorMessage>? Written;

    /// <summary>The kept messages, oldest first.</summary>
    public IReadOnlyList<MonitorMessage> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Says something.</summary>
    public void Add(MonitorSeverity severity, string text)
    {
        var m = new MonitorMessage(DateTimeOffset.UtcNow, severity, text);
        lock (_messages)
        {
            _messages.Enqueue(m);
            while (_messages.Count > Capacity)
            {
                _messages.Dequeue();
            }
        }

        Written?.Invoke(m);
    }

    /// <summary>Says something once per <paramref name="key"/> (a file that stays unreadable is reported once, not every poll).</summary>
    public void Once(string key, MonitorSeverity severity, string text)
    {
        lock (_once)
        {
            if (!_once.Add(key))
            {
                return;
            }
        }

        Add(severity, text);
    }

    /// <summary>Allows the message of <paramref name="key"/> again (the situation changed).</summary>
    public void Forget(string key)
    {
        lock (_once)
        {
            _once.Remove(key);
        }
    }

    /// <summary>Informational message.</summary>
    public void Info(string text) => Add(MonitorSeverity.Info, text);

    /// <summary>Warning.</summary>
    public void Warn(string text) => Add(MonitorSeverity.Warning, text);
}
