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
        // The request counter is optional: only the throughput harness's hosts register one.
        services.TryAddSingleton(sp => new StorageClients(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value, sp.GetService<StorageRequestCounter>()));

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
        services.TryAddSingleton<DedupIndexCleanup>();
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

/// <summary>Binds <see cref="StorageOptions"/> with <see cref="StorageOptions.FromConfiguration"/>, the CLI's reader too.</summary>
internal sealed class StorageOptionsFromConfiguration(IConfiguration configuration) : IConfigureOptions<StorageOptions>
{
    public void Configure(StorageOptions options)
    {
        var read = StorageOptions.FromConfiguration(configuration);
        options.ConnectionString = read.ConnectionString;
        options.AccountName = read.AccountName;
        options.BlobServiceUri = read.BlobServiceUri;
        options.QueueServiceUri = read.QueueServiceUri;
        options.TableServiceUri = read.TableServiceUri;
        options.ClientId = read.ClientId;
    }
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
