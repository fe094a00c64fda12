namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// One tokenized, labelled sentence. <see cref="Tags"/> are IOB2 over the internal types of
/// <see cref="NerEntityTypes"/> ("B-PER", "I-PER", "O"), whatever scheme the corpus file used.
/// <see cref="Document"/> numbers the document the sentence belongs to within its file (-DOCSTART- lines);
/// GMB marks no documents, so there each sentence is its own.
/// </summary>
public sealed record NerSentence(string[] Words, string[] Tags, int Document = 0)
{
    /// <summary>The labelled entities as token ranges [Start, End).</summary>
    public IEnumerable<(int Start, int End, string Type)> Entities()
    {
        var i = 0;
        while (i < Tags.Length)
        {
            if (!Tags[i].StartsWith("B-", StringComparison.Ordinal))
            {
                i++;
                continue;
            }
            var type = Tags[i][2..];
            var end = i + 1;
            while (end < Tags.Length && Tags[end].Length == type.Length + 2 && Tags[end].StartsWith("I-", StringComparison.Ordinal) && Tags[end].EndsWith(type, StringComparison.Ordinal))
            {
                end++;
            }
            yield return (i, end, type);
            i = end;
        }
    }
}

/// <summary>How a corpus file marks entity boundaries; decides whether adjacent same-type entities are distinguishable.</summary>
public enum NerTagScheme
{
    /// <summary>B-/I- prefixes (IOB2 or BIO): every entity boundary is marked.</summary>
    Bio,

    /// <summary>I- prefixes only: adjacent entities of one type merge into one.</summary>
    Io,

    /// <summary>Bare type labels (GUM): like IO.</summary>
    Unprefixed,
}

/// <summary>The sentences of one corpus file and the scheme its tags used.</summary>
public sealed record NerCorpus(string Name, NerTagScheme Scheme, IReadOnlyList<NerSentence> Sentences);
