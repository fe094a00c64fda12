using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// "The 139th fought in Grant 's Overland Campaign", "the 65th assumed responsibility": an article about a regiment,
/// a wing or a squadron calls it by its ordinal alone, as the subject of what it did. Where "the" and an ordinal are
/// followed by a verb at least twice in an article, those occurrences name the unit, an Organization. One occurrence is
/// not enough ("the 44th confirmed case"), and an ordinal followed by a noun or a name ("the 20th century", "the 82nd
/// Airborne Division") is left to the tagger, except that a number right before a unit's name joins it ("65 Air Division").
/// </summary>
internal static class UnitOrdinals
{
    /// <summary>Words after a unit's ordinal that show it is the subject; besides these, any word ending in "-ed".</summary>
    private static readonly string[] SubjectWords =
        ["was", "is", "had", "has", "were", "also", "along", "then", "later", "became", "fought", "took", "saw", "won", "lost", "flew", "began", "went"];

    /// <summary>Head words of a military unit's name, which takes its number in: "65 Air Division", "1st Armored Division".</summary>
    private static readonly string[] UnitHeads =
        ["Division", "Wing", "Squadron", "Regiment", "Brigade", "Corps", "Battalion", "Fleet", "Command", "Infantry", "Cavalry", "Artillery", "Group"];

    public static List<EntityMention> Apply(List<EntityMention> mentions, string text, List<TextToken> tokens) =>
        WithUnitNumbers(SubjectOrdinals(mentions, text, tokens), text);

    /// <summary>
    /// "65 Air Division", "111th Fighter Wing": the number before a unit's name is part of it (GMB includes it every time),
    /// but the tagger often starts the name after it.
    /// </summary>
    private static List<EntityMention> WithUnitNumbers(List<EntityMention> mentions, string text)
    {
        List<EntityMention>? result = null;
        for (var m = 0; m < mentions.Count; m++)
        {
            var mention = mentions[m];
            if (mention.Category != EntityCategories.Organization || !EndsWithUnitHead(mention.Text))
            {
                continue;
            }
            var before = mention.Offset;
            while (before > 0 && text[before - 1] == ' ')
            {
                before--;
            }
            var numberStart = before;
            while (numberStart > 0 && char.IsAsciiLetterOrDigit(text[numberStart - 1]))
            {
                numberStart--;
            }
            var number = text.AsSpan(numberStart, before - numberStart);
            if (before == mention.Offset || !(IsOrdinal(number) || IsNumber(number))
                || (numberStart > 0 && !char.IsWhiteSpace(text[numberStart - 1]) && text[numberStart - 1] != '('))
            {
                continue;
            }
            var length = mention.Offset + mention.Length - numberStart;
            (result ??= [.. mentions])[m] = mention with { Text = text.Substring(numberStart, length), Offset = numberStart, Length = length };
        }
        return result ?? mentions;
    }

    private static bool EndsWithUnitHead(string name)
    {
        var space = name.LastIndexOf(' ');
        return space > 0 && TokenText.IsOneOf(name.AsSpan(space + 1), UnitHeads);
    }

    /// <summary>"65", not a year: "in 1952 Air Division staff".</summary>
    private static bool IsNumber(ReadOnlySpan<char> word) => word.Length is > 0 and <= 3 && !word.ContainsAnyExceptInRange('0', '9');

    private static List<EntityMention> SubjectOrdinals(List<EntityMention> mentions, string text, List<TextToken> tokens)
    {
        List<int>? found = null;
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            if (IsOrdinal(tokens[i].In(text)) && IsThe(tokens[i - 1].In(text)) && IsSubjectWord(tokens[i + 1].In(text)))
            {
                (found ??= []).Add(i);
            }
        }
        if (found is null || found.Count < 2)
        {
            return mentions;
        }
        List<EntityMention>? result = null;
        foreach (var i in found)
        {
            var token = tokens[i];
            var ordinal = token.In(text);
            if (Count(found, tokens, text, ordinal) < 2 || TokenText.Overlapping(mentions, token.Start, token.End).Count > 0)
            {
                continue;
            }
            (result ??= [.. mentions]).Add(new EntityMention
            {
                Text = ordinal.ToString(),
                Category = EntityCategories.Organization,
                Offset = token.Start,
                Length = token.Length,
                Confidence = 0.5,
            });
        }
        return result is null ? mentions : [.. result.OrderBy(m => m.Offset)];
    }

    private static int Count(List<int> found, List<TextToken> tokens, string text, ReadOnlySpan<char> ordinal)
    {
        var count = 0;
        foreach (var i in found)
        {
            if (tokens[i].In(text).SequenceEqual(ordinal))
            {
                count++;
            }
        }
        return count;
    }

    private static bool IsThe(ReadOnlySpan<char> word) => word.SequenceEqual("the") || word.SequenceEqual("The");

    private static bool IsSubjectWord(ReadOnlySpan<char> word) =>
        word.Length > 2 && char.IsLower(word[0]) && (word.EndsWith("ed", StringComparison.Ordinal) || TokenText.IsOneOf(word, SubjectWords));

    /// <summary>"139th", "1st", "22nd", "3rd".</summary>
    private static bool IsOrdinal(ReadOnlySpan<char> word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }
        if (digits == 0 || word.Length != digits + 2)
        {
            return false;
        }
        var suffix = word[digits..];
        return suffix.SequenceEqual("th") || suffix.SequenceEqual("st") || suffix.SequenceEqual("nd") || suffix.SequenceEqual("rd");
    }
}
