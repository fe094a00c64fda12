namespace Ingest.Core.Cleaning;

/// <summary>Metadata gathered while reading an article, before it becomes <see cref="Articles.ArticleContent"/>.</summary>
public sealed record ArticleMetadata
{
    public string? Title { get; init; }
    public IReadOnlyList<string> Byline { get; init; } = [];
    public string? PublishedAt { get; init; }
    public string? Dateline { get; init; }
    public string? Outlet { get; init; }
}
