namespace Ingest.Core.Storage;

/// <summary>
/// Names of every container, queue and table the chain uses. Function attributes need constants, and
/// infrastructure (Bicep) and tests must agree with the code, so they live in one place.
/// </summary>
public static class ChainNames
{
    public const string IncomingContainer = "incoming";
    public const string ProcessedContainer = "processed";
    /// <summary>Intermediate per-article state between stages; deleted once the outcome is published.</summary>
    public const string WorkContainer = "ingest-work";

    /// <summary>
    /// Blob versions the reconcile sweep found unclaimed by the blob trigger, to be cleaned: a queue, so a cleaning run
    /// that dies or is cancelled is retried like every other stage instead of leaving its blob half handed over.
    /// </summary>
    public const string CleanQueue = "articles-clean";
    public const string DeduplicateQueue = "articles-deduplicate";
    public const string RecognizeQueue = "articles-recognize";
    public const string PublishQueue = "articles-publish";
    /// <summary>The consumer-facing queue: one message per published outcome.</summary>
    public const string ProcessedQueue = "articles-processed";

    /// <summary>Where the trigger engine moves messages that exhausted their dequeue count.</summary>
    public const string PoisonSuffix = "-poison";
    public const string CleanPoisonQueue = CleanQueue + PoisonSuffix;
    public const string DeduplicatePoisonQueue = DeduplicateQueue + PoisonSuffix;
    public const string RecognizePoisonQueue = RecognizeQueue + PoisonSuffix;
    public const string PublishPoisonQueue = PublishQueue + PoisonSuffix;
    /// <summary>The WebJobs blob trigger's own poison queue for blobs that failed every attempt.</summary>
    public const string BlobTriggerPoisonQueue = "webjobs-blobtrigger-poison";

    public const string ArticlesTable = "Articles";
    /// <summary>Secondary index rows: by status and by day, for "all rejected" and "new since" queries.</summary>
    public const string ArticleIndexTable = "ArticleIndex";
    /// <summary>One row per (entity, article): which articles mention an entity.</summary>
    public const string EntityIndexTable = "EntityIndex";
    /// <summary>Content-hash claims; the conditional insert that makes dedup race-free.</summary>
    public const string DedupClaimsTable = "DedupClaims";
    /// <summary>Near-duplicate index: LSH band rows (with signatures) and one order row per article.</summary>
    public const string NearDuplicateIndexTable = "NearDuplicateIndex";
    /// <summary>The last error each stage saw per article, so a poisoned item becomes a failed record that says why.</summary>
    public const string StageErrorsTable = "StageErrors";

    public static readonly IReadOnlyList<string> Containers = [IncomingContainer, ProcessedContainer, WorkContainer];
    public static readonly IReadOnlyList<string> Queues =
    [
        CleanQueue, DeduplicateQueue, RecognizeQueue, PublishQueue, ProcessedQueue,
        CleanPoisonQueue, DeduplicatePoisonQueue, RecognizePoisonQueue, PublishPoisonQueue, BlobTriggerPoisonQueue,
    ];
    public static readonly IReadOnlyList<string> Tables =
        [ArticlesTable, ArticleIndexTable, EntityIndexTable, DedupClaimsTable, NearDuplicateIndexTable, StageErrorsTable];
}

/// <summary>Stage names as they appear in failure records and logs.</summary>
public static class StageNames
{
    public const string Clean = "clean";
    public const string Deduplicate = "deduplicate";
    public const string Recognize = "recognize";
    public const string Publish = "publish";
}
