using Microsoft.Extensions.Options;

namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>
/// Checks <see cref="AzureLanguageOptions"/> at startup (registered with <c>ValidateOnStart</c>), naming the
/// configuration key of every bad value, so a misconfigured endpoint fails the host instead of the first article.
/// The ranges are the service's limits and the ones Polly enforces when it builds the pipeline.
/// </summary>
public sealed class AzureLanguageOptionsValidator : IValidateOptions<AzureLanguageOptions>
{
    private static readonly TimeSpan PollyMinimumTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan PollyMinimumBreakerWindow = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan OneDay = TimeSpan.FromDays(1);
    private const int MaxSupportedRetries = 10;
    // Below this a request cannot hold one reasonable chunk plus the JSON envelope.
    private const int MinimumRequestBytes = 1024;

    public ValidateOptionsResult Validate(string? name, AzureLanguageOptions options)
    {
        var failures = new List<string>();
        var prefix = AzureLanguageOptions.SectionName + ":";

        ValidateEndpoint(options.Endpoint, prefix, failures);

        if (options.Key is not null && options.Key.Length > 0 && string.IsNullOrWhiteSpace(options.Key))
        {
            failures.Add($"{prefix}{nameof(options.Key)} is blank; leave it empty to use an Entra token instead.");
        }
        Require(!string.IsNullOrWhiteSpace(options.ApiVersion), $"{prefix}{nameof(options.ApiVersion)} is required.", failures);
        Require(!string.IsNullOrWhiteSpace(options.ModelVersion), $"{prefix}{nameof(options.ModelVersion)} is required (\"latest\" or a dated model version).", failures);
        Require(!string.IsNullOrWhiteSpace(options.DefaultLanguage), $"{prefix}{nameof(options.DefaultLanguage)} is required.", failures);

        RequireRange(options.MaxDocumentsPerRequest, 1, AzureLanguageOptions.ServiceMaxDocumentsPerRequest, prefix + nameof(options.MaxDocumentsPerRequest), failures);
        RequireRange(options.MaxTextElementsPerDocument, 1, AzureLanguageOptions.ServiceMaxTextElementsPerDocument, prefix + nameof(options.MaxTextElementsPerDocument), failures);
        RequireRange(options.MaxRequestBytes, MinimumRequestBytes, AzureLanguageOptions.ServiceMaxRequestBytes, prefix + nameof(options.MaxRequestBytes), failures);
        RequireRange(options.MaxRetries, 0, MaxSupportedRetries, prefix + nameof(options.MaxRetries), failures);

        RequireRange(options.AttemptTimeout, PollyMinimumTimeout, OneDay, prefix + nameof(options.AttemptTimeout), failures);
        RequireRange(options.RetryBaseDelay, TimeSpan.Zero, OneDay, prefix + nameof(options.RetryBaseDelay), failures);
        RequireRange(options.MaxRetryDelay, options.RetryBaseDelay, OneDay, prefix + nameof(options.MaxRetryDelay), failures);
        RequireRange(options.MaxRetryAfter, TimeSpan.Zero, OneDay, prefix + nameof(options.MaxRetryAfter), failures);

        var breaker = options.CircuitBreaker;
        if (breaker is null)
        {
            failures.Add($"{prefix}{nameof(options.CircuitBreaker)} is required.");
        }
        else
        {
            var breakerPrefix = prefix + nameof(options.CircuitBreaker) + ":";
            Require(breaker.FailureRatio > 0 && breaker.FailureRatio <= 1,
                $"{breakerPrefix}{nameof(breaker.FailureRatio)} must be greater than 0 and at most 1 (was {breaker.FailureRatio}).", failures);
            RequireRange(breaker.MinimumThroughput, 2, int.MaxValue, breakerPrefix + nameof(breaker.MinimumThroughput), failures);
            RequireRange(breaker.SamplingDuration, PollyMinimumBreakerWindow, OneDay, breakerPrefix + nameof(breaker.SamplingDuration), failures);
            RequireRange(breaker.BreakDuration, PollyMinimumBreakerWindow, OneDay, breakerPrefix + nameof(breaker.BreakDuration), failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateEndpoint(Uri? endpoint, string prefix, List<string> failures)
    {
        var key = prefix + nameof(AzureLanguageOptions.Endpoint);
        if (endpoint is null)
        {
            failures.Add($"{key} is required (the Language resource endpoint, https://<name>.cognitiveservices.azure.com/).");
            return;
        }
        if (!endpoint.IsAbsoluteUri)
        {
            failures.Add($"{key} must be an absolute URI (was '{endpoint}').");
            return;
        }
        // Keys and tokens must not travel in clear text; plain http is allowed only to a local test server.
        var isHttps = endpoint.Scheme == Uri.UriSchemeHttps;
        var isLoopbackHttp = endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback;
        if (!isHttps && !isLoopbackHttp)
        {
            failures.Add($"{key} must use https (http is accepted only for a loopback test server); was '{endpoint.Scheme}://{endpoint.Authority}'.");
        }
        if (!string.IsNullOrEmpty(endpoint.Query) || !string.IsNullOrEmpty(endpoint.Fragment))
        {
            failures.Add($"{key} must not carry a query or fragment; the client adds the api-version itself.");
        }
    }

    private static void Require(bool condition, string failure, List<string> failures)
    {
        if (!condition)
        {
            failures.Add(failure);
        }
    }

    private static void RequireRange(int value, int min, int max, string key, List<string> failures) =>
        Require(value >= min && value <= max, $"{key} must be between {min} and {max} (was {value}).", failures);

    private static void RequireRange(TimeSpan value, TimeSpan min, TimeSpan max, string key, List<string> failures) =>
        Require(value >= min && value <= max, $"{key} must be between {min} and {max} (was {value}).", failures);
}
