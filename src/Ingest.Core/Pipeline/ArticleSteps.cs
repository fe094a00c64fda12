using Ingest.Core.Articles;
using Ingest.Core.Cleaning;
using Ingest.Core.Deduplication;
using Ingest.Core.Recognition;

namespace Ingest.Core.Pipeline;

/// <summary>
/// The per-article transformations, free of storage: the queue-driven chain and <c>ingest process</c>
/// both call these, so the two can never disagree about what an article becomes.
/// </summary>
public sealed class ArticleSteps(IArticleCleaner cleaner, TimeProvider clock)
{
    /// <summary>Cleans raw content into a provisional <c>processed</c> document, or a <c>rejected</c> one.</summary>
    public ProcessedDocument Clean(string articleId, SourceRead source)
    {
        if (source.RejectionCode is not null)
        {
            return Reject(articleId, source.Info, source.RejectionCode, source.RejectionMessage ?? source.RejectionCode);
        }

        CleaningResult result;
        try
        {
            result = cleaner.Clean(new CleaningInput(source.Content, source.Info.Name, source.Info.ContentType));
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // Cleaning is pure and deterministic: an exception here would recur on every retry, so the
            // input is rejected at once with the error, instead of looping into a poison queue.
            return Reject(articleId, source.Info, RejectionCodes.Unprocessable,
                $"The cleaner could not process this file ({ex.GetType().Name}: {ex.Message}).");
        }

        return result.IsRejected
            ? Reject(articleId, source.Info, result.Rejection!.Code, result.Rejection.Message)
            : new ProcessedDocument
            {
                Id = articleId,
                Status = ArticleStatus.Processed,
                Source = source.Info,
                Article = result.Article,
            };
    }

    public static string HashContent(ProcessedDocument document) =>
        ContentHash.Compute(document.Article?.Text ?? throw new InvalidOperationException($"Article {document.Id} has no text to hash."));

    /// <summary>Records the dedup verdict: canonical articles go on to recognition, duplicates point at their canonical record.</summary>
    public static ProcessedDocument ApplyClaim(ProcessedDocument document, string contentHash, DuplicateClaim claim) =>
        claim.IsCanonical
            ? document with { Dedup = new DedupInfo { ContentHash = contentHash } }
            : document with
            {
                Status = ArticleStatus.Duplicate,
                Dedup = new DedupInfo
                {
                    ContentHash = contentHash,
                    DuplicateOf = claim.CanonicalId,
                    Similarity = 1.0,
                    Kind = DuplicateKind.Exact,
                },
            };

    /// <summary>Records the near-duplicate verdict of an exact-canonical article; a canonical verdict leaves it unchanged.</summary>
    public static ProcessedDocument ApplyNearVerdict(ProcessedDocument document, NearDuplicateVerdict verdict) =>
        verdict.IsCanonical
            ? document
            : document with
            {
                Status = ArticleStatus.Duplicate,
                Dedup = new DedupInfo
                {
                    ContentHash = document.Dedup?.ContentHash ?? throw new InvalidOperationException($"Article {document.Id} was not hashed before the near-duplicate check."),
                    DuplicateOf = verdict.DuplicateOf,
                    Similarity = verdict.Similarity,
                    Kind = DuplicateKind.Near,
                },
            };

    public static ProcessedDocument ApplyRecognition(ProcessedDocument document, RecognitionResult recognition)
    {
        // With the text, the grouper can also join abbreviations the article defines in parentheses.
        var (mentions, summary) = document.Article is { } article
            ? MentionGrouper.Group(recognition.Entities, article.Text)
            : MentionGrouper.Group(recognition.Entities);
        return document with { Entities = mentions, EntitySummary = summary, Recognizer = recognition.Recognizer };
    }

    /// <summary>Stamps the time the outcome was decided; kept on re-delivery so a published document never changes.</summary>
    public ProcessedDocument Stamp(ProcessedDocument document) =>
        document.ProcessedAt is null ? document with { ProcessedAt = clock.GetUtcNow() } : document;

    public ProcessedDocument Reject(string articleId, SourceInfo source, string code, string message) => new()
    {
        Id = articleId,
        Status = ArticleStatus.Rejected,
        Source = source,
        Rejection = new RejectionInfo { Code = code, Message = message },
        ProcessedAt = clock.GetUtcNow(),
    };

    /// <summary>Turns whatever is known of an article into its <c>failed</c> record.</summary>
    public ProcessedDocument Fail(string articleId, ProcessedDocument? partial, SourceInfo source, StageError error) =>
        (partial ?? new ProcessedDocument { Id = articleId, Status = ArticleStatus.Failed, Source = source }) with
        {
            Status = ArticleStatus.Failed,
            Failure = new FailureInfo { Stage = error.Stage, Error = error.Error, Attempts = error.Attempts },
            ProcessedAt = clock.GetUtcNow(),
        };
}
