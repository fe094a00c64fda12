using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// One name usually means one thing within one article, but the tagger decides sentence by sentence, so "Kabul"
/// can come out a Location twice and an Organization once. This pass gives every mention of the same text the
/// category with the most total confidence across the article. (Also tagging untagged repeats of a tagged name
/// was tried: on wikigold it gained as much recall as it lost precision, so it is not done.)
/// </summary>
internal static class DocumentConsistency
{
    public static List<EntityMention> Apply(List<EntityMention> mentions)
    {
        if (mentions.Count < 2)
        {
            return mentions;
        }
        var categoryOf = mentions
            .GroupBy(m => m.Text, StringComparer.Ordinal)
            .Where(g => g.Select(m => m.Category).Distinct().Skip(1).Any())
            .ToDictionary(
                g => g.Key,
                g => g.GroupBy(m => m.Category)
                    .OrderByDescending(c => c.Sum(m => m.Confidence))
                    .ThenBy(c => c.Key, StringComparer.Ordinal)
                    .First().Key,
                StringComparer.Ordinal);
        if (categoryOf.Count == 0)
        {
            return mentions;
        }
        return mentions
            .Select(m => categoryOf.TryGetValue(m.Text, out var category) && category != m.Category ? m with { Category = category } : m)
            .ToList();
    }
}
