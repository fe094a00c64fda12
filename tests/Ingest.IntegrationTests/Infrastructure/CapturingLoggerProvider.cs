using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Ingest.IntegrationTests.Infrastructure;

/// <summary>Keeps every log line of a host (level, category, message, exception) for a test to inspect or to explain a failure with.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>The same lines with their time and level, to tell what a host was doing when a test timed out.</summary>
    public ConcurrentQueue<CapturedLogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Lines, Entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<string> lines, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)} {exception}";
            lines.Enqueue(line);
            entries.Enqueue(new CapturedLogEntry(DateTimeOffset.UtcNow, logLevel, line));
        }
    }
}

/// <summary>One captured log line with the time it was written and its level.</summary>
public sealed record CapturedLogEntry(DateTimeOffset Time, LogLevel Level, string Line);
