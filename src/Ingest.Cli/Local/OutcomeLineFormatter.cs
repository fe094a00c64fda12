using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Ingest.Cli.Local;

/// <summary>
/// Console lines for `ingest up`: the time and the message for each outcome, with the level spelled out only
/// when something needs attention. The category names the default formatter adds say nothing to an operator.
/// </summary>
internal sealed class OutcomeLineFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "ingest-outcomes";

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }
        textWriter.Write(DateTime.Now.ToString("HH:mm:ss "));
        if (logEntry.LogLevel >= LogLevel.Warning)
        {
            textWriter.Write(logEntry.LogLevel == LogLevel.Warning ? "warning: " : "error: ");
        }
        textWriter.Write(message);
        if (logEntry.Exception is { } exception)
        {
            // One line: the exception's type and message; stack traces are for debug logs, not the outcome feed.
            textWriter.Write($" ({exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")})");
        }
        textWriter.WriteLine();
    }
}
