using System.Text;

namespace Ingest.Cli.Bench;

/// <summary>
/// Seeded generator of invented news articles for the throughput harness: a title line, then paragraphs of sentences
/// built from invented names, places and organisations, so the recognizer has entities to find. Every article is its
/// own story (its words are drawn independently from a large invented vocabulary), so none is a near duplicate of
/// another and every one should end <c>processed</c>. The same seed and index always give the same text.
/// </summary>
internal sealed class BenchArticleGenerator(int seed, int words)
{
    private static readonly string[] FirstNames =
        ["Maren", "Tobias", "Ilse", "Corwin", "Anneke", "Desmond", "Liora", "Bastian", "Orla", "Emrys", "Signe", "Caspian", "Yelena", "Ambrose", "Tove", "Percival"];
    private static readonly string[] LastNames =
        ["Halvorsen", "Quennell", "Marchetti", "Oyelaran", "Strand", "Vasquez-Hale", "Lindqvist", "Thornbury", "Achebe", "Kowalczyk", "Ferreira", "Nakamura"];
    private static readonly string[] Places =
        ["Northport", "Eastmere", "Kellford", "Brackwater", "Saltmarsh Bay", "Vinterby", "Old Harrow", "Greyhaven", "Luncaster", "Port Ambrel"];
    private static readonly string[] Organisations =
        ["Northport Harbour Authority", "Eastmere Council", "Kellford Rail Company", "Brackwater University", "Greyhaven Water Board", "Luncaster Transit Union"];
    private static readonly string[] Verbs =
        ["approved", "rejected", "announced", "delayed", "funded", "reviewed", "questioned", "expanded", "cancelled", "proposed", "defended", "inspected"];

    // Invented lowercase words (consonant-vowel syllables): a vocabulary of 8,400 words, so two generated articles
    // share almost no 4-word shingles and the near-duplicate check finds no match.
    private static readonly string[] Syllables = ["ka", "lo", "mi", "ren", "sa", "tu", "vel", "no", "ri", "fa", "don", "le", "ba", "qui", "zo", "har", "mel", "ti", "por", "gan"];

    public string TextOf(int index)
    {
        // Not HashCode.Combine: it is randomized per process, and the same seed must give the same articles on every run.
        var random = new Random(unchecked(seed * 1_000_003 + index));
        var text = new StringBuilder(words * 8);
        var place = Pick(random, Places);
        text.Append(place).Append(' ').Append(Pick(random, Verbs)).Append(' ').Append(Word(random)).Append(' ').Append(Word(random))
            .Append(" plan, report ").Append(index).Append('\n').Append('\n');
        var written = 0;
        while (written < words)
        {
            var sentences = random.Next(3, 6);
            for (var s = 0; s < sentences && written < words; s++)
            {
                written += AppendSentence(random, text);
                text.Append(' ');
            }
            text.Length--;
            text.Append('\n').Append('\n');
        }
        return text.ToString();
    }

    private static int AppendSentence(Random random, StringBuilder text)
    {
        var count = 0;
        switch (random.Next(4))
        {
            case 0:
                text.Append(Pick(random, FirstNames)).Append(' ').Append(Pick(random, LastNames)).Append(" said the");
                count += 4;
                break;
            case 1:
                text.Append("The ").Append(Pick(random, Organisations)).Append(' ').Append(Pick(random, Verbs)).Append(" the");
                count += 6;
                break;
            case 2:
                text.Append("In ").Append(Pick(random, Places)).Append(", the");
                count += 3;
                break;
            default:
                text.Append("The");
                count += 1;
                break;
        }
        var length = random.Next(8, 18);
        for (var i = 0; i < length; i++)
        {
            text.Append(' ').Append(Word(random));
        }
        text.Append('.');
        return count + length;
    }

    private static string Word(Random random)
    {
        var syllables = random.Next(2, 4);
        Span<char> buffer = stackalloc char[12];
        var length = 0;
        for (var i = 0; i < syllables; i++)
        {
            foreach (var c in Syllables[random.Next(Syllables.Length)])
            {
                buffer[length++] = c;
            }
        }
        return new string(buffer[..length]);
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
