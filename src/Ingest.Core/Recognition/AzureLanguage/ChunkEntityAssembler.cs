using Ingest.Core.Articles;

namespace Ingest.Core.Recognition.AzureLanguage;

/// <summary>
/// Turns the entities the service found in each chunk into mentions of the whole article: offsets shifted by the
/// chunk's start, text taken from the article at those offsets (the offsets are what consumers rely on), categories
/// put in the shared vocabulary, and a mention that a chunk boundary cut in two joined back into one.
/// </summary>
internal static class ChunkEntityAssembler
{
    private static readonly Dictionary<string, string> KnownCategories = new[]
    {
        EntityCategories.Person, EntityCategories.PersonType, EntityCategories.Location, EntityCategories.Organization,
        EntityCategories.Event, EntityCategories.Product, EntityCategories.Skill, EntityCategories.Address,
        EntityCategories.PhoneNumber, EntityCategories.Email, EntityCategories.Url, EntityCategories.IP,
        EntityCategories.DateTime, EntityCategories.Quantity,
    }.ToDictionary(name => name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Our name for a category the service sends; one we do not know is kept exactly as sent.</summary>
    public static string NormalizeCategory(string category) =>
        KnownCategories.TryGetValue(category, out var known) ? known : category;

    /// <summary>
    /// Maps one chunk's entities to article offsets. Entities with no category or offsets outside the chunk are
    /// dropped and counted in <paramref name="malformed"/> so the caller can log them.
    /// </summary>
    public static List<EntityMention> MapChunk(string text, TextChunk chunk, IReadOnlyList<RecognizedEntity> entities, out int malformed)
    {
        malformed = 0;
        var mentions = new List<EntityMention>(entities.Count);
        foreach (var entity in entities)
        {
            if (string.IsNullOrEmpty(entity.Category) || entity.Offset < 0 || entity.Length <= 0
                || entity.Offset + entity.Length > chunk.Length)
            {
                malformed++;
                continue;
            }
            var offset = chunk.Offset + entity.Offset;
            mentions.Add(new EntityMention
            {
                Text = text.Substring(offset, entity.Length),
                Category = NormalizeCategory(entity.Category),
                Subcategory = string.IsNullOrEmpty(entity.Subcategory) ? null : entity.Subcategory,
                Offset = offset,
                Length = entity.Length,
                Confidence = entity.ConfidenceScore,
            });
        }
        mentions.Sort((a, b) => a.Offset != b.Offset ? a.Offset.CompareTo(b.Offset) : b.Length.CompareTo(a.Length));
        return mentions;
    }

    /// <summary>
    /// Concatenates consecutive chunks' mentions. Where the last mention of a chunk and the first of the next have
    /// the same category and only spaces between them across the boundary (no line break, no punctuation), the cut
    /// went through one entity ("Rio de | Janeiro"), and they become one mention with the lower confidence.
    /// Two different same-category entities separated by a bare space exactly at a cut would be joined too; cuts
    /// prefer sentence ends, which makes that rare, and a missed join would be the worse error.
    /// </summary>
    public static List<EntityMention> Join(string text, IReadOnlyList<TextChunk> chunks, IReadOnlyList<List<EntityMention>> mentionsPerChunk)
    {
        var joined = new List<EntityMention>();
        for (var index = 0; index < chunks.Count; index++)
        {
            var mentions = mentionsPerChunk[index];
            var start = 0;
            if (index > 0 && mentions.Count > 0 && joined.Count > 0
                && TryJoinAcross(text, chunks[index].Offset, joined[^1], mentions[0], out var whole))
            {
                joined[^1] = whole;
                start = 1;
            }
            for (var i = start; i < mentions.Count; i++)
            {
                joined.Add(mentions[i]);
            }
        }
        return joined;
    }

    private static bool TryJoinAcross(string text, int boundary, EntityMention before, EntityMention after, out EntityMention whole)
    {
        whole = before;
        var beforeEnd = before.Offset + before.Length;
        if (beforeEnd > boundary || after.Offset < boundary
            || !string.Equals(before.Category, after.Category, StringComparison.Ordinal)
            || !IsSpaceOnly(text.AsSpan(beforeEnd, after.Offset - beforeEnd)))
        {
            return false;
        }
        var length = after.Offset + after.Length - before.Offset;
        whole = before with
        {
            Text = text.Substring(before.Offset, length),
            Length = length,
            Subcategory = before.Subcategory == after.Subcategory ? before.Subcategory : null,
            Confidence = Math.Min(before.Confidence, after.Confidence),
        };
        return true;
    }

    private static bool IsSpaceOnly(ReadOnlySpan<char> gap)
    {
        foreach (var c in gap)
        {
            if (!char.IsWhiteSpace(c) || c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                return false;
            }
        }
        return true;
    }
}
