using Ingest.Core.Articles;

namespace Ingest.Core.Recognition;

/// <summary>
/// Groups the mentions of one article into entities: each mention gets a <see cref="EntityMention.Canonical"/>
/// name and the summary lists each entity once with its mention count. Works on any recognizer's
/// output, so consumers get the same grouping whichever recognizer ran. The rules, in order:
/// <list type="number">
/// <item>Titles are not part of a person's name: "Mr. Blinken" and "Secretary of State Antony Blinken" are
/// read as "Blinken" and "Antony Blinken".</item>
/// <item>An abbreviation joins its long form, and takes its category, when the article defines it
/// ("Chinese Communist Party (CCP)"; needs the text) or when its capitals are the initials of a longer mention
/// ("CCP" and "Chinese Communist Party", "U.S." and "United States").</item>
/// <item>A person's partial name joins the full name it belongs to: a surname ("Blinken") joins the nearest
/// full name before it that ends in it (else the first after it); a first name joins a full name only if just
/// one full name starts with it.</item>
/// <item>Other mentions with the same words in another case or spacing are one entity, spelled as first seen.</item>
/// <item>A name that differs from another name of the same category by one letter (an insertion, deletion,
/// substitution or swap of neighbours: "Blinkin" / "Blinken") is taken for a misspelling of whichever of the
/// two the article uses more often. Names shorter than <see cref="MinMisspellingLength"/> characters are exempt:
/// "Iran" and "Iraq" are both real.</item>
/// </list>
/// </summary>
public static class MentionGrouper
{
    /// <summary>Shortest name (in characters) that one-letter-apart matching may merge.</summary>
    public const int MinMisspellingLength = 6;

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr.", "Mr", "Mrs.", "Mrs", "Ms.", "Ms", "Dr.", "Dr", "Prof.", "Sen.", "Rep.", "Gov.", "Gen.", "Lt.", "Col.",
        "Sgt.", "Capt.", "Adm.", "Rev.", "Sir", "Dame", "Lord", "Lady", "President", "Vice", "Prime", "Minister",
        "Secretary", "Chancellor", "Senator", "Governor", "Mayor", "King", "Queen", "Prince", "Princess", "Pope",
        "General", "Judge", "Justice", "Ambassador", "Chairman", "Chairwoman", "Director", "Sheikh", "Speaker",
        "Deputy", "Foreign", "Defense", "Defence", "Interior", "Finance", "State", "of", "the",
    };

    // Words an abbreviation's letters usually skip: "Ministry of Defence (MoD)" → "MD" plus a lower-case o.
    private static readonly HashSet<string> MinorWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "&",
    };

    public static (IReadOnlyList<EntityMention> Mentions, IReadOnlyList<EntitySummaryItem> Summary) Group(
        IReadOnlyList<EntityMention> mentions) => Group(mentions, text: null);

    /// <param name="mentions">The mentions of one article, from any recognizer.</param>
    /// <param name="text">The article text the offsets point into; when given, abbreviations the article defines
    /// in parentheses join their long form even if the letters do not spell its initials.</param>
    public static (IReadOnlyList<EntityMention> Mentions, IReadOnlyList<EntitySummaryItem> Summary) Group(
        IReadOnlyList<EntityMention> mentions, string? text)
    {
        var ordered = mentions.OrderBy(m => m.Offset).ThenByDescending(m => m.Length).ToList();
        var names = ordered.Select(m => NameOf(m.Text, m.Category)).ToList();
        var defined = DefinedAbbreviations(ordered, names, text);

        var grouped = new List<EntityMention>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var mention = ordered[i];
            if (mention.Canonical is not null)
            {
                grouped.Add(mention);
                continue;
            }
            if (defined.TryGetValue(names[i], out var longForm) && i != longForm)
            {
                grouped.Add(mention with { Category = ordered[longForm].Category, Canonical = names[longForm] });
                continue;
            }
            grouped.Add(mention with { Canonical = CanonicalOf(i, ordered, names) });
        }

        var corrected = CorrectMisspellings(grouped);
        var summary = corrected
            .GroupBy(m => (Canonical: m.Canonical!, m.Category), CanonicalKeyComparer.Instance)
            .Select(g => new { g.Key, Count = g.Count(), First = g.Min(m => m.Offset) })
            .OrderByDescending(x => x.Count).ThenBy(x => x.First)
            .Select(x => new EntitySummaryItem { Canonical = x.Key.Canonical, Category = x.Key.Category, Mentions = x.Count })
            .ToList();
        return (corrected, summary);
    }

    /// <summary>Abbreviation → index of its long-form mention, for abbreviations with a long form in the article.</summary>
    private static Dictionary<string, int> DefinedAbbreviations(List<EntityMention> ordered, List<string> names, string? text)
    {
        var defined = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (!IsAbbreviation(names[i]) || defined.ContainsKey(names[i]))
            {
                continue;
            }
            if (text is not null && i > 0 && IsParenthesizedAfter(text, ordered[i - 1], ordered[i])
                && CanAbbreviate(names[i - 1], names[i]))
            {
                defined[names[i]] = i - 1;
                continue;
            }
            for (var j = 0; j < ordered.Count; j++)
            {
                if (j != i && names[j].Contains(' ') && Initials(names[j]) == Letters(names[i]))
                {
                    defined[names[i]] = j;
                    break;
                }
            }
        }
        return defined;
    }

    /// <summary>Whether <paramref name="abbreviation"/> stands in parentheses right after <paramref name="longForm"/>.</summary>
    private static bool IsParenthesizedAfter(string text, EntityMention longForm, EntityMention abbreviation)
    {
        var longEnd = longForm.Offset + longForm.Length;
        var abbreviationEnd = abbreviation.Offset + abbreviation.Length;
        if (longEnd > abbreviation.Offset || abbreviationEnd > text.Length)
        {
            return false;
        }
        var between = text.AsSpan(longEnd, abbreviation.Offset - longEnd).Trim();
        var after = text.AsSpan(abbreviationEnd).TrimStart();
        return between is "(" && after.StartsWith(")");
    }

    private static string CanonicalOf(int index, List<EntityMention> ordered, List<string> names)
    {
        var name = names[index];
        var category = ordered[index].Category;
        if (category == EntityCategories.Person && !string.IsNullOrEmpty(name))
        {
            var fullName = FullNameFor(index, ordered, names);
            if (fullName is not null)
            {
                return fullName;
            }
        }

        // Same words in another case or spacing are the same entity: take the first spelling seen.
        for (var j = 0; j < index; j++)
        {
            if (ordered[j].Category == category && string.Equals(names[j], name, StringComparison.OrdinalIgnoreCase))
            {
                return names[j];
            }
        }
        return name.Length > 0 ? name : Normalize(ordered[index].Text);
    }

    /// <summary>The full name a partial person name refers to, or null when it is not partial or is ambiguous.</summary>
    private static string? FullNameFor(int index, List<EntityMention> ordered, List<string> names)
    {
        var name = names[index];
        string? before = null;
        string? after = null;
        for (var j = 0; j < ordered.Count; j++)
        {
            if (j != index && ordered[j].Category == EntityCategories.Person && EndsWithWords(names[j], name))
            {
                if (j < index)
                {
                    before = names[j];
                }
                else
                {
                    after ??= names[j];
                }
            }
        }
        if (before is not null || after is not null)
        {
            return before ?? after;
        }

        if (name.Contains(' '))
        {
            return null;
        }
        var startingWith = ordered
            .Select((m, j) => (m, Name: names[j]))
            .Where(x => x.m.Category == EntityCategories.Person && x.Name.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase))
            .Select(x => x.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return startingWith.Count == 1 ? startingWith[0] : null;
    }

    private static bool EndsWithWords(string full, string part) =>
        full.Length > part.Length + 1
        && full.EndsWith(part, StringComparison.OrdinalIgnoreCase)
        && full[full.Length - part.Length - 1] == ' ';

    /// <summary>Maps each canonical name that is one letter away from a more frequent one of its category onto it.</summary>
    private static List<EntityMention> CorrectMisspellings(List<EntityMention> mentions)
    {
        var forms = mentions
            .GroupBy(m => (m.Category, Name: m.Canonical!.ToLowerInvariant()))
            .Select(g => (g.Key.Category, g.First().Canonical!, Count: g.Count(), First: g.Min(m => m.Offset)))
            .ToList();
        var replacement = new Dictionary<(string Category, string Name), string>();
        foreach (var form in forms)
        {
            var better = forms
                .Where(other => other.Category == form.Category
                    && Math.Min(other.Item2.Length, form.Item2.Length) >= MinMisspellingLength
                    && (other.Count > form.Count || (other.Count == form.Count && other.First < form.First))
                    && IsOneEditApart(other.Item2, form.Item2))
                .OrderByDescending(other => other.Count).ThenBy(other => other.First)
                .Select(other => other.Item2)
                .FirstOrDefault();
            if (better is not null)
            {
                replacement[(form.Category, form.Item2.ToLowerInvariant())] = better;
            }
        }
        if (replacement.Count == 0)
        {
            return mentions;
        }
        return mentions
            .Select(m => replacement.TryGetValue((m.Category, m.Canonical!.ToLowerInvariant()), out var fixedName) ? m with { Canonical = fixedName } : m)
            .ToList();
    }

    /// <summary>Optimal-string-alignment distance of exactly one, ignoring case.</summary>
    internal static bool IsOneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var i = 0;
        while (i < a.Length && i < b.Length && char.ToLowerInvariant(a[i]) == char.ToLowerInvariant(b[i]))
        {
            i++;
        }
        var restA = a.AsSpan(i);
        var restB = b.AsSpan(i);
        if (a.Length == b.Length)
        {
            // A substitution, or two neighbours swapped.
            return restA[1..].Equals(restB[1..], StringComparison.OrdinalIgnoreCase)
                || (restA.Length >= 2
                    && char.ToLowerInvariant(restA[0]) == char.ToLowerInvariant(restB[1])
                    && char.ToLowerInvariant(restA[1]) == char.ToLowerInvariant(restB[0])
                    && restA[2..].Equals(restB[2..], StringComparison.OrdinalIgnoreCase));
        }
        // One inserted or deleted letter.
        return a.Length > b.Length
            ? restA[1..].Equals(restB, StringComparison.OrdinalIgnoreCase)
            : restB[1..].Equals(restA, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether <paramref name="abbreviation"/>, written in parentheses right after <paramref name="longForm"/>, may be
    /// its abbreviation: it looks like one and starts with the long form's first letter.
    /// </summary>
    internal static bool CanAbbreviate(string longForm, string abbreviation) =>
        IsAbbreviation(abbreviation) && longForm.Length > 0 && char.ToUpperInvariant(longForm[0]) == abbreviation[0];

    private static bool IsAbbreviation(string name)
    {
        var letters = Letters(name);
        return letters.Length is >= 2 and <= 8 && !name.Contains(' ') && name.Count(char.IsUpper) >= 2
            && name.All(c => char.IsLetterOrDigit(c) || c is '.' or '&' or '-');
    }

    /// <summary>The upper-case letters and digits of an abbreviation: "U.N." → "UN", "MoD" → "MD".</summary>
    private static string Letters(string abbreviation) => new(abbreviation.Where(c => char.IsUpper(c) || char.IsDigit(c)).ToArray());

    /// <summary>First letters of the significant words: "Chinese Communist Party" → "CCP".</summary>
    private static string Initials(string name) =>
        new(name.Split(' ', '-')
            .Where(w => w.Length > 0 && !MinorWords.Contains(w))
            .Select(w => char.ToUpperInvariant(w[0]))
            .ToArray());

    /// <summary>The mention's words with single spaces and, for a person, without leading titles.</summary>
    private static string NameOf(string text, string category)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var start = 0;
        while (category == EntityCategories.Person && start < words.Length - 1 && Titles.Contains(words[start]))
        {
            start++;
        }
        return string.Join(' ', words, start, words.Length - start);
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
