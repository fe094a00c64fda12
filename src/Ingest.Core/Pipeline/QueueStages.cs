using Ingest.Core.Configuration;
using Ingest.Core.Articles;
using Ingest.Core.Deduplication;
using Ingest.Core.Recognition;
using Ingest.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Ingest.Core.Pipeline;

/// <summary>
/// The shape shared by every queue-triggered stage: parse the message, load the work item, do the
/// stage's work, and on failure remember the error before letting the trigger engine retry.
/// </summary>
public abstract class QueueStage(IWorkItemStore workItems, IStageErrorLog errors, ILogger logger)
{
    protected abstract string Stage { get; }

    protected IWorkItemStore Store => workItems;

    public async Task RunAsync(string message, int dequeueCount, CancellationToken cancellationToken)
    {
        if (!StageMessage.TryParse(message, out var parsed))
        {
            // Not ours and not retryable: say so loudly once instead of cycling it into a poison queue.
            logger.LogError("Discarded a malformed message on the {Stage} queue: {Message}", Stage, Truncate(message));
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["ArticleId"] = parsed.ArticleId, ["Stage"] = Stage });
        try
        {
            var document = await workItems.LoadAsync(parsed.ArticleId, parsed.WorkItem, cancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                // Work items are deleted only after the outcome was published, so this is a re-delivery.
                logger.LogInformation("Article {ArticleId} has no {WorkItem} work item at {Stage}; its outcome was already published",
                    parsed.ArticleId, parsed.WorkItem, Stage);
                return;
            }
            await ProcessAsync(document, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await errors.RecordBestEffortAsync(parsed.ArticleId, Stage, ex, dequeueCount, logger).ConfigureAwait(false);
            throw;
        }
    }

    protected abstract Task ProcessAsync(ProcessedDocument document, CancellationToken cancellationToken);

    internal static string Truncate(string? text, int max = 200) =>
        text is null ? "(null)" : text.Length <= max ? text : text[..max] + "…";
}

/// <summary>
/// Claims the article's content hash; the first claim is canonical, later ones are exact duplicates. An exact-canonical
/// article is then checked for near duplicates (same story, small differences) among earlier articles.
/// </summary>
public sealed class DeduplicateStage(
    IDuplicateIndex index,
    NearDuplicateDetector nearDuplicates,
    IWorkItemStore workItems,
    IStageQueue queue,
    IStageErrorLog errors,
    ILogger<DeduplicateStage> logger) : QueueStage(workItems, errors, logger)
{
    protected override string Stage => StageNames.Deduplicate;

    protected override async Task ProcessAsync(ProcessedDocument document, CancellationToken cancellationToken)
    {
        var hash = ArticleSteps.HashContent(document);
        var claim = await index.ClaimExactAsync(hash, document.Id, cancellationToken).ConfigureAwait(false);
        var decided = ArticleSteps.ApplyClaim(document, hash, claim);
        if (claim.IsCanonical)
        {
            var verdict = await nearDuplicates.CheckAsync(document.Id, document.Article!.Text, cancellationToken).ConfigureAwait(false);
            decided = ArticleSteps.ApplyNearVerdict(decided, verdict);
        }
        await Store.SaveAsync(decided, WorkItems.Deduplicated, cancellationToken).ConfigureAwait(false);
        // Duplicates skip recognition: consumers query entities to find stories, and the canonical record carries them.
        var next = decided.Status == ArticleStatus.Processed ? ChainNames.RecognizeQueue : ChainNames.PublishQueue;
        await queue.SendAsync(next, new StageMessage(document.Id, WorkItems.Deduplicated), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Runs the configured entity recognizer and groups mentions into entities.</summary>
public sealed class RecognizeStage(
    IEntityRecognizer recognizer,
    IWorkItemStore workItems,
    IStageQueue queue,
    IStageErrorLog errors,
    ILogger<RecognizeStage> logger) : QueueStage(workItems, errors, logger)
{
    protected override string Stage => StageNames.Recognize;

    protected override async Task ProcessAsync(ProcessedDocument document, CancellationToken cancellationToken)
    {
        var article = document.Article ?? throw new InvalidOperationException($"Article {document.Id} reached recognition without text.");
        var recognition = await recognizer.RecognizeAsync(article.Text, article.Language, cancellationToken).ConfigureAwait(false);
        await Store.SaveAsync(ArticleSteps.ApplyRecognition(document, recognition), WorkItems.Recognized, cancellationToken).ConfigureAwait(false);
        await queue.SendAsync(ChainNames.PublishQueue, new StageMessage(document.Id, WorkItems.Recognized), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Writes the outcome where consumers read it, then drops the intermediate state.</summary>
public sealed class PublishStage(
    IOutcomePublisher publisher,
    ArticleSteps steps,
    IWorkItemStore workItems,
    IStageErrorLog errors,
    Microsoft.Extensions.Options.IOptions<PipelineOptions> options,
    ILogger<PublishStage> logger) : QueueStage(workItems, errors, logger)
{
    protected override string Stage => StageNames.Publish;

    protected override async Task ProcessAsync(ProcessedDocument document, CancellationToken cancellationToken)
    {
        await publisher.PublishAsync(steps.Stamp(document), cancellationToken).ConfigureAwait(false);
        if (options.Value.DeleteWorkItems)
        {
            await Store.DeleteAllAsync(document.Id, cancellationToken).ConfigureAwait(false);
        }
    }
}
