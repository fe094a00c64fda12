using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.Offline;

/// <summary>
/// "Karol Baliński , Teofil Lenartowicz , Franciszek Mickiewicz and Eweryst Estkowski": the items of a list are things of
/// one kind. The tagger types each name on its own, so one unfamiliar name in a list of people can come out an
/// Organization. In a list of four or more mentions joined only by commas, "and" and "or", where all but one share a
/// category, the odd one takes it. Lists with two or more odd items are left alone: they may really be mixed ("Justin
/// Timberlake , Gwen Stefani , Linkin Park and Avenged Sevenfold").
/// </summary>
internal static class ListConsistency
{
    private const int MinItems = 4;

    /// <summary>Returns the mentions (text order) with the odd item of each list retyped.</summary>
    public static List<EntityMention> Apply(List<EntityMention> mentions, string text)
    {
        List<EntityMention>? result = null;
        var start = 0;
        while (start < mentions.Count)
        {
            var end = start + 1;
            while (end < mentions.Count && Joined(text, mentions[end - 1], mentions[end]))
            {
                end++;
            }
            if (end - start >= MinItems && OddOne(mentions, start, end) is { } odd)
            {
                result ??= [.. mentions];
                result[odd.Index] = mentions[odd.Index] with { Category = odd.Category };
            }
            start = end;
        }
        return result ?? mentions;
    }

    private static (int Index, string Category)? OddOne(List<EntityMention> mentions, int start, int end)
    {
        var majority = mentions[start].Category;
        var votes = 0;
        for (var m = start; m < end; m++)
        {
            if (mentions[m].Category == majority)
            {
                votes++;
            }
            else if (--votes < 0)
            {
                majority = mentions[m].Category;
                votes = 1;
            }
        }
        var odd = -1;
        for (var m = start; m < end; m++)
        {
            if (mentions[m].Category != majority)
            {
                if (odd >= 0)
                {
                    return null;
                }
                odd = m;
            }
        }
        return odd < 0 ? null : (odd, majority);
    }

    /// <summary>Whether only ",", "and", "or" or ", and" stand between the two mentions.</summary>
    private static bool Joined(string text, EntityMention left, EntityMention right) =>
        TokenText.TryGetGap(text, left, right, out var gap) // overlapping mentions are no list
        && (gap.SequenceEqual(",") || gap.SequenceEqual("and") || gap.SequenceEqual("or") || gap.SequenceEqual(", and")
            || gap.SequenceEqual(", or"));
}
