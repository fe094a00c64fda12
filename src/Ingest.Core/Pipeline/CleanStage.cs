using Ingest.Core.Articles;
using Ingest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Pipeline;

/// <summary>
/// First stage, fired by the blob trigger: reads the new blob, cleans it and hands it on — to
/// deduplication, or straight to publishing when the input is rejected.
/// </summary>
public sealed class CleanStage(
    ISourceReader reader,
    ArticleSteps steps,
    IWorkItemStore workItems,
    IStageQueue queue,
    IStageErrorLog errors,
    IOutcomePublisher outcomes,
    ILogger<CleanStage> logger)
{
    /// <summary>
    /// The blob trigger's entry. A blob version whose outcome is already published (or being published) is not run
    /// again: the trigger is at-least-once and the reconcile sweep may have taken the blob first, and a second run of
    /// the chain would change nothing published while repeating every stage, entity recognition included. A version
    /// with work in flight but no outcome is run again: that run may have died between saving its work item and
    /// queueing the next stage.
    /// </summary>
    /// <param name="attempt">Which delivery this is, when the trigger says (0 when it does not: the blob trigger).</param>
    public async Task RunTriggeredAsync(SourceBlobRef blob, CancellationToken cancellationToken, int attempt = 0)
    {
        var articleId = ArticleId.ForBlob(blob.Container, blob.Name, blob.ETag);
        if (await outcomes.HasOutcomeAsync(articleId, cancellationToken).ConfigureAwait(false))
        {
            logger.LogDebug("Skipped {BlobName} ({ArticleId}): its outcome is already published", blob.Name, articleId);
            await RemoveLeftoverWorkAsync(blob, articleId, cancellationToken, attempt).ConfigureAwait(false);
            return;
        }
        await RunAsync(blob, cancellationToken, attempt).ConfigureAwait(false);
    }

    /// <summary>
    /// A run that began before another run of the same blob version committed its outcome can save its cleaned work item
    /// after the publisher removed that version's work items, and then fail to queue the next stage (storage gone, host
    /// stopped). Its retry comes here, and nothing else would remove the work item. Once the record is complete no run
    /// needs it, so it goes. A replay that reopened the record in between may have saved its own cleaned work item, which
    /// the delete took: then this blob version is cleaned again for it (the chain is idempotent per version).
    /// </summary>
    private async Task RemoveLeftoverWorkAsync(SourceBlobRef blob, string articleId, CancellationToken cancellationToken, int attempt)
    {
        if (!await workItems.ExistsAsync(articleId, WorkItems.Cleaned, cancellationToken).ConfigureAwait(false)
            || !await outcomes.IsPublishedAsync(articleId, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        await workItems.DeleteAllAsync(articleId, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Removed the work items a late run of {BlobName} ({ArticleId}) left after its outcome was published", blob.Name, articleId);
        if (!await outcomes.IsPublishedAsync(articleId, cancellationToken).ConfigureAwait(false))
        {
            logger.LogInformation("{ArticleId} was reopened by a replay meanwhile; cleaning it again for that run", articleId);
            await RunAsync(blob, cancellationToken, attempt).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The entry for a blob the reconcile sweep handed over on <see cref="ChainNames.CleanQueue"/>: the same as the
    /// trigger's. The message is deleted only when this returns, so a run that dies or is cancelled after saving its
    /// work item but before queueing the next stage runs again.
    /// </summary>
    public async Task RunQueuedAsync(string message, int dequeueCount, CancellationToken cancellationToken)
    {
        if (!CleanRequest.TryParse(message, out var blob))
        {
            // Not ours and not retryable: say so once instead of cycling it into the poison queue.
            logger.LogError("Discarded a malformed message on the {Queue} queue: {Message}", ChainNames.CleanQueue, QueueStage.Truncate(message));
            return;
        }
        logger.LogDebug("Clean request for {BlobName} (delivery {DequeueCount})", blob.Name, dequeueCount);
        await RunTriggeredAsync(blob, cancellationToken, dequeueCount).ConfigureAwait(false);
    }

    public async Task RunAsync(SourceBlobRef blob, CancellationToken cancellationToken, int attempt = 0)
    {
        var articleId = ArticleId.ForBlob(blob.Container, blob.Name, blob.ETag);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ArticleId"] = articleId, ["Stage"] = StageNames.Clean });
        try
        {
            var source = await reader.ReadAsync(blob, cancellationToken).ConfigureAwait(false);
            var document = steps.Clean(articleId, source);
            await workItems.SaveAsync(document, WorkItems.Cleaned, cancellationToken).ConfigureAwait(false);
            var next = document.Status == ArticleStatus.Rejected ? ChainNames.PublishQueue : ChainNames.DeduplicateQueue;
            await queue.SendAsync(next, new StageMessage(articleId, WorkItems.Cleaned), cancellationToken).ConfigureAwait(false);
            logger.LogDebug("Cleaned {BlobName} as {ArticleId}; next {Queue}", blob.Name, articleId, next);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The blob trigger retries on its own; remember why, so its poison entry becomes a failed record that says so.
            await errors.RecordBestEffortAsync(articleId, StageNames.Clean, ex, attempt, logger).ConfigureAwait(false);
            throw;
        }
    }
}
