using Ingest.Core.Configuration;
using Ingest.Core.Articles;
using Ingest.Core.Deduplication;
using Ingest.Core.Recognition;
using Microsoft.Extensions.Options;

namespace Ingest.Core.Pipeline;

/// <summary>
/// The chain without storage: clean → deduplicate → recognize → outcome, for local files, in the order
/// given, with an in-memory dedup index. Same steps as the queue-driven stages, so <c>ingest process</c>
/// shows exactly what the deployed pipeline would produce.
/// </summary>
public sealed class InProcessChain(
    ArticleSteps steps,
    IEntityRecognizer recognizer,
    IOptions<PipelineOptions> options,
    IOptions<NearDuplicateOptions> nearOptions,
    TimeProvider clock)
{
    private readonly InMemoryDuplicateIndex _index = new(nearOptions.Value.Window, clock);
    private readonly NearDuplicateDetector _nearDuplicates = new(new InMemoryNearDuplicateIndex(nearOptions.Value, clock), nearOptions);

    public async Task<ProcessedDocument> ProcessFileAsync(string path, string sourceName, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        var info = new SourceInfo
        {
            Container = "local",
            Name = sourceName,
            ContentType = null,
            SizeBytes = file.Length,
            ReceivedAt = file.LastWriteTimeUtc,
        };

        var limit = options.Value.MaxInputBytes;
        if (file.Length > limit)
        {
            // Decided from the file's size: nothing is read, and the id comes from the name and size.
            var oversizedId = ArticleId.ForLocalFile(sourceName, BitConverter.GetBytes(file.Length));
            return steps.Reject(oversizedId, info, RejectionCodes.TooLarge,
                RejectionCodes.TooLargeMessage(file.Length, limit));
        }

        var content = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return await ProcessAsync(SourceRead.Found(info, content), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ProcessedDocument> ProcessAsync(SourceRead source, CancellationToken cancellationToken)
    {
        var articleId = ArticleId.ForLocalFile(source.Info.Name, source.Content.Span);
        var document = steps.Clean(articleId, source);
        if (document.Status == ArticleStatus.Rejected)
        {
            return document;
        }

        var hash = ArticleSteps.HashContent(document);
        var claim = await _index.ClaimExactAsync(hash, articleId, cancellationToken).ConfigureAwait(false);
        document = ArticleSteps.ApplyClaim(document, hash, claim);
        if (claim.IsCanonical)
        {
            var verdict = await _nearDuplicates.CheckAsync(articleId, document.Article!.Text, cancellationToken).ConfigureAwait(false);
            document = ArticleSteps.ApplyNearVerdict(document, verdict);
        }
        if (document.Status == ArticleStatus.Processed)
        {
            var recognition = await recognizer.RecognizeAsync(document.Article!.Text, document.Article.Language, cancellationToken).ConfigureAwait(false);
            document = ArticleSteps.ApplyRecognition(document, recognition);
        }
        return steps.Stamp(document);
    }
}
