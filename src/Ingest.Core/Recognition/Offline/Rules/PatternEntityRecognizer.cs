using System.Text.RegularExpressions;
using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline.Rules;

/// <summary>
/// Compiled regular-expression rules for the categories that follow a pattern rather than a vocabulary:
/// URL, Email, IP, PhoneNumber, DateTime and Quantity. (Microsoft.Recognizers.Text would cover DateTime and
/// Quantity better, but no version of it restores from this project's package source: all need
/// Microsoft.Recognizers.Definitions, which the mirror lacks.) Rules are tried in that order and a later match
/// that overlaps an earlier one is dropped, so "10.0.0.1" is an IP and not a number, and an email's domain is not
/// a URL. Confidence is fixed per rule: patterns either match or do not.
/// </summary>
public static partial class PatternEntityRecognizer
{
    private sealed record Rule(Regex Pattern, string Category, string? Subcategory, double Confidence);

    private static readonly Rule[] Rules =
    [
        new(EmailPattern(), EntityCategories.Email, null, 0.95),
        new(UrlPattern(), EntityCategories.Url, null, 0.95),
        new(Ipv4Pattern(), EntityCategories.IP, null, 0.9),
        new(Ipv6Pattern(), EntityCategories.IP, null, 0.9),
        new(PhonePattern(), EntityCategories.PhoneNumber, null, 0.8),
        new(DateRangePattern(), EntityCategories.DateTime, "DateRange", 0.85),
        new(DatePattern(), EntityCategories.DateTime, "Date", 0.85),
        new(TimePattern(), EntityCategories.DateTime, "Time", 0.85),
        new(RelativeDatePattern(), EntityCategories.DateTime, "Date", 0.75),
        new(YearPattern(), EntityCategories.DateTime, "Date", 0.7),
        new(CurrencyPattern(), EntityCategories.Quantity, "Currency", 0.85),
        new(PercentagePattern(), EntityCategories.Quantity, "Percentage", 0.9),
        new(TemperaturePattern(), EntityCategories.Quantity, "Temperature", 0.85),
        new(AgePattern(), EntityCategories.Quantity, "Age", 0.8),
        new(DimensionPattern(), EntityCategories.Quantity, "Dimension", 0.8),
        new(OrdinalPattern(), EntityCategories.Quantity, "Ordinal", 0.75),
        new(NumberPattern(), EntityCategories.Quantity, "Number", 0.75),
    ];

    public static List<EntityMention> Recognize(string text)
    {
        var found = new List<EntityMention>();
        foreach (var rule in Rules)
        {
            foreach (var match in rule.Pattern.EnumerateMatches(text))
            {
                var start = match.Index;
                var length = TrimTrailingPunctuation(text, start, match.Length, rule.Category);
                if (length == 0 || OverlapsAny(found, start, length))
                {
                    continue;
                }
                found.Add(new EntityMention
                {
                    Text = text.Substring(start, length),
                    Category = rule.Category,
                    Subcategory = rule.Subcategory,
                    Offset = start,
                    Length = length,
                    Confidence = rule.Confidence,
                });
            }
        }
        found.Sort((a, b) => a.Offset.CompareTo(b.Offset));
        return found;
    }

