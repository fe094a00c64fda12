using System.Globalization;
using System.Text.RegularExpressions;

namespace Ingest.Core.Cleaning;

/// <summary>
/// Reads publication dates as news sources print them ("April 24, 2024", "Apr. 24, 2024 3:15 PM EDT",
/// "24 April 2024", "2024-04-24", ISO date-times) and writes them in the contract's form: <c>yyyy-MM-dd</c>,
/// or a date-time with offset only when the source states a time zone. A date without a year ("Jan. 13")
/// is recognised as a date but yields no value, because guessing the year would be inventing data.
/// </summary>
public static partial class PublishedDateParser
{
    private static readonly Dictionary<string, int> MonthsByPrefix = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["feb"] = 2, ["mar"] = 3, ["apr"] = 4, ["may"] = 5, ["jun"] = 6,
        ["jul"] = 7, ["aug"] = 8, ["sep"] = 9, ["oct"] = 10, ["nov"] = 11, ["dec"] = 12,
    };

    /// <summary>Full month names in German, French, Spanish, Italian, Portuguese and Dutch, for "12 de marzo de 2024", "3. März 2024", "12 mars 2024".</summary>
    private static readonly Dictionary<string, int> LocalizedMonths = new(StringComparer.OrdinalIgnoreCase)
    {
        ["enero"] = 1, ["gennaio"] = 1, ["janeiro"] = 1, ["januar"] = 1, ["januari"] = 1, ["janvier"] = 1, ["febbraio"] = 2, ["febrero"] = 2, ["februar"] = 2, ["februari"] = 2, ["fevereiro"] = 2, ["février"] = 2, ["maart"] = 3, ["mars"] = 3, ["marzo"] = 3, ["março"] = 3, ["märz"] = 3, ["abril"] = 4, ["april"] = 4, ["aprile"] = 4, ["avril"] = 4, ["maggio"] = 5, ["mai"] = 5, ["maio"] = 5, ["mayo"] = 5, ["mei"] = 5, ["giugno"] = 6, ["juin"] = 6, ["junho"] = 6, ["juni"] = 6, ["junio"] = 6, ["juillet"] = 7, ["julho"] = 7, ["juli"] = 7, ["julio"] = 7, ["luglio"] = 7, ["agosto"] = 8, ["août"] = 8, ["august"] = 8, ["augustus"] = 8, ["september"] = 9, ["septembre"] = 9, ["septiembre"] = 9, ["setembro"] = 9, ["setiembre"] = 9, ["settembre"] = 9, ["octobre"] = 10, ["octubre"] = 10, ["oktober"] = 10, ["ottobre"] = 10, ["outubro"] = 10, ["november"] = 11, ["novembre"] = 11, ["novembro"] = 11, ["noviembre"] = 11, ["december"] = 12, ["dezember"] = 12, ["dezembro"] = 12, ["dicembre"] = 12, ["diciembre"] = 12, ["décembre"] = 12,
    };

    /// <summary>Offsets for the zone abbreviations English-language news prints. Ambiguous bare "ET"/"PT" are left out on purpose.</summary>
    private static readonly Dictionary<string, TimeSpan> ZoneOffsets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero,
        ["EDT"] = TimeSpan.FromHours(-4), ["EST"] = TimeSpan.FromHours(-5),
        ["CDT"] = TimeSpan.FromHours(-5), ["CST"] = TimeSpan.FromHours(-6),
        ["MDT"] = TimeSpan.FromHours(-6), ["MST"] = TimeSpan.FromHours(-7),
        ["PDT"] = TimeSpan.FromHours(-7), ["PST"] = TimeSpan.FromHours(-8),
        ["BST"] = TimeSpan.FromHours(1), ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2),
        ["JST"] = TimeSpan.FromHours(9), ["IST"] = new TimeSpan(5, 30, 0), ["AEST"] = TimeSpan.FromHours(10),
    };

    private const string MonthPattern = "(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private const string TimePattern = @"(?:\s*(?:,|at|-|–|—|\|)?\s*(?<hour>\d{1,2})[:.](?<minute>\d{2})\s*(?<ampm>[aApP]\.?[mM]\.?)?\s*(?<zone>[A-Z]{1,4}\b)?)?";

    /// <summary>"April 24, 2024", "Apr. 24 2024", "Jan. 13"; no word boundary before the month, so "PoliticsApril 24, 2024" matches too.</summary>
    [GeneratedRegex(MonthPattern + @"\.?\s+(?<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<year>\d{4})\b)?" + TimePattern)]
    private static partial Regex MonthDayYear();

    /// <summary>"24 April 2024", "24 Apr. 2024".</summary>
    [GeneratedRegex(@"\b(?<day>\d{1,2})\s+" + MonthPattern + @"\.?,?\s+(?<year>\d{4})\b" + TimePattern)]
    private static partial Regex DayMonthYear();

    /// <summary>Day, month name, year in the other languages the cleaner reads; the month name must be spelled out.</summary>
    [GeneratedRegex(@"\b(?<day>\d{1,2})(?:\.|º|er)?\s+(?:de\s+)?(?<localMonth>septiembre|september|septembre|noviembre|diciembre|settembre|fevereiro|setiembre|november|dezember|novembre|décembre|febbraio|dicembre|setembro|novembro|dezembro|februari|augustus|december|februar|oktober|janvier|février|juillet|octobre|febrero|octubre|gennaio|ottobre|janeiro|outubro|januari|januar|august|agosto|aprile|maggio|giugno|luglio|april|avril|enero|marzo|abril|junio|julio|março|junho|julho|maart|märz|juni|juli|mars|juin|août|mayo|maio|mai|mei)\s+(?:de\s+|del\s+)?(?<year>\d{4})\b", RegexOptions.IgnoreCase)]
    private static partial Regex LocalizedDayMonthYear();

    /// <summary>"2024-04-24", "2024-04-24T10:15:00Z", "2024-04-24 10:15:00+02:00".</summary>
    [GeneratedRegex(@"\b(?<year>\d{4})-(?<monthNumber>\d{2})-(?<day>\d{2})(?:[T ](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d+)?)?(?<offset>Z|[+-]\d{2}:?\d{2})?)?\b")]
    private static partial Regex IsoDate();

    /// <summary>A date found in a piece of text: where it is and what it means.</summary>
    /// <param name="Value">The contract form, or null when the text has no year.</param>
    public readonly record struct DateMatch(int Index, int Length, string? Value);

    /// <summary>A time with a stated zone anywhere in a line, for "Updated 10:32 AM EDT, April 24, 2024" where the time comes first.</summary>
    [GeneratedRegex(@"\b(?<hour>\d{1,2})[:.](?<minute>\d{2})\s*(?<ampm>[aApP]\.?[mM]\.?)?\s*(?<zone>[A-Z]{1,4})\b")]
    private static partial Regex TimeWithZone();

    /// <summary>Finds the first date in <paramref name="text"/>, or null. A time and zone printed before the date are combined with it.</summary>
    public static DateMatch? Find(string text)
    {
        var date = FindDate(text);
        if (date is not { Value.Length: 10 } found)
        {
            return date;
        }
        var time = TimeWithZone().Match(text);
        if (!time.Success || !ZoneOffsets.TryGetValue(time.Groups["zone"].Value, out var offset))
        {
            return date;
        }
        var hour = int.Parse(time.Groups["hour"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(time.Groups["minute"].ValueSpan, CultureInfo.InvariantCulture);
        if (time.Groups["ampm"].Success)
        {
            hour = hour % 12 + (char.ToLowerInvariant(time.Groups["ampm"].Value[0]) == 'p' ? 12 : 0);
        }
        if (hour > 23 || minute > 59)
        {
            return date;
        }
        var day = DateTime.ParseExact(found.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var start = Math.Min(found.Index, time.Index);
        var end = Math.Max(found.Index + found.Length, time.Index + time.Length);
        return new DateMatch(start, end - start, FormatWithOffset(new DateTimeOffset(day.Add(new TimeSpan(hour, minute, 0)), offset)));
    }

    private static DateMatch? FindDate(string text)
    {
        DateMatch? best = null;
        foreach (var regex in new[] { IsoDate(), MonthDayYear(), DayMonthYear(), LocalizedDayMonthYear() })
        {
            var match = regex.Match(text);
            if (!match.Success)
            {
                continue;
            }
            var candidate = ToDateMatch(match);
            if (candidate is not null && (best is null || candidate.Value.Index < best.Value.Index))
            {
                best = candidate;
            }
        }
        return best;
    }

    /// <summary>Parses a whole date string (e.g. a JSON <c>publishedAt</c> or an HTML <c>datetime</c>) into the contract form, or null.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) && HasZone(text))
        {
            return FormatWithOffset(parsed);
        }
        return Find(text)?.Value;
    }

    private static bool HasZone(string text) =>
        text.EndsWith('Z') || Regex.IsMatch(text, @"[T\d:]\S*[+-]\d{2}:?\d{2}$");

    private static DateMatch? ToDateMatch(Match match)
    {
        var day = int.Parse(match.Groups["day"].ValueSpan, CultureInfo.InvariantCulture);
        var month = match.Groups["monthNumber"].Success ? int.Parse(match.Groups["monthNumber"].ValueSpan, CultureInfo.InvariantCulture)
            : match.Groups["localMonth"].Success ? LocalizedMonths[match.Groups["localMonth"].Value]
            : MonthsByPrefix[match.Groups["month"].Value[..3]];
        if (month is < 1 or > 12 || day is < 1 or > 31)
        {
            return null;
        }
        if (!match.Groups["year"].Success)
        {
            return new DateMatch(match.Index, match.Length, null);
        }
        var year = int.Parse(match.Groups["year"].ValueSpan, CultureInfo.InvariantCulture);
        if (year < 1900 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }
        var date = new DateTime(year, month, day);
        var offset = ReadOffset(match);
        if (offset is null || !match.Groups["hour"].Success)
        {
            return new DateMatch(match.Index, match.Length, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        var hour = int.Parse(match.Groups["hour"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(match.Groups["minute"].ValueSpan, CultureInfo.InvariantCulture);
        var second = match.Groups["second"].Success ? int.Parse(match.Groups["second"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        if (match.Groups["ampm"].Success)
        {
            var pm = char.ToLowerInvariant(match.Groups["ampm"].Value[0]) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59)
        {
            return new DateMatch(match.Index, match.Length, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        var value = new DateTimeOffset(date.Add(new TimeSpan(hour, minute, second)), offset.Value);
        return new DateMatch(match.Index, match.Length, FormatWithOffset(value));
    }

    private static TimeSpan? ReadOffset(Match match)
    {
        if (match.Groups["offset"].Success)
        {
            var text = match.Groups["offset"].Value;
            if (text == "Z")
            {
                return TimeSpan.Zero;
            }
            var digits = text.Replace(":", "", StringComparison.Ordinal);
            var hours = int.Parse(digits.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture);
            var span = new TimeSpan(hours, minutes, 0);
            return text[0] == '-' ? -span : span;
        }
        return match.Groups["zone"].Success && ZoneOffsets.TryGetValue(match.Groups["zone"].Value, out var zone) ? zone : null;
    }

    private static string FormatWithOffset(DateTimeOffset value) =>
        value.Offset == TimeSpan.Zero
            ? value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
