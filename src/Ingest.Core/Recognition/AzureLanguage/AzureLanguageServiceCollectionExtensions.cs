using Azure.Core;
using Azure.Identity;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.AzureLanguage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

public static class AzureLanguageServiceCollectionExtensions
{
    // Key of this client's own singletons: the resilience pipeline (one, so every call shares the circuit
    // breaker's state) and the offline fallback. Keyed so they cannot collide with the app's registrations.
    private const string ServiceKey = "Ingest.AzureLanguage";

    /// <summary>
    /// Registers <see cref="AzureLanguageEntityRecognizer"/> as the <see cref="IEntityRecognizer"/>: options bound from
    /// <paramref name="section"/> (normally <c>Recognizer:AzureLanguage</c>) and validated at startup, a typed
    /// HttpClient whose only retry layer is this client's Polly pipeline, and the shared circuit breaker and token cache.
    /// Without a <c>Key</c> the client uses the registered <see cref="TokenCredential"/>, or a
    /// <see cref="DefaultAzureCredential"/> when none is registered. A <see cref="TimeProvider"/> registered in the
    /// container drives retry delays, timeouts and the breaker (the system clock otherwise).
    /// </summary>
    /// <param name="offlineFallback">
    /// Creates the recognizer used when <c>FallbackToOffline</c> is set; called once, the instance is shared. Resolve
    /// a concrete type here, not <see cref="IEntityRecognizer"/>, which this method maps to the Azure client.
    /// </param>
    /// <returns>The HttpClient builder, e.g. to set a primary handler. Do not add a retry handler to it.</returns>
    public static IHttpClientBuilder AddAzureLanguageRecognizer(
        this IServiceCollection services,
        IConfiguration section,
        Func<IServiceProvider, IEntityRecognizer>? offlineFallback = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);

        services.AddOptions<AzureLanguageOptions>()
            .Bind(section)
            .Validate(options => !options.FallbackToOffline || offlineFallback is not null,
                $"{AzureLanguageOptions.SectionName}:{nameof(AzureLanguageOptions.FallbackToOffline)} is set but no offline recognizer was registered to fall back to.")
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureLanguageOptions>, AzureLanguageOptionsValidator>());

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value;
            return string.IsNullOrEmpty(options.Key)
                ? AzureLanguageAuthenticator.WithCredential(
                    sp.GetService<TokenCredential>() ?? new DefaultAzureCredential(),
                    sp.GetService<TimeProvider>() ?? TimeProvider.System)
                : AzureLanguageAuthenticator.WithKey(options.Key);
        });
        services.TryAddKeyedSingleton(ServiceKey, (sp, _) =>
            AzureLanguageResiliencePipeline.Create(
                sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<AzureLanguageEntityRecognizer>()));

        if (offlineFallback is not null)
        {
            services.TryAddKeyedSingleton(ServiceKey, (sp, _) => offlineFallback(sp));
        }

        var builder = services
            .AddHttpClient(nameof(AzureLanguageEntityRecognizer))
            .AddTypedClient((httpClient, sp) => new AzureLanguageEntityRecognizer(
                httpClient,
                sp.GetRequiredService<IOptions<AzureLanguageOptions>>().Value,
                sp.GetRequiredService<AzureLanguageAuthenticator>(),
                sp.GetRequiredKeyedService<ResiliencePipeline<HttpResponseMessage>>(ServiceKey),
                sp.GetKeyedService<IEntityRecognizer>(ServiceKey),
                sp.GetRequiredService<ILogger<AzureLanguageEntityRecognizer>>()))
            // The pipeline's per-attempt timeout and the caller's token bound each call; HttpClient's own 100 s
            // timeout would cut a call that is legitimately waiting out a Retry-After.
            .ConfigureHttpClient(httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            // Consumers may hold the recognizer (and so this HttpClient) for the life of the process; recycling pooled
            // connections, instead of handlers, still follows DNS changes of the endpoint.
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Handlers added for every client (ConfigureHttpClientDefaults, e.g. a standard resilience handler) are
            // removed here: a second retry layer would multiply attempts and ignore this client's circuit breaker.
            .ConfigureAdditionalHttpMessageHandlers((handlers, _) => handlers.Clear())
            // Trace-level HttpClient logs redact the credentials only, so apim-request-id stays readable for support cases.
            .RedactLoggedHeaders([AzureLanguageAuthenticator.SubscriptionKeyHeader, "Authorization"]);

        services.Replace(ServiceDescriptor.Transient<IEntityRecognizer>(sp => sp.GetRequiredService<AzureLanguageEntityRecognizer>()));
        return builder;
    }
}
