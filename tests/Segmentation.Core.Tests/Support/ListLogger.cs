using Microsoft.Extensions.Logging;

namespace Segmentation.Core.Tests.Support;

/// <summary>One entry a <see cref="ListLogger"/> collected.</summary>
/// <param name="Level">The level.</param>
/// <param name="Id">The event id's number.</param>
/// <param name="Message">The formatted message.</param>
public sealed record LogEntry(LogLevel Level, int Id, string Message);

/// <summary>Collects log entries from any thread (the library logs through <see cref="ILogger"/>; no mocking framework involved).</summary>
public sealed class ListLogger : ILogger
{
    private readonly List<LogEntry> entries = [];

    /// <summary>A snapshot of the entries so far, in order.</summary>
    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (entries)
            {
                return [.. entries];
            }
        }
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (entries)
        {
            entries.Add(new LogEntry(logLevel, eventId.Id, formatter(state, exception)));
        }
    }
}
