namespace Ingest.Core.Cleaning;

/// <summary>Combines metadata from two sources, the first one winning field by field; used where structured fields and text both carry metadata.</summary>
internal static class MetadataMerge
{
    public static ArticleMetadata Prefer(ArticleMetadata first, ArticleMetadata second) => new()
    {
        Title = string.IsNullOrWhiteSpace(first.Title) ? second.Title : first.Title,
        Byline = first.Byline.Count > 0 ? first.Byline : second.Byline,
        PublishedAt = first.PublishedAt ?? second.PublishedAt,
        Dateline = first.Dateline ?? second.Dateline,
        Outlet = first.Outlet ?? second.Outlet,
    };
}
