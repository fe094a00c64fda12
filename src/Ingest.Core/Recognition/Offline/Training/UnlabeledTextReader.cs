using System.Text.Json;

namespace Ingest.Core.Recognition.Offline.Training;

/// <summary>
/// Reads text used only for its words (the lexicon's clusters and capitalization habits), as tokenized sentences.
/// A <c>.json</c> file is read as an object whose values carry an <c>articleBody</c> string (the extraction
/// benchmark's ground truth) and tokenized with <see cref="TextTokenizer"/>; any other file as a labelled corpus
/// whose labels are ignored.
/// </summary>
internal static class UnlabeledTextReader
{
    public static IEnumerable<IReadOnlyList<string>> ReadFile(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return NerCorpusReader.ReadFile(path).Sentences.Select(s => (IReadOnlyList<string>)s.Words);
        }

        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var sentences = new List<IReadOnlyList<string>>();
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Object
                && entry.Value.TryGetProperty("articleBody", out var body)
                && body.GetString() is { } text)
            {
                var tokens = TextTokenizer.Tokenize(text);
                foreach (var sentence in SentenceSplitter.Split(text, tokens))
                {
                    var words = new string[sentence.Count];
                    for (var i = 0; i < sentence.Count; i++)
                    {
                        words[i] = tokens[sentence.First + i].In(text).ToString();
                    }
                    sentences.Add(words);
                }
            }
        }
        return sentences;
    }
}
