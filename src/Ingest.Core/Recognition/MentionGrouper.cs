using Ingest.Core.Articles;

namespace Ingest.Core.Recognition;

/// <summary>
/// Groups the mentions of one article into entities: each mention gets a <see cref="EntityMention.Canonical"/>
/// name and the summary lists each entity once with its mention count. Works on any recognizer's
/// output, so consumers get the same grouping whichever recognizer ran.
/// </summary>
public static class MentionGrouper
{
    private static readonly string[] Honorifics =
        ["Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "President", "Minister"];

    public static (IReadOnlyList<EntityMention> Mentions, IReadOnlyList<EntitySummaryItem> Summary) Group(
        IReadOnlyList<EntityMention> mentions)
    {
        var ordered = mentions.OrderBy(m => m.Offset).ThenByDescending(m => m.Length).ToList();
        // Full names seen in the article, per category, longest first, so "Blinken" finds "Antony Blinken".
        var fullForms = ordered
            .GroupBy(m => m.Category)
            .ToDictionary(
                g => g.Key,
                g => g.Select(m => Normalize(StripHonorific(m.Text)))
                      .Where(t => t.Length > 0)
                      .Distinct(StringComparer.OrdinalIgnoreCase)
                      .OrderByDescending(t => t.Length)
                      .ToList());

        var grouped = new List<EntityMention>(ordered.Count);
        foreach (var mention in ordered)
        {
            var canonical = mention.Canonical ?? FindCanonical(mention, fullForms[mention.Category]);
            grouped.Add(mention with { Canonical = canonical });
        }

        var summary = grouped
            .GroupBy(m => (Canonical: m.Canonical!, m.Category), CanonicalKeyComparer.Instance)
            .Select(g => new { g.Key, Count = g.Count(), First = g.Min(m => m.Offset) })
            .OrderByDescending(x => x.Count).ThenBy(x => x.First)
            .Select(x => new EntitySummaryItem { Canonical = x.Key.Canonical, Category = x.Key.Category, Mentions = x.Count })
            .ToList();
        return (grouped, summary);
    }

    private static string FindCanonical(EntityMention mention, List<string> fullForms)
    {
        var text = Normalize(StripHonorific(mention.Text));
        if (text.Length == 0)
        {
            return Normalize(mention.Text);
        }

        if (mention.Category == EntityCategories.Person)
        {
            // A surname (or first-and-last) standing alone refers to the longest full name ending in it.
            foreach (var full in fullForms)
            {
                if (full.Length > text.Length
                    && full.EndsWith(text, StringComparison.OrdinalIgnoreCase)
                    && full[full.Length - text.Length - 1] == ' ')
                {
                    return full;
                }
            }
        }

        // Same words in another case or spacing are the same entity: take the first spelling seen.
        return fullForms.FirstOrDefault(f => string.Equals(f, text, StringComparison.OrdinalIgnoreCase)) ?? text;
    }

    private static string StripHonorific(string text)
    {
        foreach (var honorific in Honorifics)
        {
            if (text.Length > honorific.Length + 1
                && text.StartsWith(honorific, StringComparison.Ordinal)
                && text[honorific.Length] == ' ')
            {
                return text[(honorific.Length + 1)..];
            }
        }
        return text;
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class CanonicalKeyComparer : IEqualityComparer<(string Canonical, string Category)>
    {
        public static readonly CanonicalKeyComparer Instance = new();

        public bool Equals((string Canonical, string Category) x, (string Canonical, string Category) y) =>
            string.Equals(x.Canonical, y.Canonical, StringComparison.OrdinalIgnoreCase)
            && string.Equals(x.Category, y.Category, StringComparison.Ordinal);

        public int GetHashCode((string Canonical, string Category) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Canonical), obj.Category);
    }
}
