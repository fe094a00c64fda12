using Ingest.Core.Recognition;
using Ingest.Core.Recognition.AzureLanguage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Ingest.Core.Tests.Recognition.AzureLanguage;

public sealed class AzureLanguageRegistrationTests : IAsyncLifetime
{
    private FakeLanguageService _server = null!;

    public async Task InitializeAsync() => _server = await FakeLanguageService.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_retry_handler_added_to_every_client_is_not_stacked_on_this_one()
    {
        _server.AlwaysRespond = ScriptedResponse.Error(500, "InternalServerError", "Internal server error.");
        var otherLayer = new RetryTwiceHandler();
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?> { ["MaxRetries"] = "2" },
            configureServices: services => services.ConfigureHttpClientDefaults(client => client.AddHttpMessageHandler(() => otherLayer)));

        await Assert.ThrowsAsync<AzureLanguageRequestException>(() => harness.Recognizer.RecognizeAsync("NATO met.", "en", CancellationToken.None));

        Assert.Equal(3, _server.Requests.Count); // 1 + MaxRetries, not 3 × 3
        Assert.Equal(0, otherLayer.Sends);
    }

    [Fact]
    public async Task Registers_the_Azure_client_as_the_entity_recognizer_over_an_earlier_registration()
    {
        await using var harness = RecognizerHarness.Create(_server,
            configureServices: services => services.AddSingleton<IEntityRecognizer, FixedOfflineRecognizer>());

        Assert.IsType<AzureLanguageEntityRecognizer>(harness.Recognizer);
    }

    [Fact]
    public async Task Fallback_switched_on_without_an_offline_recognizer_is_a_startup_error()
    {
        await using var harness = RecognizerHarness.Create(_server, new Dictionary<string, string?> { ["FallbackToOffline"] = "true" });

        var error = Assert.Throws<OptionsValidationException>(() => harness.Recognizer);
        Assert.Contains("Recognizer:AzureLanguage:FallbackToOffline", error.Message);
    }

    [Fact]
    public async Task The_offline_fallback_is_created_once_and_shared_by_every_resolved_client()
    {
        _server.AlwaysRespond = ScriptedResponse.Error(503, "ServiceUnavailable", "The service is temporarily unavailable.");
        var created = 0;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Recognizer:AzureLanguage:Endpoint"] = _server.Endpoint.ToString(),
            ["Recognizer:AzureLanguage:Key"] = "k",
            ["Recognizer:AzureLanguage:MaxRetries"] = "0",
            ["Recognizer:AzureLanguage:FallbackToOffline"] = "true",
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddAzureLanguageRecognizer(configuration.GetSection(AzureLanguageOptions.SectionName), _ =>
        {
            Interlocked.Increment(ref created);
            return new FixedOfflineRecognizer();
        });
        await using var provider = services.BuildServiceProvider();

        var first = await provider.GetRequiredService<IEntityRecognizer>().RecognizeAsync("NATO met.", "en", CancellationToken.None);
        var second = await provider.GetRequiredService<IEntityRecognizer>().RecognizeAsync("NATO met.", "en", CancellationToken.None);

        Assert.Equal(1, created);
        Assert.All(new[] { first, second }, r => Assert.Equal("azure-ai-language (fallback: offline-test)", r.Recognizer.Name));
    }

    [Fact]
    public async Task The_host_refuses_to_start_with_an_invalid_endpoint()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Recognizer:AzureLanguage:Endpoint"] = "http://my-language.cognitiveservices.azure.com/",
            ["Recognizer:AzureLanguage:Key"] = "k",
        });
        builder.Services.AddAzureLanguageRecognizer(builder.Configuration.GetSection(AzureLanguageOptions.SectionName));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("Recognizer:AzureLanguage:Endpoint must use https", error.Message);
    }

    [Fact]
    public void Binds_every_setting_from_its_configuration_key()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Recognizer:AzureLanguage:Endpoint"] = "https://my-language.cognitiveservices.azure.com/",
            ["Recognizer:AzureLanguage:Key"] = "k",
            ["Recognizer:AzureLanguage:ApiVersion"] = "2023-04-01",
            ["Recognizer:AzureLanguage:ModelVersion"] = "2023-09-01",
            ["Recognizer:AzureLanguage:DefaultLanguage"] = "de",
            ["Recognizer:AzureLanguage:MaxDocumentsPerRequest"] = "4",
            ["Recognizer:AzureLanguage:MaxTextElementsPerDocument"] = "4000",
            ["Recognizer:AzureLanguage:MaxRequestBytes"] = "500000",
            ["Recognizer:AzureLanguage:AttemptTimeout"] = "00:00:15",
            ["Recognizer:AzureLanguage:MaxRetries"] = "5",
            ["Recognizer:AzureLanguage:RetryBaseDelay"] = "00:00:02",
            ["Recognizer:AzureLanguage:MaxRetryDelay"] = "00:00:20",
            ["Recognizer:AzureLanguage:MaxRetryAfter"] = "00:00:45",
            ["Recognizer:AzureLanguage:FallbackToOffline"] = "true",
            ["Recognizer:AzureLanguage:DisableServiceLogs"] = "false",
            ["Recognizer:AzureLanguage:CircuitBreaker:FailureRatio"] = "0.25",
            ["Recognizer:AzureLanguage:CircuitBreaker:MinimumThroughput"] = "20",
            ["Recognizer:AzureLanguage:CircuitBreaker:SamplingDuration"] = "00:01:00",
            ["Recognizer:AzureLanguage:CircuitBreaker:BreakDuration"] = "00:02:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddAzureLanguageRecognizer(configuration.GetSection(AzureLanguageOptions.SectionName), _ => new FixedOfflineRecognizer());
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;

        Assert.Equal(
            ("https://my-language.cognitiveservices.azure.com/", "k", "2023-04-01", "2023-09-01", "de", 4, 4000, 500000),
            (options.Endpoint!.ToString(), options.Key, options.ApiVersion, options.ModelVersion, options.DefaultLanguage,
             options.MaxDocumentsPerRequest, options.MaxTextElementsPerDocument, options.MaxRequestBytes));
        Assert.Equal(
            (TimeSpan.FromSeconds(15), 5, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(45), true, false),
            (options.AttemptTimeout, options.MaxRetries, options.RetryBaseDelay, options.MaxRetryDelay, options.MaxRetryAfter, options.FallbackToOffline,
             options.DisableServiceLogs));
        Assert.Equal(
            (0.25, 20, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)),
            (options.CircuitBreaker.FailureRatio, options.CircuitBreaker.MinimumThroughput, options.CircuitBreaker.SamplingDuration, options.CircuitBreaker.BreakDuration));
    }

    /// <summary>A second retry layer of the kind a global ConfigureHttpClientDefaults might add.</summary>
    private sealed class RetryTwiceHandler : DelegatingHandler
    {
        private int _sends;

        public int Sends => _sends;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            HttpResponseMessage response = null!;
            for (var attempt = 0; attempt < 3; attempt++)
            {
                Interlocked.Increment(ref _sends);
                response = await base.SendAsync(request, cancellationToken);
                if ((int)response.StatusCode < 500)
                {
                    break;
                }
            }
            return response;
        }
    }
}
