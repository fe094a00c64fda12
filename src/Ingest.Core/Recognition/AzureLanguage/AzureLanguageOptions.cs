namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>
/// Settings for <see cref="AzureLanguageEntityRecognizer"/>, bound from the
/// <see cref="SectionName"/> configuration section and checked by <see cref="AzureLanguageOptionsValidator"/>.
/// The limits default to the service's documented synchronous limits; lower them only to test chunking and batching.
/// </summary>
public sealed class AzureLanguageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Recognizer:AzureLanguage";

    /// <summary>Service limit: documents in one <c>analyze-text</c> request.</summary>
    public const int ServiceMaxDocumentsPerRequest = 5;

    /// <summary>Service limit: text elements (<see cref="System.Globalization.StringInfo"/>) in one document.</summary>
    public const int ServiceMaxTextElementsPerDocument = 5120;

    /// <summary>Service limit: bytes in one request body.</summary>
    public const int ServiceMaxRequestBytes = 1_000_000;

    /// <summary>The Language resource endpoint, e.g. <c>https://my-language.cognitiveservices.azure.com/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Resource key sent as <c>Ocp-Apim-Subscription-Key</c>. When empty the client authenticates with an
    /// Entra token from the registered <see cref="Azure.Core.TokenCredential"/> (DefaultAzureCredential by default).
    /// </summary>
    public string? Key { get; set; }

    public string ApiVersion { get; set; } = "2024-11-01";

    public string ModelVersion { get; set; } = "latest";

    /// <summary>
    /// Sends <c>loggingOptOut</c>, so the service does not keep the article text for its 48-hour troubleshooting log.
    /// On by default: the pipeline keeps article text out of every log, and the service's is no exception. Turn off
    /// while working a support case that needs Microsoft to see the inputs.
    /// </summary>
    public bool DisableServiceLogs { get; set; } = true;

    /// <summary>ISO 639-1 language sent when the article's language is unknown.</summary>
    public string DefaultLanguage { get; set; } = "en";

    public int MaxDocumentsPerRequest { get; set; } = ServiceMaxDocumentsPerRequest;

    public int MaxTextElementsPerDocument { get; set; } = ServiceMaxTextElementsPerDocument;

    public int MaxRequestBytes { get; set; } = ServiceMaxRequestBytes;

    /// <summary>Time one HTTP attempt may take before it is cancelled and retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries after the first attempt for throttling, transient server errors, network errors and attempt timeouts.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base of the jittered exponential backoff, used when the service sends no <c>Retry-After</c>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of the computed backoff (not of a service-sent <c>Retry-After</c>, see <see cref="MaxRetryAfter"/>).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest <c>Retry-After</c> the client waits for. A longer one is not waited out: the call gives up at once
    /// (falling back or failing), so a queue message is not held for minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    public AzureLanguageCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>
    /// When the service stays unavailable (retries exhausted, circuit open) or rejects a chunk of the article,
    /// recognize the article with the offline recognizer instead; the result's recognizer name shows it.
    /// When false such an article fails, so its queue message is retried and finally ends <c>failed</c>.
    /// </summary>
    public bool FallbackToOffline { get; set; }
}

/// <summary>When to stop calling a service that keeps failing; see Polly's circuit breaker.</summary>
public sealed class AzureLanguageCircuitBreakerOptions
{
    /// <summary>Share of handled failures within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed within <see cref="SamplingDuration"/> before the ratio counts.</summary>
    public int MinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one trial call is let through.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);
}
