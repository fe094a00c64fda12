using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Reads author names from a byline line: "By Jane Doe", "By Jane Doe and John Roe",
/// "By JANE DOE, JOHN ROE &amp; ANN POE | Staff writers", "Written by Jane Doe, Reuters".
/// News agencies named among the authors are returned as the outlet, not as people.
/// </summary>
internal static partial class BylineParser
{
    private static readonly HashSet<string> Agencies = new(StringComparer.OrdinalIgnoreCase)
    {
        "Reuters", "AP", "Associated Press", "The Associated Press", "AFP", "Agence France-Presse", "Bloomberg",
        "CNN", "BBC", "dpa", "UPI", "Xinhua", "Kyodo", "ANSA", "EFE", "PA", "PA Media", "Press Association",
    };

    public sealed record Byline(IReadOnlyList<string> Names, string? Agency);

    public static bool IsAgency(string name) => Agencies.Contains(name);

    /// <summary>Parses <paramref name="line"/> if it is a byline; null otherwise.</summary>
    public static Byline? TryParse(string line)
    {
        var match = BylinePrefix().Match(line);
        if (!match.Success)
        {
            return null;
        }
        var rest = line[match.Length..];
        var date = PublishedDateParser.Find(rest);
        if (date is not null)
        {
            rest = rest[..date.Value.Index];
        }
        rest = RoleSuffix().Replace(rest, "").Trim(' ', ',', ';', '-', '–', '—', '|', '·', '•');
        if (rest.Length == 0)
        {
            return null;
        }
        var names = new List<string>();
        string? agency = null;
        foreach (var part in NameSeparator().Split(rest))
        {
            var name = part.Trim(' ', '.', ',');
            if (name.Length == 0)
            {
                continue;
            }
            if (Agencies.Contains(name))
            {
                agency ??= name;
                continue;
            }
            if (!LooksLikeName(name))
            {
                return null;
            }
            names.Add(IsAllUpper(name) ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant()) : name);
        }
        return names.Count == 0 && agency is null ? null : new Byline(names, agency);
    }

    /// <summary>A person's name: two to five words, each starting with a capital (particles such as "de", "van" allowed).</summary>
    public static bool LooksLikeName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 5)
        {
            return false;
        }
        var capitalized = 0;
        foreach (var word in words)
        {
            if (char.IsUpper(word[0]))
            {
                capitalized++;
            }
            else if (word is not ("de" or "da" or "van" or "von" or "der" or "del" or "la" or "le" or "bin" or "al" or "di"))
            {
                return false;
            }
            if (word.Any(char.IsDigit))
            {
                return false;
            }
        }
        return capitalized >= 2;
    }

    private static bool IsAllUpper(string text) => text.Any(char.IsLetter) && !text.Any(char.IsLower);

    /// <summary>"By" and its equivalents in the other languages the cleaner reads (German von, Spanish/Portuguese por, French par, Italian di, Dutch door, Swedish av).</summary>
    [GeneratedRegex(@"^(?i:by|written by|words by|story by|text by|von|por|par|di|door|av)[:\s]+(?=\p{Lu})")]
    private static partial Regex BylinePrefix();

    /// <summary>Everything after a separator that introduces a role or desk: "| Staff writer", " - Special correspondent", ", Senior Editor".</summary>
    [GeneratedRegex(@"\s*(?:\||·|•|—|–| - |,\s*(?=(?i:staff|senior|special|chief|contributing|associate|deputy|political|foreign|business|science|health|sports?|tech(?:nology)?)\b)|\bfor (?=(?:[Tt]he )?\p{Lu})).*$")]
    private static partial Regex RoleSuffix();

    [GeneratedRegex(@"\s*,\s*(?:(?i:and|und|y|et|e|en|och)\s+)?|\s+(?i:and|und|y|et|e|en|och)\s+|\s*&\s*")]
    private static partial Regex NameSeparator();
}
