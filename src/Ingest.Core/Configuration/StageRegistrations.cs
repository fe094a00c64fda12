using Ingest.Core.Cleaning;
using Ingest.Core.Recognition;
using Ingest.Core.Recognition.AzureLanguage;
using Ingest.Core.Recognition.Offline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Ingest.Core.Configuration;

/// <summary>Which cleaner and which entity recognizer the pipeline runs, chosen by configuration.</summary>
public static class StageRegistrations
{
    /// <summary>Configuration key naming the recognizer: <c>offline</c> (default) or <c>azure-language</c>.</summary>
    public const string RecognizerKindKey = "Recognizer:Kind";
    public const string OfflineKind = "offline";
    public const string AzureLanguageKind = "azure-language";

    public static IServiceCollection AddArticleCleaning(this IServiceCollection services)
    {
        services.TryAddSingleton<IArticleCleaner, ArticleCleaner>();
        return services;
    }

    /// <summary>
    /// The offline recognizer is always registered (as itself): it is the default, and the Azure AI Language
    /// client's fallback when the service stays unavailable and <c>FallbackToOffline</c> is set.
    /// </summary>
    public static IServiceCollection AddEntityRecognition(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<OfflineEntityRecognizer>();
        var kind = configuration[RecognizerKindKey] is { Length: > 0 } configured ? configured.Trim().ToLowerInvariant() : OfflineKind;
        switch (kind)
        {
            case OfflineKind:
                services.TryAddSingleton<IEntityRecognizer>(sp => sp.GetRequiredService<OfflineEntityRecognizer>());
                break;
            case AzureLanguageKind:
                services.AddAzureLanguageRecognizer(
                    configuration.GetSection(AzureLanguageOptions.SectionName),
                    offlineFallback: sp => sp.GetRequiredService<OfflineEntityRecognizer>());
                break;
            default:
                throw new InvalidOperationException(
                    $"{RecognizerKindKey} is '{configuration[RecognizerKindKey]}'; use '{OfflineKind}' (the default, no network) "
                    + $"or '{AzureLanguageKind}' (set {AzureLanguageOptions.SectionName}:Endpoint, and a Key or an Entra identity).");
        }
        return services;
    }
}
