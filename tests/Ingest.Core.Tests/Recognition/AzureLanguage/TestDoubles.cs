using System.Collections.Concurrent;
using Azure.Core;
using Ingest.Core.Articles;
using Ingest.Core.Recognition;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Tests.Recognition.AzureLanguage;

/// <summary>Stands in for the offline recognizer: one fixed mention, a recognizable name, a call count.</summary>
public sealed class FixedOfflineRecognizer : IEntityRecognizer
{
    public const string Name = "offline-test";
    private int _calls;

    public int Calls => _calls;

    public Task<RecognitionResult> RecognizeAsync(string text, string? language, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        var mentions = new List<EntityMention>
        {
            new() { Text = text[..Math.Min(4, text.Length)], Category = EntityCategories.Person, Offset = 0, Length = Math.Min(4, text.Length), Confidence = 0.5 },
        };
        return Task.FromResult(new RecognitionResult(mentions, new RecognizerInfo { Name = Name, Version = "1.0" }));
    }
}

/// <summary>A credential that hands out numbered tokens valid for <see cref="Lifetime"/> and counts how often it was asked.</summary>
public sealed class CountingTokenCredential(TimeProvider clock) : TokenCredential
{
    private int _calls;

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);
    public int Calls => _calls;
    public ConcurrentQueue<string[]> RequestedScopes { get; } = new();

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The client must not fetch tokens synchronously.");

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref _calls);
        RequestedScopes.Enqueue(requestContext.Scopes);
        return ValueTask.FromResult(new AccessToken($"token-{call}", clock.GetUtcNow() + Lifetime));
    }
}

/// <summary>Keeps every formatted log message so tests can check what was (and was not) logged.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this);

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(RecordingLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Entries.Enqueue((logLevel, formatter(state, exception) + (exception is null ? "" : " | " + exception.Message)));
    }
}
