using Ingest.Core.Articles;

namespace Ingest.Core.Pipeline;

/// <summary>Identifies the blob version a trigger fired for.</summary>
public sealed record SourceBlobRef(string Container, string Name, string? ETag);

/// <summary>What reading a source blob found: its content, or why there is none to clean.</summary>
public sealed record SourceRead(SourceInfo Info, ReadOnlyMemory<byte> Content, string? RejectionCode, string? RejectionMessage)
{
    public static SourceRead Found(SourceInfo info, ReadOnlyMemory<byte> content) => new(info, content, null, null);
    public static SourceRead Unreadable(SourceInfo info, string code, string message) => new(info, ReadOnlyMemory<byte>.Empty, code, message);
}

/// <summary>Reads source blobs, enforcing the size limit from properties before any byte is read.</summary>
public interface ISourceReader
{
    Task<SourceRead> ReadAsync(SourceBlobRef blob, CancellationToken cancellationToken);
}

/// <summary>
/// Intermediate per-article state: one immutable output per stage (<see cref="WorkItems"/>), keyed by
/// article id and stage. Written before the next stage is told, deleted once the outcome is published.
/// </summary>
public interface IWorkItemStore
{
    Task SaveAsync(ProcessedDocument document, string workItem, CancellationToken cancellationToken);
    Task<ProcessedDocument?> LoadAsync(string articleId, string workItem, CancellationToken cancellationToken);
    Task<bool> ExistsAsync(string articleId, string workItem, CancellationToken cancellationToken);
    Task DeleteAllAsync(string articleId, CancellationToken cancellationToken);
}

/// <summary>Hands an article to the next stage.</summary>
public interface IStageQueue
{
    Task SendAsync(string queueName, StageMessage message, CancellationToken cancellationToken);
}

/// <summary>What publishing did: wrote the outcome, or found it already complete (a re-delivery).</summary>
public enum PublishResult
{
    Published,
    AlreadyPublished,
}

/// <summary>Writes a final outcome where consumers read it: table rows, the processed blob, the notification.</summary>
public interface IOutcomePublisher
{
    Task<PublishResult> PublishAsync(ProcessedDocument document, CancellationToken cancellationToken);

    /// <summary>True once publishing of the article has begun: its outcome exists or is being written by the publish stage.</summary>
    Task<bool> HasOutcomeAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>True when the article's outcome is committed (not being published, not reopened by a replay).</summary>
    Task<bool> IsPublishedAsync(string articleId, CancellationToken cancellationToken);
}

/// <summary>The last error each stage saw per article, so a poisoned item can say why it failed.</summary>
public interface IStageErrorLog
{
    Task RecordAsync(string articleId, string stage, Exception error, int attempt, CancellationToken cancellationToken);
    Task<StageError?> FindAsync(string articleId, string stage, CancellationToken cancellationToken);
}

public sealed record StageError(string Stage, string Error, int Attempts);
