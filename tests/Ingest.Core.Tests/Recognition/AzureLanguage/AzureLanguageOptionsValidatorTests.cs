using Ingest.Core.Recognition.AzureLanguage;
using Xunit;

namespace Ingest.Core.Tests.Recognition.AzureLanguage;

public sealed class AzureLanguageOptionsValidatorTests
{
    private static AzureLanguageOptions Valid() => new() { Endpoint = new Uri("https://my-language.cognitiveservices.azure.com/") };

    [Fact]
    public void The_defaults_with_an_https_endpoint_are_valid_and_match_the_service_limits()
    {
        var options = Valid();

        Assert.True(new AzureLanguageOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(("2024-11-01", "latest", "en", 5, 5120, 1_000_000), (options.ApiVersion, options.ModelVersion, options.DefaultLanguage,
            options.MaxDocumentsPerRequest, options.MaxTextElementsPerDocument, options.MaxRequestBytes));
        Assert.False(options.FallbackToOffline);
        Assert.True(options.DisableServiceLogs);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost:5000/")]
    [InlineData("http://[::1]:5000/")]
    public void Plain_http_is_accepted_for_a_loopback_test_server(string endpoint)
    {
        var options = Valid();
        options.Endpoint = new Uri(endpoint);

        Assert.True(new AzureLanguageOptionsValidator().Validate(null, options).Succeeded);
    }

    public static TheoryData<string, Action<AzureLanguageOptions>> InvalidSettings => new()
    {
        { "Endpoint is required", o => o.Endpoint = null },
        { "Endpoint must be an absolute URI", o => o.Endpoint = new Uri("language", UriKind.Relative) },
        { "Endpoint must use https", o => o.Endpoint = new Uri("http://my-language.cognitiveservices.azure.com/") },
        { "Endpoint must use https", o => o.Endpoint = new Uri("ftp://127.0.0.1/") },
        { "Endpoint must not carry a query", o => o.Endpoint = new Uri("https://my-language.cognitiveservices.azure.com/?api-version=1") },
        { "Key is blank", o => o.Key = "   " },
        { "ApiVersion is required", o => o.ApiVersion = "" },
        { "ModelVersion is required", o => o.ModelVersion = " " },
        { "DefaultLanguage is required", o => o.DefaultLanguage = "" },
        { "MaxDocumentsPerRequest must be between 1 and 5", o => o.MaxDocumentsPerRequest = 6 },
        { "MaxDocumentsPerRequest must be between 1 and 5", o => o.MaxDocumentsPerRequest = 0 },
        { "MaxTextElementsPerDocument must be between 1 and 5120", o => o.MaxTextElementsPerDocument = 5121 },
        { "MaxRequestBytes must be between 1024 and 1000000", o => o.MaxRequestBytes = 1_048_576 },
        { "MaxRequestBytes must be between 1024 and 1000000", o => o.MaxRequestBytes = 100 },
        { "MaxRetries must be between 0 and 10", o => o.MaxRetries = -1 },
        { "AttemptTimeout must be between", o => o.AttemptTimeout = TimeSpan.Zero },
        { "RetryBaseDelay must be between", o => o.RetryBaseDelay = TimeSpan.FromSeconds(-1) },
        { "MaxRetryDelay must be between", o => o.MaxRetryDelay = TimeSpan.FromMilliseconds(1) },
        { "MaxRetryAfter must be between", o => o.MaxRetryAfter = TimeSpan.FromDays(2) },
        { "CircuitBreaker:FailureRatio must be greater than 0", o => o.CircuitBreaker.FailureRatio = 0 },
        { "CircuitBreaker:FailureRatio must be greater than 0", o => o.CircuitBreaker.FailureRatio = 1.5 },
        { "CircuitBreaker:MinimumThroughput must be between 2", o => o.CircuitBreaker.MinimumThroughput = 1 },
        { "CircuitBreaker:SamplingDuration must be between", o => o.CircuitBreaker.SamplingDuration = TimeSpan.FromMilliseconds(100) },
        { "CircuitBreaker:BreakDuration must be between", o => o.CircuitBreaker.BreakDuration = TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Each_bad_setting_is_reported_under_its_configuration_key(string expected, Action<AzureLanguageOptions> spoil)
    {
        var options = Valid();
        spoil(options);

        var result = new AzureLanguageOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Recognizer:AzureLanguage:" + expected, failure);
    }
}
