using Ingest.Core.Articles;
using Ingest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Pipeline;

/// <summary>
/// Drains the trigger engine's poison queues into <c>failed</c> records: an item that exhausted its
/// retries becomes an outcome that says which stage gave up and the last error it saw, instead of a
/// message in a queue nobody reads.
/// </summary>
public sealed class PoisonStage(
    IWorkItemStore workItems,
    IOutcomePublisher publisher,
    IStageErrorLog errors,
    ArticleSteps steps,
    ILogger<PoisonStage> logger)
{
    /// <summary>A message that exhausted its retries on one of the chain's own queues.</summary>
    public async Task HandleStageMessageAsync(string stage, string message, CancellationToken cancellationToken)
    {
        if (!StageMessage.TryParse(message, out var parsed))
        {
            logger.LogError("Discarded a malformed poison message from the {Stage} queue: {Message}", stage, QueueStage.Truncate(message));
            return;
        }

        var partial = await workItems.LoadAsync(parsed.ArticleId, parsed.WorkItem, cancellationToken).ConfigureAwait(false);
        if (partial is null)
        {
            logger.LogWarning("Poisoned article {ArticleId} from {Stage} has no work item; it was already published", parsed.ArticleId, stage);
            return;
        }

        var error = await errors.FindAsync(parsed.ArticleId, stage, cancellationToken).ConfigureAwait(false)
            ?? new StageError(stage, "The stage failed on every attempt; no error was recorded (the error log was unreachable).", 0);
        await publisher.PublishAsync(steps.Fail(parsed.ArticleId, partial, partial.Source, error), cancellationToken).ConfigureAwait(false);
        await workItems.DeleteAllAsync(parsed.ArticleId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An entry of the blob trigger's poison queue or of the clean queue's: <c>{"ContainerName", "BlobName", "ETag", ...}</c>
    /// naming the blob version that failed every attempt.
    /// </summary>
    public async Task HandleBlobTriggerPoisonAsync(string message, CancellationToken cancellationToken)
    {
        if (!CleanRequest.TryParse(message, out var blob))
        {
            logger.LogError("Discarded an unreadable blob-trigger poison message: {Message}", QueueStage.Truncate(message));
            return;
        }

        var articleId = ArticleId.ForBlob(blob.Container, blob.Name, blob.ETag);
        var error = await errors.FindAsync(articleId, StageNames.Clean, cancellationToken).ConfigureAwait(false)
            ?? new StageError(StageNames.Clean, "The blob trigger failed on every attempt before the clean stage ran.", 0);
        var source = new SourceInfo { Container = blob.Container, Name = blob.Name, ETag = blob.ETag };
        var partial = await workItems.LoadAsync(articleId, WorkItems.Cleaned, cancellationToken).ConfigureAwait(false);
        await publisher.PublishAsync(steps.Fail(articleId, partial, partial?.Source ?? source, error), cancellationToken).ConfigureAwait(false);
        await workItems.DeleteAllAsync(articleId, cancellationToken).ConfigureAwait(false);
    }
}

internal static class StageErrorLogExtensions
{
    /// <summary>Records a stage error without letting a second failure (storage down) hide the first.</summary>
    public static async Task RecordBestEffortAsync(this IStageErrorLog errors, string articleId, string stage, Exception error, int attempt, ILogger logger)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await errors.RecordAsync(articleId, stage, error, attempt, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception recordError)
        {
            logger.LogWarning(recordError, "Could not record the {Stage} error of article {ArticleId}", stage, articleId);
        }
        logger.LogWarning(error, "Stage {Stage} failed for article {ArticleId} (attempt {Attempt})", stage, articleId, attempt);
    }
}
