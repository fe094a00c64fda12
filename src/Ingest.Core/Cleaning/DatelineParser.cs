using System.Text.RegularExpressions;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Reads the dateline that opens a wire-style article body: "WASHINGTON (Reuters) –", "TOKYO —",
/// "NEW YORK, April 24 (AP) —", "LONDON, England (CNN) --". The place must be written in capitals, as
/// datelines are, or carry an agency mark, so an ordinary sentence opening is never taken for one.
/// </summary>
/// <remarks>
/// The dateline is metadata, not article text: every reader records it in the <c>dateline</c> field (its agency
/// mark as the outlet) and removes it from the text, so copies of one wire story filed from different places
/// clean to the same body and deduplicate as one.
/// </remarks>
internal static partial class DatelineParser
{
    /// <param name="Place">The place, with its region when one is given ("LONDON, England").</param>
    /// <param name="Agency">The agency in parentheses, or null.</param>
    /// <param name="Length">Characters of the paragraph the dateline takes, its dash and the space after it included.</param>
    public sealed record Dateline(string Place, string? Agency, int Length);

    public static Dateline? TryParse(string paragraph)
    {
        // Every dateline starts with a capital letter and has a dash within its first 80 or so characters;
        // most paragraphs fail one of these tests, which is far cheaper than running the pattern on them.
        if (paragraph.Length < 5 || !char.IsUpper(paragraph[0]) || paragraph.AsSpan(0, Math.Min(paragraph.Length, MaximumPrefixLength)).IndexOfAny('-', '–', '—') < 0)
        {
            return null;
        }
        var match = DatelinePattern().Match(paragraph);
        if (!match.Success)
        {
            return null;
        }
        var place = match.Groups["place"].Value.Trim(' ', ',');
        var agency = match.Groups["agency"].Success ? match.Groups["agency"].Value.Trim() : null;
        var placeIsCapitals = place.Any(char.IsLetter) && !place.Any(char.IsLower);
        if (place.Length < 3 || (!placeIsCapitals && agency is null))
        {
            return null;
        }
        if (match.Groups["region"].Success)
        {
            place += ", " + match.Groups["region"].Value.Trim();
        }
        return new Dateline(place, agency, match.Length);
    }

    /// <summary>
    /// Splits the dateline off the first paragraph of <paramref name="text"/> (paragraphs separated by blank
    /// lines): the metadata with the dateline and, when none is known yet, the agency as outlet; and the text
    /// without it. Text that does not open with a dateline comes back unchanged.
    /// </summary>
    public static (ArticleMetadata Metadata, string Text) Remove(ArticleMetadata metadata, string text)
    {
        var dateline = TryParse(text);
        if (dateline is null || dateline.Length >= text.Length)
        {
            return (metadata, text);
        }
        var updated = metadata with
        {
            Dateline = metadata.Dateline ?? dateline.Place,
            Outlet = metadata.Outlet ?? dateline.Agency,
        };
        return (updated, text[dateline.Length..]);
    }

    /// <summary>The longest dateline the pattern can match is well below this; the dash must appear within it.</summary>
    private const int MaximumPrefixLength = 160;

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3})(?:,\s*(?<region>\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?))??(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?\s*(?:\((?<agency>[^()]{2,40})\))?\s*(?:--|[-–—])\s+")]
    private static partial Regex DatelinePattern();
}
