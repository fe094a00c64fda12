using System.Text;
using System.Text.Json;

namespace Ingest.Tests.Shared;

/// <summary>One invented article: a title and its paragraphs, as the cleaner should read it back whatever the file format.</summary>
internal sealed record GeneratedStory(string Title, IReadOnlyList<string> Paragraphs)
{
    public string Body => string.Join("\n\n", Paragraphs);

    /// <summary>The same story as a file, in one of <see cref="GeneratedStories.CopyFormats"/>: other bytes, the same cleaned text.</summary>
    public (string Extension, byte[] Content, string ContentType) AsFile(string format)
    {
        var text = $"{Title}\n\n{Body}\n";
        return format switch
        {
            "txt" => ("txt", Encoding.UTF8.GetBytes(text), "text/plain"),
            "txt-crlf-bom" => ("txt", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))], "text/plain"),
            "txt-utf16" => ("txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text.ReplaceLineEndings("\r\n"))], "text/plain"),
            "json" => ("json", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { title = Title, body = Body })), "application/json"),
            "html" => ("html", Encoding.UTF8.GetBytes(
                $"<html><head><title>{Title}</title></head><body><article><h1>{Title}</h1>{string.Concat(Paragraphs.Select(p => $"<p>{p}</p>"))}</article></body></html>"),
                "text/html"),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown copy format."),
        };
    }
}

/// <summary>
/// A seeded generator of invented articles for load tests. Sentences are seeded draws from a vocabulary of
/// ordinary news words with invented names and places, so two stories of different seeds share almost no run of
/// four words (estimated Jaccard of their shingles near 0: they never meet as near duplicates), while
/// <see cref="NearCopy"/> makes a few word edits that keep a copy far above the near-duplicate threshold.
/// </summary>
internal static class GeneratedStories
{
    /// <summary>Formats whose files clean to the same text (see ExactAcrossFormatsTests): copies in them are exact duplicates.</summary>
    public static readonly IReadOnlyList<string> CopyFormats = ["txt", "txt-crlf-bom", "txt-utf16", "json", "html"];

    private static readonly string[] People =
    [
        "Maria Lindqvist", "Tomas Okafor", "Ines Haraldsen", "Piotr Vance", "Amara Quist", "Jonah Brell", "Sanne Mistral",
        "Oskar Feld", "Lucia Tamberg", "Dev Arkwright", "Hanna Solberg", "Kofi Marlow", "Elin Dusk", "Rafael Stoner",
    ];

    private static readonly string[] Places =
    [
        "Northport", "Eastholm", "the Skerry Islands", "Tarnby", "Westmere", "Holloway Bay", "Brackenford", "Lowmoor",
        "Saltcombe", "Greywater", "Fennick", "Ashdown Quay",
    ];

    private static readonly string[] Words =
    [
        "harbour", "council", "ferry", "timetable", "islands", "budget", "vote", "bridge", "market", "school", "tide",
        "lighthouse", "mayor", "residents", "winter", "repairs", "quay", "fishermen", "weather", "festival", "library",
        "station", "museum", "river", "storm", "road", "tunnel", "hospital", "garden", "park", "teachers", "nurses",
        "drivers", "tickets", "fares", "rents", "wages", "permits", "plans", "crossing", "pier", "boats", "buses",
        "trains", "shops", "cafés", "farmers", "engineers", "volunteers", "students", "pupils", "visitors", "tourists",
        "approved", "delayed", "opened", "closed", "rebuilt", "funded", "doubled", "halved", "praised", "criticised",
        "after", "before", "during", "despite", "without", "beside", "near", "across", "new", "old", "busy", "quiet",
    ];

    public static GeneratedStory Story(int seed)
    {
        var random = new Random(seed);
        var place = Places[random.Next(Places.Length)];
        var title = $"{Cap(Words[random.Next(Words.Length)])} {Words[random.Next(Words.Length)]} in {place}, report {seed}";
        var paragraphs = Enumerable.Range(0, 3)
            .Select(_ => string.Join(' ', Enumerable.Range(0, 3).Select(_ => Sentence(random))))
            .ToList();
        return new GeneratedStory(title, paragraphs);
    }

    /// <summary>
    /// The story with <paramref name="edits"/> small edits in its body (a word replaced, dropped or inserted), title kept:
    /// each edit changes at most 4 of the ~100 shingles, so a few edits leave the estimated Jaccard near 0.8.
    /// </summary>
    public static GeneratedStory NearCopy(GeneratedStory story, int seed, int edits = 3)
    {
        var random = new Random(seed);
        var paragraphs = story.Paragraphs.Select(p => p.Split(' ').ToList()).ToList();
        for (var edit = 0; edit < edits; edit++)
        {
            var words = paragraphs[random.Next(paragraphs.Count)];
            // Never the first or last word: keep the sentence case and the closing full stop as they were.
            var at = 1 + random.Next(words.Count - 2);
            switch (edit % 3)
            {
                case 0:
                    words[at] = Words[random.Next(Words.Length)];
                    break;
                case 1:
                    words.RemoveAt(at);
                    break;
                default:
                    words.Insert(at, Words[random.Next(Words.Length)]);
                    break;
            }
        }
        return story with { Paragraphs = paragraphs.Select(words => string.Join(' ', words)).ToList() };
    }

    private static string Sentence(Random random)
    {
        var words = Enumerable.Range(0, 8 + random.Next(6)).Select(_ => Words[random.Next(Words.Length)]).ToList();
        words.Insert(random.Next(words.Count), random.Next(2) == 0 ? People[random.Next(People.Length)] : Places[random.Next(Places.Length)]);
        return Cap(string.Join(' ', words)) + ".";
    }

    private static string Cap(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
