using Ingest.Core.Deduplication;
using Ingest.Core.Pipeline;
using Ingest.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Configuration;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage-backed chain: clients, stages, ports, and validated options. Both the
    /// Functions host and the local JobHost call this, so they run the same pipeline.
    /// </summary>
    public static IServiceCollection AddIngestChain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIngestProcessing(configuration);

        services.AddSingleton<IConfigureOptions<StorageOptions>>(new StorageOptionsFromConfiguration(configuration));
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<StorageOptions>().ValidateOnStart();
        services.TryAddSingleton(sp => new StorageClients(sp.GetRequiredService<IOptions<StorageOptions>>().Value));

        services.TryAddSingleton<ISourceReader, BlobSourceReader>();
        services.TryAddSingleton<IWorkItemStore, BlobWorkItemStore>();
        services.TryAddSingleton<IStageQueue, StorageStageQueue>();
        services.TryAddSingleton<IDuplicateIndex, TableDuplicateIndex>();
        services.TryAddSingleton<INearDuplicateIndex, TableNearDuplicateIndex>();
        services.TryAddSingleton<NearDuplicateDetector>();
        services.TryAddSingleton<IStageErrorLog, TableStageErrorLog>();
        services.TryAddSingleton<IOutcomePublisher, TableOutcomePublisher>();
        services.TryAddSingleton<ArticleQueries>();

        services.TryAddSingleton<CleanStage>();
        services.TryAddSingleton<DeduplicateStage>();
        services.TryAddSingleton<RecognizeStage>();
        services.TryAddSingleton<PublishStage>();
        services.TryAddSingleton<PoisonStage>();
        services.TryAddSingleton<IncomingReconciler>();
        services.TryAddSingleton<ArticleReplayer>();
        return services;
    }

    /// <summary>The storage-free part: cleaning, recognition and the per-article steps, as used by <c>ingest process</c>.</summary>
    public static IServiceCollection AddIngestProcessing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>()
            .Bind(configuration.GetSection(PipelineOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<NearDuplicateOptions>()
            .Bind(configuration.GetSection(NearDuplicateOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<NearDuplicateOptions>, NearDuplicateOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ArticleSteps>();
        services.TryAddTransient<InProcessChain>();
        services.AddArticleCleaning();
        services.AddEntityRecognition(configuration);
        return services;
    }
}

/// <summary>
/// Reads storage settings the way the Functions host does: <c>AzureWebJobsStorage</c> as a connection
/// string, or <c>AzureWebJobsStorage__accountName</c> / <c>__blobServiceUri</c>... for identity connections.
/// </summary>
internal sealed class StorageOptionsFromConfiguration(IConfiguration configuration) : IConfigureOptions<StorageOptions>
{
    public void Configure(StorageOptions options)
    {
        var section = configuration.GetSection(StorageOptions.ConnectionName);
        options.AccountName = section["accountName"];
        options.BlobServiceUri = UriOrNull(section["blobServiceUri"]);
        options.QueueServiceUri = UriOrNull(section["queueServiceUri"]);
        options.TableServiceUri = UriOrNull(section["tableServiceUri"]);
        options.ClientId = section["clientId"];
        var identityConfigured = options.AccountName is not null || options.BlobServiceUri is not null;
        options.ConnectionString = section.Value is { Length: > 0 } value ? value
            : identityConfigured ? null
            : StorageOptions.DevelopmentConnectionString;
    }

    private static Uri? UriOrNull(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        if (!options.UsesIdentity)
        {
            return ValidateOptionsResult.Success;
        }
        try
        {
            StorageEndpoints.FromIdentitySettings(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Message);
        }
    }
}
