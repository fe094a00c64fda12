using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>
/// Builds the one resilience pipeline the Azure AI Language calls go through, outermost first:
/// retry (jittered exponential backoff, or the service's <c>Retry-After</c> when it sends one), circuit breaker,
/// per-attempt timeout. The caller's <see cref="CancellationToken"/> bounds the whole call. This is the only
/// retry layer: the HttpClient is registered without any retry handler and with no timeout of its own.
/// </summary>
internal static class AzureLanguageResiliencePipeline
{
    public static ResiliencePipeline<HttpResponseMessage> Create(AzureLanguageOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider };

        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    IsTransientFailure(args.Outcome) && !AsksForTooLongAWait(args.Outcome, options, timeProvider)),
                // Null lets Polly compute the backoff; a service-sent wait is used as is (Polly adds no jitter to it).
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfterHeader.Read(response, timeProvider.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Azure AI Language attempt {Attempt} failed ({Failure}); retrying in {Delay}.",
                        args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        }

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = options.CircuitBreaker.FailureRatio,
            MinimumThroughput = options.CircuitBreaker.MinimumThroughput,
            SamplingDuration = options.CircuitBreaker.SamplingDuration,
            BreakDuration = options.CircuitBreaker.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(IsTransientFailure(args.Outcome)),
            OnOpened = args =>
            {
                logger.LogError(
                    "Azure AI Language circuit opened for {BreakDuration} after {Failure}.", args.BreakDuration, Describe(args.Outcome));
                return ValueTask.CompletedTask;
            },
            OnClosed = _ =>
            {
                logger.LogInformation("Azure AI Language circuit closed; the service answers again.");
                return ValueTask.CompletedTask;
            },
        });

        builder.AddTimeout(options.AttemptTimeout);
        return builder.Build();
    }

    /// <summary>
    /// Failures worth another attempt: throttling, server-side transient errors, a dropped connection, an attempt
    /// that timed out. Client errors (400, 401, 403, 404, 413) would fail the same way again.
    /// </summary>
    public static bool IsTransientFailure(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => IsTransientStatus(response.StatusCode),
        _ => false,
    };

    public static bool IsTransientStatus(HttpStatusCode status) => status is
        HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>A Retry-After beyond the configured maximum is not waited out: the queue retries the article later instead.</summary>
    private static bool AsksForTooLongAWait(Outcome<HttpResponseMessage> outcome, AzureLanguageOptions options, TimeProvider timeProvider) =>
        outcome.Result is { } response
        && RetryAfterHeader.Read(response, timeProvider.GetUtcNow()) is { } wait
        && wait > options.MaxRetryAfter;

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? exception.GetType().Name
            : $"HTTP {(int)outcome.Result!.StatusCode}";
}