    private static bool OverlapsAny(List<EntityMention> found, int start, int length)
    {
        foreach (var f in found)
        {
            if (f.Offset < start + length && start < f.Offset + f.Length)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A URL at the end of a sentence or in brackets should not swallow the period or bracket.</summary>
    private static int TrimTrailingPunctuation(string text, int start, int length, string category)
    {
        if (category != EntityCategories.Url)
        {
            return length;
        }
        while (length > 0 && text[start + length - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '\'' or '"')
        {
            length--;
        }
        return length;
    }

    private const string Month =
        @"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

    private const string Weekday = @"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

    private const string NumberWord =
        @"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|a\s+dozen|dozens\s+of|hundreds|thousands)";

    private const string Scale = @"(?:\s+(?:thousand|million|billion|trillion|mn|bn))?";

    private const string Amount = @"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

    [GeneratedRegex(@"(?<![\w.+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\b(?:https?://|ftp://|www\.)[^\s<>""]+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|gov|edu|io|int|info)(?:/[^\s<>""]*)?\b", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?![\d.]\d)")]
    private static partial Regex Ipv4Pattern();

    [GeneratedRegex(@"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4})*)?(?![\w:])")]
    private static partial Regex Ipv6Pattern();

    // North American "(202) 555-0173" / "202-555-0173", or international "+44 20 7946 0958".
    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?!\w)|(?<![\w+])\+\d{1,3}(?:[\s.-]\(?\d{1,4}\)?){2,5}(?!\w)")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"\b(?:from\s+)?" + Month + @"\s+\d{1,2}\s*(?:-|–|to|through|until)\s*\d{1,2}(?:,?\s+\d{4})?\b|\b(?:between\s+)?(?:1[5-9]|20)\d{2}\s*(?:-|–|to|and)\s*(?:1[5-9]|20)?\d{2}\b(?![-/]\d)")]
    private static partial Regex DateRangePattern();

    [GeneratedRegex(@"\b(?:" + Weekday + @",?\s+)?(?:" + Month + @"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + Month + @"(?:,?\s+\d{4})?|" + Month + @",?\s+\d{4})(?!\w)|\b\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?\b|\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b|\b" + Weekday + @"\b")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"\b\d{1,2}(?::\d{2})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:GMT|UTC|EST|EDT|PST|PDT|CET))?\b|\b(?:noon|midnight)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"\b(?:(?:the\s+)?day\s+(?:before|after)\s+)?(?:today|tomorrow|yesterday|tonight)\b|\b(?:last|next|this|earlier\s+this|later\s+this)\s+(?:week|month|year|decade|century|weekend|morning|afternoon|evening|night|spring|summer|autumn|fall|winter|" + Weekday + @")\b|\b(?:" + NumberWord + @"|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\s+ago\b", RegexOptions.IgnoreCase)]
    private static partial Regex RelativeDatePattern();

    // A bare four-digit year only after a word that makes it one ("in 2004", "since 1990").
    [GeneratedRegex(@"(?<=\b(?:in|since|until|by|of|during|from|before|after|early|late|mid-?)\s)(?:1[6-9]|20)\d{2}s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex YearPattern();

    [GeneratedRegex(@"(?:(?:US|A|C|NZ|HK)?\$|€|£|¥|₹)\s?(?:" + Amount + ")" + Scale + @"\b|\b(?:" + Amount + ")" + Scale + @"\s+(?:dollars|euros|pounds|yen|yuan|rupees|francs|rubles|roubles|pesos|USD|EUR|GBP|JPY)\b")]
    private static partial Regex CurrencyPattern();

    [GeneratedRegex(@"\b(?:" + Amount + @")\s?(?:%|percent\b|per\s+cent\b|percentage\s+points?\b)")]
    private static partial Regex PercentagePattern();

    [GeneratedRegex(@"(?:-|\u2212)?\b\d+(?:\.\d+)?\s?(?:°\s?[CF]\b|degrees?\s+(?:Celsius|Fahrenheit|C\b|F\b))")]
    private static partial Regex TemperaturePattern();

    [GeneratedRegex(@"\b\d{1,3}-year-old\b|\b(?:aged|age)\s+\d{1,3}\b|\b\d{1,3}\s+years\s+old\b", RegexOptions.IgnoreCase)]
    private static partial Regex AgePattern();

    [GeneratedRegex(@"\b(?:" + Amount + ")" + Scale + @"[\s-]?(?:kilometers?|kilometres?|km|miles?|meters?|metres?|m|centimet(?:er|re)s?|cm|millimet(?:er|re)s?|mm|feet|foot|ft|inches|inch|kilograms?|kg|grams?|g|tons?|tonnes?|pounds|lbs?|liters?|litres?|gallons?|barrels?|hectares?|acres?|square\s+(?:kilometers|kilometres|miles|meters|metres|feet)|mph|km/h|megawatts?|MW|gigawatts?|GW|kilowatts?|kW|bytes|KB|MB|GB|TB)\b")]
    private static partial Regex DimensionPattern();

    [GeneratedRegex(@"\b\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OrdinalPattern();

    [GeneratedRegex(@"(?<![\w.,])(?:" + Amount + ")" + Scale + @"(?![\w.,]\d)|\b(?:" + NumberWord + ")" + @"(?:\s+(?:thousand|million|billion|trillion))?\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberPattern();
}
