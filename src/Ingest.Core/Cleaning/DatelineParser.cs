using System.Text.RegularExpressions;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Reads the dateline that opens a wire-style article body: "WASHINGTON (Reuters) –", "TOKYO —",
/// "NEW YORK, April 24 (AP) —", "LONDON, England (CNN) --". The place must be written in capitals, as
/// datelines are, or carry an agency mark, so an ordinary sentence opening is never taken for one.
/// </summary>
internal static partial class DatelineParser
{
    public sealed record Dateline(string Place, string? Agency);

    public static Dateline? TryParse(string paragraph)
    {
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
        return new Dateline(place, agency);
    }

    [GeneratedRegex(@"^(?<place>\p{Lu}[\p{L}'’.\-]*(?:\s+\p{Lu}[\p{L}'’.\-]*){0,3})(?:,\s*(?<region>\p{Lu}[\p{L}.]+(?:\s\p{Lu}[\p{L}.]+)?))??(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})?\s*(?:\((?<agency>[^()]{2,40})\))?\s*(?:--|[-–—])\s+")]
    private static partial Regex DatelinePattern();
}
