using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// Combines tagger and pattern mentions into one list in text order. Where they overlap, a URL, Email, IP or
/// PhoneNumber wins (the tagger reads "example.com" or "info@acme.org" as words), and a name wins over a
/// DateTime or Quantity ("May" the person, "Four Seasons" the company).
/// </summary>
internal static class MentionMerger
{
    private static readonly HashSet<string> StrongPatterns =
        [EntityCategories.Url, EntityCategories.Email, EntityCategories.IP, EntityCategories.PhoneNumber];

    public static List<EntityMention> Merge(List<EntityMention> names, IReadOnlyList<EntityMention> patterns)
    {
        var strong = patterns.Where(p => StrongPatterns.Contains(p.Category)).ToList();
        var merged = new List<EntityMention>(names.Count + patterns.Count);
        merged.AddRange(strong);
        merged.AddRange(names.Where(n => !strong.Any(s => Overlaps(s, n))));
        merged.AddRange(patterns.Where(p => !StrongPatterns.Contains(p.Category) && !names.Any(n => Overlaps(n, p))));
        merged.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        return merged;
    }

    private static bool Overlaps(EntityMention a, EntityMention b) =>
        a.Offset < b.Offset + b.Length && b.Offset < a.Offset + a.Length;
}
