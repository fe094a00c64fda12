using System.Text.Json.Serialization;

namespace Ingest.Core.Articles;

/// <summary>
/// The processed-document contract, version 1: what consumers read from the <c>processed</c>
/// container and from <c>ingest results --json</c>. Offsets in <see cref="Entities"/> are UTF-16
/// code-unit offsets into <see cref="ArticleContent.Text"/>. Every property is always written
/// (null when it does not apply) so consumers can rely on the shape; <c>schema/processed-document.v1.schema.json</c>
/// is the published schema and the tests validate produced documents against it.
/// </summary>
public sealed record ProcessedDocument
{
    public const string CurrentSchemaVersion = "1.0";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required string Id { get; init; }
    public required string Status { get; init; }
    public required SourceInfo Source { get; init; }
    public ArticleContent? Article { get; init; }
    public DedupInfo? Dedup { get; init; }
    public IReadOnlyList<EntityMention> Entities { get; init; } = [];
    public IReadOnlyList<EntitySummaryItem> EntitySummary { get; init; } = [];
    public RecognizerInfo? Recognizer { get; init; }
    public RejectionInfo? Rejection { get; init; }
    /// <summary>Set for <c>failed</c> records: the stage that gave up and the last error it saw.</summary>
    public FailureInfo? Failure { get; init; }
    public DateTimeOffset? ProcessedAt { get; init; }
    public string PipelineVersion { get; init; } = PipelineInfo.Version;
}

/// <summary>Where the article came from. <see cref="Name"/> is the blob name (or file name for <c>ingest process</c>).</summary>
public sealed record SourceInfo
{
    public required string Container { get; init; }
    public required string Name { get; init; }
    [JsonPropertyName("etag")]
    public string? ETag { get; init; }
    public string? ContentType { get; init; }
    public long SizeBytes { get; init; }
    /// <summary>When the blob last changed in storage (its arrival); null when only a poison entry is known of it.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}

public sealed record ArticleContent
{
    public required string Title { get; init; }
    public IReadOnlyList<string> Byline { get; init; } = [];
    /// <summary>ISO 8601 date (yyyy-MM-dd), or date-time with offset when the source states a time zone.</summary>
    public string? PublishedAt { get; init; }
    public string? Dateline { get; init; }
    public string? Outlet { get; init; }
    /// <summary>ISO 639-1 code, or null when undetermined.</summary>
    public string? Language { get; init; }
    public required string Text { get; init; }
    public int WordCount { get; init; }
}

public sealed record DedupInfo
{
    public required string ContentHash { get; init; }
    public string? DuplicateOf { get; init; }
    public double? Similarity { get; init; }
    /// <summary><c>exact</c>, <c>near</c>, or null when the article is canonical.</summary>
    public string? Kind { get; init; }
}

public sealed record EntityMention
{
    public required string Text { get; init; }
    public required string Category { get; init; }
    public string? Subcategory { get; init; }
    public int Offset { get; init; }
    public int Length { get; init; }
    public double Confidence { get; init; }
    public string? Canonical { get; init; }
}

public sealed record EntitySummaryItem
{
    public required string Canonical { get; init; }
    public required string Category { get; init; }
    public int Mentions { get; init; }
}

public sealed record RecognizerInfo
{
    public required string Name { get; init; }
    public required string Version { get; init; }
}

public sealed record RejectionInfo
{
    public required string Code { get; init; }
    public required string Message { get; init; }
}

public sealed record FailureInfo
{
    public required string Stage { get; init; }
    public required string Error { get; init; }
    public int Attempts { get; init; }
}

/// <summary>The four outcomes an input blob can end in. Exactly one per blob version.</summary>
public static class ArticleStatus
{
    public const string Processed = "processed";
    public const string Duplicate = "duplicate";
    public const string Rejected = "rejected";
    public const string Failed = "failed";

    public static readonly IReadOnlyList<string> All = [Processed, Duplicate, Rejected, Failed];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status);
}

public static class DuplicateKind
{
    public const string Exact = "exact";
    public const string Near = "near";
}

public static class PipelineInfo
{
    public static readonly string Version =
        typeof(PipelineInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
