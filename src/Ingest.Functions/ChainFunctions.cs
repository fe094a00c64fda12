using Ingest.Core.Pipeline;
using Ingest.Core.Storage;
using Microsoft.Azure.Storage.Blob;
using Microsoft.Azure.WebJobs;

namespace Ingest.Functions;

// Each function is a thin adapter: it turns the trigger's payload into a Core call and nothing more,
// so the pipeline can move to another hosting model by rewriting only this file.

/// <summary>incoming/{name} → clean. Any blob name: nested paths, spaces and non-ASCII bind as {name}.</summary>
public sealed class CleanArticleFunction(CleanStage stage)
{
    [FunctionName(FunctionNames.CleanArticle)]
    public Task RunAsync(
        [BlobTrigger(ChainNames.IncomingContainer + "/{name}")] ICloudBlob blob,
        string name,
        CancellationToken cancellationToken) =>
        stage.RunTriggeredAsync(new SourceBlobRef(ChainNames.IncomingContainer, name, blob.Properties.ETag), cancellationToken);
}

/// <summary>articles-clean → clean: blobs the reconcile sweep handed over because the blob trigger had not taken them.</summary>
public sealed class CleanRequestedArticleFunction(CleanStage stage)
{
    [FunctionName(FunctionNames.CleanRequestedArticle)]
    public Task RunAsync([QueueTrigger(ChainNames.CleanQueue)] string message, int dequeueCount, CancellationToken cancellationToken) =>
        stage.RunQueuedAsync(message, dequeueCount, cancellationToken);
}

public sealed class DeduplicateArticleFunction(DeduplicateStage stage)
{
    [FunctionName(FunctionNames.DeduplicateArticle)]
    public Task RunAsync([QueueTrigger(ChainNames.DeduplicateQueue)] string message, int dequeueCount, CancellationToken cancellationToken) =>
        stage.RunAsync(message, dequeueCount, cancellationToken);
}

public sealed class RecognizeEntitiesFunction(RecognizeStage stage)
{
    [FunctionName(FunctionNames.RecognizeEntities)]
    public Task RunAsync([QueueTrigger(ChainNames.RecognizeQueue)] string message, int dequeueCount, CancellationToken cancellationToken) =>
        stage.RunAsync(message, dequeueCount, cancellationToken);
}

public sealed class PublishOutcomeFunction(PublishStage stage)
{
    [FunctionName(FunctionNames.PublishOutcome)]
    public Task RunAsync([QueueTrigger(ChainNames.PublishQueue)] string message, int dequeueCount, CancellationToken cancellationToken) =>
        stage.RunAsync(message, dequeueCount, cancellationToken);
}

/// <summary>Poison queues become failed records; nothing is left in a queue nobody reads.</summary>
public sealed class FailPoisonedItemsFunctions(PoisonStage stage)
{
    [FunctionName(FunctionNames.FailPoisonedBlob)]
    public Task BlobTriggerPoisonAsync([QueueTrigger(ChainNames.BlobTriggerPoisonQueue)] string message, CancellationToken cancellationToken) =>
        stage.HandleBlobTriggerPoisonAsync(message, cancellationToken);

    [FunctionName(FunctionNames.FailPoisonedCleanRequest)]
    public Task CleanPoisonAsync([QueueTrigger(ChainNames.CleanPoisonQueue)] string message, CancellationToken cancellationToken) =>
        stage.HandleBlobTriggerPoisonAsync(message, cancellationToken);

    [FunctionName(FunctionNames.FailPoisonedDeduplication)]
    public Task DeduplicatePoisonAsync([QueueTrigger(ChainNames.DeduplicatePoisonQueue)] string message, CancellationToken cancellationToken) =>
        stage.HandleStageMessageAsync(StageNames.Deduplicate, message, cancellationToken);

    [FunctionName(FunctionNames.FailPoisonedRecognition)]
    public Task RecognizePoisonAsync([QueueTrigger(ChainNames.RecognizePoisonQueue)] string message, CancellationToken cancellationToken) =>
        stage.HandleStageMessageAsync(StageNames.Recognize, message, cancellationToken);

    [FunctionName(FunctionNames.FailPoisonedPublish)]
    public Task PublishPoisonAsync([QueueTrigger(ChainNames.PublishPoisonQueue)] string message, CancellationToken cancellationToken) =>
        stage.HandleStageMessageAsync(StageNames.Publish, message, cancellationToken);
}

/// <summary>
/// The sweep that processes blobs the polling blob trigger missed. The schedule is an app setting so
/// tests and operators can tighten it; the timer's singleton lock runs it on one instance at a time.
/// </summary>
public sealed class ReconcileIncomingFunction(IncomingReconciler reconciler)
{
    [FunctionName(FunctionNames.ReconcileIncoming)]
    public Task RunAsync([TimerTrigger("%Ingest:ReconcileSchedule%", UseMonitor = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        reconciler.ReconcileAsync(cancellationToken);
}

/// <summary>
/// Removes dedup entries older than the window (they already stopped matching), so the index stays bounded. The
/// schedule is an app setting like the reconcile sweep's; the timer's singleton lock runs it on one instance at a time.
/// </summary>
public sealed class ExpireDedupEntriesFunction(DedupIndexCleanup cleanup)
{
    [FunctionName(FunctionNames.ExpireDedupEntries)]
    public Task RunAsync([TimerTrigger("%Ingest:DedupCleanupSchedule%", UseMonitor = false)] TimerInfo timer, CancellationToken cancellationToken) =>
        cleanup.RunAsync(cancellationToken);
}

public static class FunctionNames
{
    public const string CleanArticle = "CleanArticle";
    public const string CleanRequestedArticle = "CleanRequestedArticle";
    public const string DeduplicateArticle = "DeduplicateArticle";
    public const string RecognizeEntities = "RecognizeEntities";
    public const string PublishOutcome = "PublishOutcome";
    public const string FailPoisonedBlob = "FailPoisonedBlob";
    public const string FailPoisonedCleanRequest = "FailPoisonedCleanRequest";
    public const string FailPoisonedDeduplication = "FailPoisonedDeduplication";
    public const string FailPoisonedRecognition = "FailPoisonedRecognition";
    public const string FailPoisonedPublish = "FailPoisonedPublish";
    public const string ReconcileIncoming = "ReconcileIncoming";
    public const string ExpireDedupEntries = "ExpireDedupEntries";

    /// <summary>The function classes, for hosts that index them explicitly (the local JobHost).</summary>
    public static readonly IReadOnlyList<Type> Types =
    [
        typeof(CleanArticleFunction), typeof(CleanRequestedArticleFunction), typeof(DeduplicateArticleFunction), typeof(RecognizeEntitiesFunction),
        typeof(PublishOutcomeFunction), typeof(FailPoisonedItemsFunctions), typeof(ReconcileIncomingFunction),
        typeof(ExpireDedupEntriesFunction),
    ];
}
